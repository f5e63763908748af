package dev.gatehouse.runtime.internal.limits;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.Gateway;
import dev.gatehouse.GatewayRequest;
import dev.gatehouse.GatewayResponse;
import dev.gatehouse.QuotaPeriod;
import dev.gatehouse.integration.Integrations;
import dev.gatehouse.runtime.internal.pipeline.Deployment;
import dev.gatehouse.testing.ManualClock;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class RefusalCountersTest {
  private static final String KEY = "demo-key-value-aaaaaaaaaa";

  private final Limits limits = new Limits(new ManualClock(Instant.parse("2026-11-24T10:00:00Z")));
  private final Deployment deployment = new Deployment(Gateway.builder()
      .restApi("petstore", api -> api
          .stage("prod", stage -> stage.throttle("GET /open", 0, 1))
          .route("GET /pets", Integrations.mock(200), route -> route.apiKeyRequired())
          .route("GET /open", Integrations.mock(200)))
      .usagePlan("basic", plan -> plan.stage("petstore", "prod", s -> s.throttle("GET /pets", 0, 10))
          .quota(2, QuotaPeriod.DAY).apiKey("a", KEY))
      .definition(),
      route -> (ex, next) -> CompletableFuture.completedFuture(GatewayResponse.builder(200).build()),
      limits);

  private int status(String path, String key) {
    GatewayRequest.Builder request = GatewayRequest.builder("GET", path).header("Host", "localhost");
    if (key != null) {
      request.header("x-api-key", key);
    }
    return deployment.entry().proceed(deployment.exchange(request.build(), 0, "r"))
        .toCompletableFuture().join().status();
  }

  @Test
  void throttledAndQuotaRefusedRequestsAreCountedPerApiStageAndKey() {
    for (int i = 0; i < 3; i++) {
      status("/prod/open", null);
    }
    for (int i = 0; i < 5; i++) {
      status("/prod/pets", KEY);
    }

    assertThat(limits.refusals().count("throttled", "petstore", "prod", null)).as("open: 1 admitted of 3").isEqualTo(2);
    assertThat(limits.refusals().count("throttled", "petstore", "prod", "a")).isZero();
    assertThat(limits.refusals().count("quota-exceeded", "petstore", "prod", "a")).as("quota 2 of 5").isEqualTo(3);
  }
}
