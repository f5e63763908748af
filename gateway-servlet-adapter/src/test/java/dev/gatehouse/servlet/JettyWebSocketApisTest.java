package dev.gatehouse.servlet;

import dev.gatehouse.Gateway;
import dev.gatehouse.testing.WebSocketContract;

/** The WebSocket API suite (the real engine, real clients) in embedded Jetty 12. */
class JettyWebSocketApisTest extends WebSocketContract {
  @Override
  protected Served serve(Gateway gateway) throws Exception {
    return ServletWebSocketApis.serve(new JettyContainer(), gateway);
  }
}
