package dev.gatehouse.servlet;

import dev.gatehouse.Gateway;
import dev.gatehouse.testing.WebSocketContract;

/** The WebSocket API suite (the real engine, real clients) in embedded Tomcat 11. */
class TomcatWebSocketApisTest extends WebSocketContract {
  @Override
  protected Served serve(Gateway gateway) throws Exception {
    return ServletWebSocketApis.serve(new TomcatContainer(), gateway);
  }
}
