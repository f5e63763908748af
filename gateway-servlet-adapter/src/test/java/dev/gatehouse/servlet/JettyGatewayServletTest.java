package dev.gatehouse.servlet;

/** {@link GatewayServletContract} in embedded Jetty 12 (ee10). */
class JettyGatewayServletTest extends GatewayServletContract {
  @Override
  protected ServletContainer newContainer() {
    return new JettyContainer();
  }
}
