package dev.gatehouse.servlet;

import dev.gatehouse.Gateway;
import dev.gatehouse.testing.GatewayHttpContract;
import java.net.URI;

/** The whole gateway (the real engine) behind {@link GatewayServlet} in embedded Tomcat. */
class TomcatGatewayTest extends GatewayHttpContract {
  private ServletContainer container;

  @Override
  protected URI start(Gateway gateway) throws Exception {
    container = new TomcatContainer();
    return container.start(gateway, "/app", "/api/*");
  }

  @Override
  protected void stop() {
    container.close();
  }
}
