package dev.gatehouse.jdkserver;

import dev.gatehouse.Gateway;
import dev.gatehouse.testing.StreamingProxyContract;
import java.net.URI;

/** {@link StreamingProxyContract} on the JDK's {@code HttpServer}. */
class JdkStreamingProxyTest extends StreamingProxyContract {
  private TestServer server;

  @Override
  protected URI start(Gateway gateway) {
    server = TestServer.http("/", gateway);
    return server.uri("");
  }

  @Override
  protected void stop() {
    server.close();
  }
}
