package dev.gatehouse.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.Gateway;
import dev.gatehouse.GatewayDefinition;
import dev.gatehouse.GatewayRequest;
import dev.gatehouse.integration.Integrations;
import dev.gatehouse.testing.Backend;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;

/** Backend clients across redeploys: kept while a deployment uses them, closed once none does. */
class HttpRedeployTest {

  private static GatewayDefinition definition(String url, SSLContext tls) {
    return Gateway.builder()
        .httpApi("shop", api -> api.route("GET /a", Integrations.http(url + "/a", http -> http.sslContext(tls)),
            route -> route.timeout(Duration.ofSeconds(2))))
        .definition();
  }

  private static long backendThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(thread -> thread.isAlive() && thread.getName().startsWith("gatehouse-backend")).count();
  }

  private static SSLContext newContext() throws Exception {
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, null, null);
    return context;
  }

  @Test
  void redeploysWithNewTlsContextsCloseTheClientsNoDeploymentUses() throws Exception {
    long before = backendThreads();
    try (Backend backend = Backend.start();
        Gateway gateway = definition(backend.url(), newContext()).toBuilder().build()) {
      GatewayRequest request = GatewayRequest.builder("GET", "/a").header("Host", "localhost").build();
      assertThat(gateway.handle(request).toCompletableFuture().get(10, TimeUnit.SECONDS).status()).isEqualTo(200);
      long oneClient = backendThreads() - before;

      for (int i = 0; i < 5; i++) {
        gateway.redeploy(definition(backend.url(), newContext()));
        assertThat(gateway.handle(request).toCompletableFuture().get(10, TimeUnit.SECONDS).status()).isEqualTo(200);
      }

      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (backendThreads() - before > oneClient && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      assertThat(backendThreads() - before).isLessThanOrEqualTo(oneClient);
      assertThat(backend.requestCount()).isEqualTo(6);
    }
  }
}
