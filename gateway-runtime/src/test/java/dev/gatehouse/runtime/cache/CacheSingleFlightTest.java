package dev.gatehouse.runtime.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.Gateway;
import dev.gatehouse.GatewayRequest;
import dev.gatehouse.GatewayResponse;
import dev.gatehouse.event.ProxyResponseV1;
import dev.gatehouse.integration.Integrations;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Concurrent misses for one key wait on one integration call, and share its failure without caching it. */
class CacheSingleFlightTest {
  private final AtomicInteger calls = new AtomicInteger();
  private final AtomicReference<CompletableFuture<ProxyResponseV1>> pending = new AtomicReference<>();
  private Gateway gateway;

  @BeforeEach
  void start() {
    gateway = Gateway.builder().restApi("petstore", api -> api
            .stage("prod", stage -> stage.cache(cache -> {}))
            .route("GET /pets", Integrations.asyncFunction(event -> {
              calls.incrementAndGet();
              return pending.get();
            })))
        .build();
  }

  @AfterEach
  void stop() {
    gateway.close();
  }

  private List<CompletableFuture<GatewayResponse>> fiveHundredMisses() {
    List<CompletableFuture<GatewayResponse>> answers = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      answers.add(gateway.handle(GatewayRequest.builder("GET", "/prod/pets").build()).toCompletableFuture());
    }
    return answers;
  }

  @Test
  void fiveHundredConcurrentMissesMakeOneCall() throws Exception {
    pending.set(new CompletableFuture<>());
    List<CompletableFuture<GatewayResponse>> answers = fiveHundredMisses();

    pending.get().complete(ProxyResponseV1.of(200, "[\"Rex\"]"));

    for (CompletableFuture<GatewayResponse> answer : answers) {
      assertThat(answer.get(10, TimeUnit.SECONDS).bodyAsString()).isEqualTo("[\"Rex\"]");
    }
    assertThat(calls).hasValue(1);
    assertThat(gateway.cache("petstore", "prod").misses()).isEqualTo(500);
  }

  @Test
  void failedCallFailsEveryWaiterTheSameWayAndIsNotCached() throws Exception {
    pending.set(new CompletableFuture<>());
    List<CompletableFuture<GatewayResponse>> answers = fiveHundredMisses();

    pending.get().completeExceptionally(new IllegalStateException("backend bug"));

    for (CompletableFuture<GatewayResponse> answer : answers) {
      GatewayResponse response = answer.get(10, TimeUnit.SECONDS);
      assertThat(response.status()).isEqualTo(502);
      assertThat(response.bodyAsString()).isEqualTo("{\"message\":\"Internal server error\"}");
    }
    assertThat(calls).hasValue(1);
    pending.set(CompletableFuture.completedFuture(ProxyResponseV1.of(200, "fine again")));
    assertThat(gateway.handle(GatewayRequest.builder("GET", "/prod/pets").build()).toCompletableFuture()
        .get(10, TimeUnit.SECONDS).bodyAsString()).isEqualTo("fine again");
    assertThat(calls).hasValue(2);
  }
}
