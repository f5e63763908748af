package dev.gatehouse.servlet;

/** {@link WebSocketTransportContract} in embedded Jetty 12 (ee10). */
class JettyWebSocketTest extends WebSocketTransportContract {
  @Override
  protected ServletContainer newContainer() {
    return new JettyContainer();
  }
}
