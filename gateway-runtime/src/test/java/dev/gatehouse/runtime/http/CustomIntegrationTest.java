package dev.gatehouse.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.ApiKey;
import dev.gatehouse.Gateway;
import dev.gatehouse.GatewayRequest;
import dev.gatehouse.GatewayResponse;
import dev.gatehouse.GatewayResponseType;
import dev.gatehouse.integration.CustomIntegration;
import dev.gatehouse.integration.IntegrationRequest;
import dev.gatehouse.integration.Integrations;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The {@link CustomIntegration} SPI: what it receives, and every way it can fail its contract. */
class CustomIntegrationTest {
  /** A demo value, not a secret. */
  private static final String KEY = "demo-key-value-cccccccccc";

  private final AtomicInteger calls = new AtomicInteger();
  private final ExecutorService worker = Executors.newSingleThreadExecutor();
  private Gateway gateway;

  @AfterEach
  void stop() {
    if (gateway != null) {
      gateway.close();
    }
    worker.shutdownNow();
  }

  /**
   * The REST API "shop", stage "prod" with a variable, and routes calling {@code integration}:
   * {@code GET /item/{id}}, {@code GET /slow} with a 100 ms timeout, and {@code GET /keyed} that
   * requires an API key.
   */
  private Gateway start(CustomIntegration integration) {
    CustomIntegration counted = request -> {
      calls.incrementAndGet();
      return integration.call(request);
    };
    gateway = Gateway.builder()
        .restApi("shop", api -> api
            .stage("prod", stage -> stage.variable("warehouse", "north"))
            .route("GET /item/{id}", Integrations.custom(counted))
            .route("GET /slow", Integrations.custom(counted), route -> route.timeout(Duration.ofMillis(100)))
            .route("GET /keyed", Integrations.custom(counted), route -> route.apiKeyRequired()))
        .usagePlan("basic", plan -> plan.stage("shop", "prod").apiKey(ApiKey.of("partner-c", KEY)))
        .build();
    return gateway;
  }

  private GatewayResponse call(GatewayRequest.Builder request) {
    GatewayRequest built = request.header("Host", "api.example.com").build();
    try {
      return gateway.handle(built).toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError("gateway did not answer " + built, e);
    }
  }

  private GatewayResponse get(String path) {
    return call(GatewayRequest.builder("GET", path));
  }

  private static void assertGatewayError(GatewayResponse response, int status, String message) {
    assertThat(response.status()).isEqualTo(status);
    assertThat(response.bodyAsString()).isEqualTo("{\"message\":\"" + message + "\"}");
    assertThat(response.headers().first("x-amzn-ErrorType")).isEqualTo("InternalServerErrorException");
    assertThat(response.headers().first("x-amzn-RequestId")).isNotBlank();
  }

  private static CompletionStage<GatewayResponse> ok(String body) {
    return CompletableFuture.completedFuture(GatewayResponse.builder(200).body(body).build());
  }

  @Test
  void theRequestCarriesContextStageVariablesAndDecodedParameters() {
    AtomicReference<IntegrationRequest> seen = new AtomicReference<>();
    start(request -> {
      seen.set(request);
      return ok("item " + request.pathParameters().get("id"));
    });

    GatewayResponse response = call(GatewayRequest.builder("GET", "/prod/item/a%20b")
        .rawQuery("size=L&tag=x&tag=y%20z")
        .sourceIp("192.0.2.9"));

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.bodyAsString()).isEqualTo("item a b");
    IntegrationRequest request = seen.get();
    assertThat(request.pathParameters()).isEqualTo(Map.of("id", "a b"));
    assertThat(request.queryParameters()).isEqualTo(Map.of("size", List.of("L"), "tag", List.of("x", "y z")));
    assertThat(request.context().stageVariables()).isEqualTo(Map.of("warehouse", "north"));
    assertThat(request.context().requestId()).isEqualTo(response.headers().first("x-amzn-RequestId"));
    assertThat(request.context().stage()).isEqualTo("prod");
    assertThat(request.context().resourcePath()).isEqualTo("/item/{id}");
    assertThat(request.context().identity().sourceIp()).isEqualTo("192.0.2.9");
    assertThat(request.request().rawPath()).isEqualTo("/prod/item/a%20b");
  }

  @Test
  void aStageCompletedLaterOnAnotherThreadIsTheAnswer() {
    start(request -> CompletableFuture.supplyAsync(
        () -> GatewayResponse.builder(201).header("X-Worker", "yes").body("made").build(), worker));

    GatewayResponse response = get("/prod/item/1");

    assertThat(response.status()).isEqualTo(201);
    assertThat(response.headers().first("X-Worker")).isEqualTo("yes");
    assertThat(response.bodyAsString()).isEqualTo("made");
  }

  @Test
  void aThrowGets502() {
    start(request -> {
      throw new IllegalStateException("inventory down at 10.0.0.7");
    });

    GatewayResponse response = get("/prod/item/1");

    assertGatewayError(response, 502, "Internal server error");
    assertThat(response.bodyAsString() + response.headers()).doesNotContain("10.0.0.7");
  }

  @Test
  void aFailedStageGets502() {
    start(request -> CompletableFuture.failedFuture(new IllegalStateException("inventory down")));

    assertGatewayError(get("/prod/item/1"), 502, "Internal server error");
  }

  @Test
  void aStageFailingLaterGets502() {
    start(request -> CompletableFuture.supplyAsync(() -> {
      throw new IllegalStateException("inventory down");
    }, worker));

    assertGatewayError(get("/prod/item/1"), 502, "Internal server error");
  }

  @Test
  void aNullStageGets502() {
    start(request -> null);

    assertGatewayError(get("/prod/item/1"), 502, "Internal server error");
  }

  @Test
  void aStageCompletedWithNullGets502() {
    start(request -> CompletableFuture.completedFuture(null));

    assertGatewayError(get("/prod/item/1"), 502, "Internal server error");
  }

  @Test
  void aStageThatNeverCompletesGets504AtTheRoutesTimeoutAndIsLeftAlone() {
    CompletableFuture<GatewayResponse> never = new CompletableFuture<>();
    start(request -> never);

    GatewayResponse response = get("/prod/slow");

    assertGatewayError(response, 504, "Endpoint request timed out");
    assertThat(never).isNotDone();
  }

  @Test
  void theApisGatewayResponseOverridesApplyToItsFailures() {
    gateway = Gateway.builder()
        .restApi("shop", api -> api
            .stage("prod")
            .gatewayResponse(GatewayResponseType.BAD_GATEWAY, r -> r.header("X-Custom-Error", "yes")
                .body("{\"error\":\"upstream\"}"))
            .route("GET /boom", Integrations.custom(request -> {
              throw new IllegalStateException("boom");
            })))
        .build();

    GatewayResponse response = get("/prod/boom");

    assertThat(response.status()).isEqualTo(502);
    assertThat(response.headers().first("X-Custom-Error")).isEqualTo("yes");
    assertThat(response.bodyAsString()).isEqualTo("{\"error\":\"upstream\"}");
  }

  @Test
  void guardsRunFirstAMissingApiKeyGets403AndTheIntegrationIsNotCalled() {
    start(request -> ok("keyed"));

    GatewayResponse refused = get("/prod/keyed");

    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.bodyAsString()).isEqualTo("{\"message\":\"Forbidden\"}");
    assertThat(calls).hasValue(0);

    GatewayResponse admitted = call(GatewayRequest.builder("GET", "/prod/keyed").header("x-api-key", KEY));
    assertThat(admitted.bodyAsString()).isEqualTo("keyed");
    assertThat(calls).hasValue(1);
  }
}
