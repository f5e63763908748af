package dev.gatehouse.servlet;

import dev.gatehouse.Gateway;
import dev.gatehouse.testing.StreamingProxyContract;
import java.net.URI;

/** {@link StreamingProxyContract}: the whole gateway behind {@link GatewayServlet} in embedded Jetty. */
class JettyStreamingProxyTest extends StreamingProxyContract {
  private ServletContainer container;

  @Override
  protected URI start(Gateway gateway) throws Exception {
    container = new JettyContainer();
    return container.start(gateway, "/app", "/api/*");
  }

  @Override
  protected void stop() {
    container.close();
  }
}
