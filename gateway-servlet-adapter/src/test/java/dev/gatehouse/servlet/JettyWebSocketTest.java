package dev.gatehouse.servlet;

/** {@link WebSocketContract} in embedded Jetty 12 (ee10). */
class JettyWebSocketTest extends WebSocketContract {
  @Override
  protected ServletContainer newContainer() {
    return new JettyContainer();
  }
}
