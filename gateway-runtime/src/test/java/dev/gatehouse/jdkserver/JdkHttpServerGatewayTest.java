package dev.gatehouse.jdkserver;

import dev.gatehouse.Gateway;
import dev.gatehouse.testing.GatewayHttpContract;
import java.net.URI;

/** The whole gateway over a real JDK {@code HttpServer}, mounted below the root. */
class JdkHttpServerGatewayTest extends GatewayHttpContract {
  private TestServer server;

  @Override
  protected URI start(Gateway gateway) {
    server = TestServer.http("/gw", gateway);
    return URI.create(server.uri("/gw").toString());
  }

  @Override
  protected void stop() {
    server.close();
  }
}
