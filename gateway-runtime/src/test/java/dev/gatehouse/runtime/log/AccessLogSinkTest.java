package dev.gatehouse.runtime.log;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.Gateway;
import dev.gatehouse.GatewayRequest;
import dev.gatehouse.GatewayResponse;
import dev.gatehouse.integration.Integrations;
import dev.gatehouse.log.AccessLogSink;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A sink is an observer: whatever it does, requests are answered as without it. */
class AccessLogSinkTest {

  private static Gateway gateway(AccessLogSink sink) {
    return Gateway.builder().restApi("petstore", api -> api
        .stage("prod", stage -> stage.accessLog(log -> log.format("$context.requestId $context.status").sink(sink)))
        .route("GET /pets", Integrations.mock(200, "[]"))).build();
  }

  private static List<GatewayResponse> call(Gateway gateway, int times) throws Exception {
    List<CompletableFuture<GatewayResponse>> answers = new ArrayList<>();
    for (int i = 0; i < times; i++) {
      answers.add(gateway.handle(GatewayRequest.builder("GET", "/prod/pets").build()).toCompletableFuture());
    }
    List<GatewayResponse> responses = new ArrayList<>();
    for (CompletableFuture<GatewayResponse> answer : answers) {
      responses.add(answer.get(10, TimeUnit.SECONDS));
    }
    return responses;
  }

  @Test
  void aThrowingSinkDoesNotAffectResponses() throws Exception {
    CountDownLatch tried = new CountDownLatch(5);
    try (Gateway gateway = gateway((api, stage, line) -> {
      tried.countDown();
      throw new IllegalStateException("log store down");
    })) {
      assertThat(call(gateway, 5)).extracting(GatewayResponse::status).containsOnly(200);
      assertThat(tried.await(10, TimeUnit.SECONDS)).isTrue();
      assertThat(call(gateway, 1)).extracting(GatewayResponse::status).containsOnly(200);
    }
  }

  @Test
  void aBlockingSinkDoesNotBlockRequests() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    List<String> lines = new CopyOnWriteArrayList<>();
    Gateway gateway = gateway((api, stage, line) -> {
      try {
        release.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      lines.add(line);
    });

    List<GatewayResponse> responses = call(gateway, 20);

    assertThat(responses).extracting(GatewayResponse::status).containsOnly(200);
    assertThat(lines).isEmpty();
    release.countDown();
    gateway.close();
    assertThat(lines).hasSize(20).allMatch(line -> line.endsWith(" 200"));
  }
}
