package dev.gatehouse.servlet;

import dev.gatehouse.Gateway;
import dev.gatehouse.testing.StreamedBodyContract;
import java.net.URI;

/** {@link StreamedBodyContract} behind {@link GatewayServlet} in embedded Tomcat. */
class TomcatStreamedBodyTest extends StreamedBodyContract {
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
