package dev.gatehouse.servlet;

/** {@link GatewayServletContract} in embedded Tomcat 11. */
class TomcatGatewayServletTest extends GatewayServletContract {
  @Override
  protected ServletContainer newContainer() {
    return new TomcatContainer();
  }
}
