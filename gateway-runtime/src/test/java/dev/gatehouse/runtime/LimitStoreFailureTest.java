package dev.gatehouse.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.ApiKey;
import dev.gatehouse.Gateway;
import dev.gatehouse.GatewayResponse;
import dev.gatehouse.QuotaPeriod;
import dev.gatehouse.Throttle;
import dev.gatehouse.integration.Integrations;
import dev.gatehouse.spi.ApiKeyStore;
import dev.gatehouse.spi.RateLimitStore;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

/** What a request gets when a store fails: AWS admits it when its usage-plan check fails; a key check fails closed. */
class LimitStoreFailureTest {
  private static final String KEY = "demo-key-value-aaaaaaaaaa";

  /** A shared store that has gone away: every operation fails, some by throwing. */
  private static final class UnreachableRateLimitStore implements RateLimitStore {
    @Override
    public CompletionStage<Take> take(String key, Throttle throttle, int permits) {
      return CompletableFuture.failedFuture(new IllegalStateException("connection refused"));
    }

    @Override
    public CompletionStage<Count> add(String key, long amount, long limit, Instant expiresAt) {
      throw new IllegalStateException("connection refused");
    }

    @Override
    public CompletionStage<Long> count(String key) {
      return null;
    }
  }

  private static final class UnreachableApiKeyStore implements ApiKeyStore {
    @Override
    public CompletionStage<Optional<ApiKey>> findByValue(String presentedValue) {
      return CompletableFuture.failedFuture(new IllegalStateException("connection refused"));
    }

    @Override
    public void add(ApiKey key) {}

    @Override
    public boolean setEnabled(String id, boolean enabled) {
      return false;
    }

    @Override
    public boolean remove(String id) {
      return false;
    }

    @Override
    public Optional<ApiKey> get(String id) {
      return Optional.empty();
    }

    @Override
    public List<ApiKey> list() {
      return List.of();
    }
  }

  private static Gateway gateway(RateLimitStore rateLimits, ApiKeyStore apiKeys) {
    return Gateway.builder()
        .restApi("petstore", api -> api
            .stage("prod", stage -> stage.throttle(0, 0))
            .route("GET /pets", Integrations.mock(200, "ok"), route -> route.apiKeyRequired()))
        .usagePlan("basic", plan -> plan.stage("petstore", "prod").throttle(0, 0).quota(0, QuotaPeriod.DAY)
            .apiKey("a", KEY))
        .rateLimitStore(rateLimits)
        .apiKeyStore(apiKeys)
        .build();
  }

  @Test
  void unreachableRateLimitStoreAdmitsTheRequestAsAwsDoes() {
    try (Gateway gateway = gateway(new UnreachableRateLimitStore(), null)) {
      GatewayResponse response = Requests.call(gateway, Requests.get("/prod/pets").header("x-api-key", KEY));

      assertThat(response.status()).isEqualTo(200);
      assertThat(response.bodyAsString()).isEqualTo("ok");
    }
  }

  @Test
  void unreachableApiKeyStoreFailsTheRequestRatherThanAdmitAnyone() {
    try (Gateway gateway = gateway(null, new UnreachableApiKeyStore())) {
      GatewayResponse response = Requests.call(gateway, Requests.get("/prod/pets").header("x-api-key", KEY));

      assertThat(response.status()).isEqualTo(500);
      assertThat(response.bodyAsString()).isEqualTo("{\"message\":\"Internal server error\"}");
    }
  }
}
