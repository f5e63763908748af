package dev.gatehouse.runtime;

import static dev.gatehouse.runtime.Requests.call;
import static dev.gatehouse.runtime.Requests.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.Gateway;
import dev.gatehouse.GatewayDefinition;
import dev.gatehouse.GatewayDefinitionException;
import dev.gatehouse.GatewayResponse;
import dev.gatehouse.event.ProxyResponseV1;
import dev.gatehouse.integration.Integrations;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class RedeployTest {

  private static GatewayDefinition version(String answer) {
    return Gateway.builder()
        .restApi("api", api -> api.stage("prod")
            .route("GET /version", Integrations.function(event -> ProxyResponseV1.of(200, answer))))
        .definition();
  }

  @Test
  void redeployUnderTrafficFailsNoRequestAndSwitchesAtomically() throws Exception {
    Gateway gateway = Gateway.builder().api(version("v0").apis().get(0)).build();
    ExecutorService clients = Executors.newFixedThreadPool(4);
    AtomicBoolean running = new AtomicBoolean(true);
    Set<String> answers = ConcurrentHashMap.newKeySet();
    List<Future<Integer>> results = new ArrayList<>();
    CountDownLatch allServing = new CountDownLatch(4);
    try {
      for (int c = 0; c < 4; c++) {
        results.add(clients.submit(() -> {
          int served = 0;
          // bounded: stops when told, and never runs past 20,000 requests per client
          while (running.get() && served < 20_000) {
            GatewayResponse response = call(gateway, get("/prod/version"));
            assertThat(response.status()).isEqualTo(200);
            answers.add(response.bodyAsString());
            if (served++ == 0) {
              allServing.countDown();
            }
          }
          return served;
        }));
      }
      assertThat(allServing.await(10, TimeUnit.SECONDS)).isTrue();
      for (int v = 1; v <= 20; v++) {
        gateway.redeploy(version("v" + v));
        Thread.yield();
      }
      running.set(false);
      for (Future<Integer> result : results) {
        assertThat(result.get(30, TimeUnit.SECONDS)).isPositive();
      }
      assertThat(call(gateway, get("/prod/version")).bodyAsString()).isEqualTo("v20");
      assertThat(answers).allMatch(a -> a.matches("v\\d+"));
    } finally {
      running.set(false);
      clients.shutdownNow();
      gateway.close();
    }
  }

  @Test
  void uncheckedDefinitionIsRefusedAndTheOldOneKeepsServing() {
    Gateway gateway = Gateway.builder().api(version("v0").apis().get(0)).build();
    try {
      GatewayDefinition broken = new GatewayDefinition(version("v1").apis(), List.of(), -1, null);

      assertThatThrownBy(() -> gateway.redeploy(broken))
          .isInstanceOf(GatewayDefinitionException.class)
          .hasMessage("maxRequestBodyBytes: -1 (expected: > 0)");
      assertThat(call(gateway, get("/prod/version")).bodyAsString()).isEqualTo("v0");
    } finally {
      gateway.close();
    }
  }

  @Test
  void requestInFlightFinishesOnTheDefinitionItStartedWith() throws Exception {
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Gateway gateway = Gateway.builder()
        .restApi("api", api -> api.stage("prod")
            .route("GET /version", Integrations.function(event -> {
              entered.countDown();
              release.await(10, TimeUnit.SECONDS);
              return ProxyResponseV1.of(200, "old");
            })))
        .build();
    try {
      var inFlight = gateway.handle(get("/prod/version").build()).toCompletableFuture();
      assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();

      gateway.redeploy(version("new"));
      release.countDown();

      assertThat(inFlight.get(10, TimeUnit.SECONDS).bodyAsString()).isEqualTo("old");
      assertThat(call(gateway, get("/prod/version")).bodyAsString()).isEqualTo("new");
      assertThat(gateway.definition().apis().get(0).routes()).hasSize(1);
    } finally {
      release.countDown();
      gateway.close();
    }
  }
}
