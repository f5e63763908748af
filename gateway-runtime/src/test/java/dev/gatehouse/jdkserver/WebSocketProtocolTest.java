package dev.gatehouse.jdkserver;

import dev.gatehouse.Gateway;
import dev.gatehouse.testing.WebSocketProtocolContract;
import java.net.InetSocketAddress;
import java.net.URI;

/** {@link WebSocketProtocolContract} on {@link JdkWebSocketServer}, whose ceiling is its own setting. */
class WebSocketProtocolTest extends WebSocketProtocolContract {
  @Override
  protected Served serve(Gateway gateway, int ceiling) throws Exception {
    JdkWebSocketServer server = JdkWebSocketServer.builder(new InetSocketAddress("127.0.0.1", 0), "/", gateway)
        .maxMessageBytes(ceiling)
        .start();
    return new Served(URI.create("ws://127.0.0.1:" + server.port()), server);
  }
}
