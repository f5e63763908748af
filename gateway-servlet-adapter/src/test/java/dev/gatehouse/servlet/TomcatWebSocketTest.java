package dev.gatehouse.servlet;

/** {@link WebSocketTransportContract} in embedded Tomcat 11. */
class TomcatWebSocketTest extends WebSocketTransportContract {
  @Override
  protected ServletContainer newContainer() {
    return new TomcatContainer();
  }
}
