package dev.gatehouse.jdkserver;

import com.sun.net.httpserver.HttpServer;
import dev.gatehouse.Gateway;
import dev.gatehouse.testing.WebSocketContract;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** The WebSocket suite on the JDK adapter: HTTP on the JDK server, WebSocket on Java-WebSocket beside it. */
class JdkWebSocketContractTest extends WebSocketContract {
  @Override
  protected Served serve(Gateway gateway) throws Exception {
    HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    ExecutorService threads = Executors.newFixedThreadPool(4);
    http.setExecutor(threads);
    JdkHttpServerAdapter.mount(http, "/api", gateway);
    http.start();
    JdkWebSocketServer webSockets = JdkWebSocketServer.start(new InetSocketAddress("127.0.0.1", 0), "/api", gateway);
    return new Served(URI.create("ws://127.0.0.1:" + webSockets.port() + "/api"),
        URI.create("http://127.0.0.1:" + http.getAddress().getPort() + "/api"), () -> {
          webSockets.close();
          http.stop(0);
          threads.shutdownNow();
        });
  }
}
