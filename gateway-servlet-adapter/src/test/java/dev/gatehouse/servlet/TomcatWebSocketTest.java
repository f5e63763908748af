package dev.gatehouse.servlet;

/** {@link WebSocketContract} in embedded Tomcat 11. */
class TomcatWebSocketTest extends WebSocketContract {
  @Override
  protected ServletContainer newContainer() {
    return new TomcatContainer();
  }
}
