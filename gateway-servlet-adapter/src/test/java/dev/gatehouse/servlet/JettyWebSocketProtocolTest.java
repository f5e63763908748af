package dev.gatehouse.servlet;

import dev.gatehouse.Gateway;
import dev.gatehouse.testing.WebSocketProtocolContract;

/**
 * {@link WebSocketProtocolContract} through {@link GatewayServlet} in embedded Jetty 12 (ee10), whose
 * ceiling is the one the gateway's upgrade announces.
 */
class JettyWebSocketProtocolTest extends WebSocketProtocolContract {
  @Override
  protected Served serve(Gateway gateway, int ceiling) throws Exception {
    return ServletWebSocketApis.serveProtocol(new JettyContainer(), gateway);
  }
}
