package dev.gatehouse.servlet;

import dev.gatehouse.Gateway;
import dev.gatehouse.testing.WebSocketProtocolContract;

/**
 * {@link WebSocketProtocolContract} through {@link GatewayServlet} in embedded Tomcat 11, whose
 * ceiling is the one the gateway's upgrade announces.
 */
class TomcatWebSocketProtocolTest extends WebSocketProtocolContract {
  @Override
  protected Served serve(Gateway gateway, int ceiling) throws Exception {
    return ServletWebSocketApis.serveProtocol(new TomcatContainer(), gateway);
  }
}
