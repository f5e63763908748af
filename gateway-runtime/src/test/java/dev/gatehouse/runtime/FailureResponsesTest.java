package dev.gatehouse.runtime;

import static dev.gatehouse.runtime.Requests.call;
import static dev.gatehouse.runtime.Requests.get;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.Gateway;
import dev.gatehouse.GatewayResponse;
import dev.gatehouse.GatewayResponseType;
import dev.gatehouse.event.ProxyResponseV1;
import dev.gatehouse.integration.Integrations;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every gateway response this slice produces, with AWS's status, body and error type. */
class FailureResponsesTest {
  private final CountDownLatch release = new CountDownLatch(1);
  private final ExecutorService oneThread = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
      new LinkedBlockingQueue<>(1));
  private final Gateway gateway = Gateway.builder()
      .restApi("petstore", api -> api
          .stage("prod")
          .route("GET /throws", Integrations.function(event -> {
            throw new IllegalStateException("boom: secret-backend.internal:5432");
          }))
          .route("GET /null", Integrations.function(event -> null))
          .route("GET /bad-status", Integrations.function(event -> ProxyResponseV1.of(42, "x")))
          .route("GET /bad-base64", Integrations.function(event -> new ProxyResponseV1(200, null, null, "%%%", true)))
          .route("GET /failed-stage", Integrations.asyncFunction(event ->
              CompletableFuture.failedFuture(new RuntimeException("async boom"))))
          .route("GET /null-stage", Integrations.asyncFunction(event -> null))
          .route("GET /slow", Integrations.function(event -> {
            release.await(10, TimeUnit.SECONDS);
            return ProxyResponseV1.of(200, "late");
          }), route -> route.timeout(Duration.ofMillis(50)))
          .route("GET /never", Integrations.asyncFunction(event -> new CompletableFuture<>()),
              route -> route.timeout(Duration.ofMillis(50)))
          .route("GET /mock-throws", Integrations.mock(request -> {
            throw new IllegalArgumentException("mock boom");
          }))
          .route("GET /header/{kind}", Integrations.function(event -> {
            String kind = event.pathParameters().get("kind");
            return new ProxyResponseV1(200, Map.of(
                kind.equals("crlf") ? "X-Ok" : kind.equals("space-name") ? "X Bad" : "X-Ok",
                kind.equals("crlf") ? "a\r\nSet-Cookie: admin=1" : kind.equals("nul") ? "a\0b" : "fine"),
                null, "x", false);
          }))
          .gatewayResponse(GatewayResponseType.INTEGRATION_TIMEOUT, r -> r.header("Retry-After", "1")))
      .handlerExecutor(oneThread)
      .maxRequestBodyBytes(16)
      .build();

  @AfterEach
  void close() {
    release.countDown();
    gateway.close();
    oneThread.shutdownNow();
  }

  @ParameterizedTest
  @ValueSource(strings = {"/prod/throws", "/prod/null", "/prod/bad-status", "/prod/bad-base64",
      "/prod/failed-stage", "/prod/null-stage", "/prod/mock-throws"})
  void brokenFunctionGets502InternalServerErrorWithoutLeakingDetails(String path) {
    GatewayResponse response = call(gateway, get(path));

    assertThat(response.status()).isEqualTo(502);
    assertThat(response.bodyAsString()).isEqualTo("{\"message\":\"Internal server error\"}");
    assertThat(response.headers().first("x-amzn-RequestId")).isNotBlank();
  }

  @ParameterizedTest
  @ValueSource(strings = {"crlf", "nul", "space-name"})
  void unsafeResponseHeaderGets502InsteadOfReachingTheWire(String kind) {
    GatewayResponse response = call(gateway, get("/prod/header/" + kind));

    assertThat(response.status()).isEqualTo(502);
    assertThat(response.headers().contains("Set-Cookie")).isFalse();
  }

  @Test
  void safeResponseHeaderPasses() {
    assertThat(call(gateway, get("/prod/header/plain")).headers().first("X-Ok")).isEqualTo("fine");
  }

  @Test
  void slowBlockingFunctionGets504EndpointRequestTimedOut() {
    GatewayResponse response = call(gateway, get("/prod/slow"));

    assertThat(response.status()).isEqualTo(504);
    assertThat(response.bodyAsString()).isEqualTo("{\"message\":\"Endpoint request timed out\"}");
    assertThat(response.headers().first("Retry-After")).isEqualTo("1");
  }

  @Test
  void asyncFunctionThatNeverAnswersGets504() {
    assertThat(call(gateway, get("/prod/never")).status()).isEqualTo(504);
  }

  @Test
  void fullHandlerExecutorGets429() throws Exception {
    CompletableFuture<GatewayResponse> first = gateway.handle(get("/prod/slow").build()).toCompletableFuture();
    CompletableFuture<GatewayResponse> queued = gateway.handle(get("/prod/slow").build()).toCompletableFuture();

    GatewayResponse rejected = call(gateway, get("/prod/slow"));

    assertThat(rejected.status()).isEqualTo(429);
    assertThat(rejected.bodyAsString()).isEqualTo("{\"message\":\"Too Many Requests\"}");
    release.countDown();
    first.get(10, TimeUnit.SECONDS);
    queued.get(10, TimeUnit.SECONDS);
  }

  @Test
  void refusedOversizedBodyGets413() {
    GatewayResponse response = call(gateway, get("/prod/throws").refusal(GatewayResponseType.REQUEST_TOO_LARGE));

    assertThat(response.status()).isEqualTo(413);
    assertThat(response.bodyAsString()).isEqualTo("{\"message\":\"Request Too Long\"}");
    assertThat(response.headers().first("x-amzn-ErrorType")).isEqualTo("RequestTooLargeException");
    assertThat(gateway.maxRequestBodyBytes()).isEqualTo(16);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/prod/a%zz", "/prod/%C3%28", "/prod/x%2fy", "/prod/%00", "/.."})
  void malformedPathGets400(String rawPath) {
    GatewayResponse response = call(gateway, get(rawPath));

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.bodyAsString()).isEqualTo("{\"message\":\"Bad Request\"}");
  }

  @Test
  void malformedQueryGets400() {
    assertThat(call(gateway, get("/prod/throws?a=%E0%A4%A")).status()).isEqualTo(400);
  }

  @Test
  void oneBrokenRequestDoesNotHarmTheNext() {
    call(gateway, get("/prod/throws"));

    assertThat(call(gateway, get("/prod/header/plain")).status()).isEqualTo(200);
  }
}
