package dev.gatehouse.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.ApiDefinition;
import dev.gatehouse.Gateway;
import dev.gatehouse.GatewayBuilder;
import dev.gatehouse.GatewayRequest;
import dev.gatehouse.GatewayResponse;
import dev.gatehouse.event.ProxyEventV1;
import dev.gatehouse.event.ProxyResponseV1;
import dev.gatehouse.integration.Integrations;
import dev.gatehouse.runtime.internal.RuntimeEngine;
import dev.gatehouse.testing.ManualClock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * A gateway on a manual clock for the API key, throttle and quota tests: a REST API {@code petstore}
 * whose {@code GET /pets} and {@code POST /pets} need a key and whose {@code GET /open} does not;
 * every function call records its event.
 */
final class LimitsFixture implements AutoCloseable {
  /** Demo values, not secrets. */
  static final String KEY_A = "demo-key-value-aaaaaaaaaa";
  static final String KEY_B = "demo-key-value-bbbbbbbbbb";

  final ManualClock clock;
  final List<ProxyEventV1> events = new CopyOnWriteArrayList<>();
  final Gateway gateway;

  /**
   * @param api adds stages and options to the petstore API
   * @param gateway adds usage plans and gateway options
   */
  LimitsFixture(Instant now, Consumer<ApiDefinition.Builder> api, UnaryOperator<GatewayBuilder> gateway) {
    this.clock = new ManualClock(now);
    GatewayBuilder builder = Gateway.builder().restApi("petstore", a -> {
      a.route("GET /pets", Integrations.function(this::answer), route -> route.apiKeyRequired())
          .route("POST /pets", Integrations.function(this::answer), route -> route.apiKeyRequired())
          .route("GET /open", Integrations.function(this::answer));
      api.accept(a);
    });
    this.gateway = new RuntimeEngine(clock).start(gateway.apply(builder).definition());
  }

  private ProxyResponseV1 answer(ProxyEventV1 event) {
    events.add(event);
    return ProxyResponseV1.builder(200).body("ok").build();
  }

  /** AWS's gateway-response shape: the status, {@code {"message":...}} and {@code x-amzn-ErrorType}. */
  static void assertGatewayError(GatewayResponse response, int status, String message, String errorType) {
    assertThat(response.status()).isEqualTo(status);
    assertThat(response.bodyAsString()).isEqualTo("{\"message\":\"" + message + "\"}");
    assertThat(response.headers().first("x-amzn-ErrorType")).isEqualTo(errorType);
  }

  GatewayResponse call(String method, String path, String apiKey) {
    GatewayRequest.Builder request = Requests.request(method, path);
    if (apiKey != null) {
      request.header("x-api-key", apiKey);
    }
    return Requests.call(gateway, request);
  }

  GatewayResponse get(String path, String apiKey) {
    return call("GET", path, apiKey);
  }

  /** How many of {@code n} calls got 200. */
  int admitted(int n, String method, String path, String apiKey) {
    int ok = 0;
    for (int i = 0; i < n; i++) {
      ok += call(method, path, apiKey).status() == 200 ? 1 : 0;
    }
    return ok;
  }

  @Override
  public void close() {
    gateway.close();
  }
}
