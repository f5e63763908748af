package dev.gatehouse.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.Gateway;
import dev.gatehouse.GatewayRequest;
import dev.gatehouse.GatewayResponse;
import dev.gatehouse.integration.HttpIntegration;
import dev.gatehouse.integration.Integrations;
import dev.gatehouse.runtime.internal.RuntimeEngine;
import dev.gatehouse.testing.Backend;
import dev.gatehouse.testing.Backend.Answer;
import dev.gatehouse.testing.ManualClock;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Circuit breaker, retry and bulkhead (Resilience4j) in front of a real backend on loopback. */
class HttpResilienceTest extends BackendTest {
  private final ManualClock clock = new ManualClock(Instant.parse("2026-11-24T10:00:00Z"));

  /** A gateway on the manual clock with the REST API "shop", stages "prod" and "beta", and these routes. */
  private Gateway start(String route, HttpIntegration integration, Duration timeout) {
    gateway = new RuntimeEngine(clock).start(Gateway.builder()
        .restApi("shop", api -> api
            .stage("prod")
            .stage("beta")
            .route(route, integration, r -> r.timeout(timeout)))
        .definition());
    return gateway;
  }

  private Gateway start(String route, HttpIntegration integration) {
    return start(route, integration, Duration.ofSeconds(10));
  }

  private CompletableFuture<GatewayResponse> send(String method, String path) {
    return gateway.handle(GatewayRequest.builder(method, path).header("Host", "api.example.com").build())
        .toCompletableFuture();
  }

  private GatewayResponse call(String method, String path) {
    try {
      return send(method, path).get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError("gateway did not answer " + method + " " + path, e);
    }
  }

  private static void assertGatewayError(GatewayResponse response, int status, String message, String type) {
    assertThat(response.status()).isEqualTo(status);
    assertThat(response.bodyAsString()).isEqualTo("{\"message\":\"" + message + "\"}");
    assertThat(response.headers().first("x-amzn-ErrorType")).isEqualTo(type);
  }

  private static void assertCircuitOpen(GatewayResponse response) {
    assertGatewayError(response, 503, "Service Unavailable", "ServiceUnavailableException");
  }

  private HttpIntegration breakerOfFour(String path) {
    return Integrations.http(backend.url() + path, http -> http
        .circuitBreaker("orders", breaker -> breaker
            .slidingWindowSize(4)
            .minimumNumberOfCalls(4)
            .failureRateThreshold(50)
            .waitDurationInOpenState(Duration.ofSeconds(30))
            .permittedNumberOfCallsInHalfOpenState(2)));
  }

  @Test
  void breakerOpensAfterTheFailuresAndClosesAfterSuccessfulProbesOnTheGatewaysClock() {
    start("GET /orders", breakerOfFour("/orders"));
    backend.answerAlways(Answer.of(500, "down"));

    for (int i = 0; i < 4; i++) {
      assertThat(call("GET", "/prod/orders").status()).as("call %d", i).isEqualTo(500);
    }
    assertCircuitOpen(call("GET", "/prod/orders"));
    assertThat(backend.requestCount()).isEqualTo(4);

    clock.advance(Duration.ofSeconds(29));
    assertCircuitOpen(call("GET", "/prod/orders"));
    assertThat(backend.requestCount()).isEqualTo(4);

    clock.advance(Duration.ofSeconds(2));
    backend.answerAlways(Answer.of(200, "back"));
    assertThat(call("GET", "/prod/orders").bodyAsString()).isEqualTo("back");
    assertThat(call("GET", "/prod/orders").bodyAsString()).isEqualTo("back");
    assertThat(backend.requestCount()).isEqualTo(6);

    // closed again: more calls than the half-open state permits all reach the backend
    for (int i = 0; i < 5; i++) {
      assertThat(call("GET", "/prod/orders").status()).isEqualTo(200);
    }
    assertThat(backend.requestCount()).isEqualTo(11);
  }

  @Test
  void failedProbesOpenTheBreakerAgain() {
    start("GET /orders", breakerOfFour("/orders"));
    backend.answerAlways(Answer.of(503, "down"));
    for (int i = 0; i < 4; i++) {
      call("GET", "/prod/orders");
    }
    clock.advance(Duration.ofSeconds(31));

    assertThat(call("GET", "/prod/orders").status()).isEqualTo(503);
    assertThat(call("GET", "/prod/orders").status()).isEqualTo(503);
    assertThat(backend.requestCount()).isEqualTo(6);

    assertCircuitOpen(call("GET", "/prod/orders"));
    assertThat(backend.requestCount()).isEqualTo(6);
  }

  @Test
  void statusesOutsideFailureStatusesDoNotCount() {
    start("GET /orders", Integrations.http(backend.url() + "/orders", http -> http
        .circuitBreaker("orders", breaker -> breaker.slidingWindowSize(2).minimumNumberOfCalls(2)
            .failureStatuses(502))));
    backend.answerAlways(Answer.of(500, "not counted"));

    for (int i = 0; i < 5; i++) {
      assertThat(call("GET", "/prod/orders").status()).isEqualTo(500);
    }
    assertThat(backend.requestCount()).isEqualTo(5);
  }

  @Test
  void connectionFailuresCountAsBreakerFailures() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    start("GET /orders", Integrations.http("http://127.0.0.1:" + closedPort + "/orders", http -> http
        .circuitBreaker("orders", breaker -> breaker.slidingWindowSize(2).minimumNumberOfCalls(2))));

    assertGatewayError(call("GET", "/prod/orders"), 504, "Internal server error", "InternalServerErrorException");
    assertGatewayError(call("GET", "/prod/orders"), 504, "Internal server error", "InternalServerErrorException");

    assertCircuitOpen(call("GET", "/prod/orders"));
  }

  @Test
  void routesNamingTheSameBreakerShareItWithinAStageAndNotAcrossStages() {
    gateway = new RuntimeEngine(clock).start(Gateway.builder()
        .restApi("shop", api -> api
            .stage("prod")
            .stage("beta")
            .route("GET /a", breakerOfFour("/a"))
            .route("GET /b", breakerOfFour("/b")))
        .definition());
    backend.answerAlways(Answer.of(500, "down"));

    call("GET", "/prod/a");
    call("GET", "/prod/b");
    call("GET", "/prod/a");
    call("GET", "/prod/b");
    assertThat(backend.requestCount()).isEqualTo(4);

    assertCircuitOpen(call("GET", "/prod/a"));
    assertCircuitOpen(call("GET", "/prod/b"));
    assertThat(call("GET", "/beta/a").status()).isEqualTo(500);
    assertThat(call("GET", "/beta/b").status()).isEqualTo(500);
    assertThat(backend.requestCount()).isEqualTo(6);
  }

  @Test
  void anOpenBreakerStaysOpenAcrossARedeployThatKeepsItsSettingsAndNotOneThatChangesThem() {
    start("GET /orders", breakerOfFour("/orders"));
    backend.answerAlways(Answer.of(500, "down"));
    for (int i = 0; i < 4; i++) {
      call("GET", "/prod/orders");
    }
    assertCircuitOpen(call("GET", "/prod/orders"));

    gateway.redeploy(gateway.definition().toBuilder()
        .restApi("other", api -> api.stage("other").route("GET /x", Integrations.mock(200)))
        .definition());
    assertCircuitOpen(call("GET", "/prod/orders"));
    assertThat(backend.requestCount()).isEqualTo(4);

    gateway.redeploy(Gateway.builder()
        .restApi("shop", api -> api
            .stage("prod")
            .route("GET /orders", Integrations.http(backend.url() + "/orders", http -> http
                .circuitBreaker("orders", breaker -> breaker.slidingWindowSize(10).minimumNumberOfCalls(10)))))
        .definition());
    assertThat(call("GET", "/prod/orders").status()).isEqualTo(500);
    assertThat(backend.requestCount()).isEqualTo(5);
  }

  private HttpIntegration retrying(int maxAttempts, Integer... retryStatuses) {
    return Integrations.http(backend.url() + "/r", http -> http.retry(retry -> {
      retry.maxAttempts(maxAttempts).waitDuration(Duration.ofMillis(10));
      if (retryStatuses.length > 0) {
        retry.retryStatuses(retryStatuses);
      }
    }));
  }

  @Test
  void idempotentRequestIsRetriedUntilItSucceeds() {
    start("GET /r", retrying(3));
    backend.enqueue(Answer.of(503, "busy")).enqueue(Answer.of(503, "busy")).enqueue(Answer.of(200, "done"));

    GatewayResponse response = call("GET", "/prod/r");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.bodyAsString()).isEqualTo("done");
    assertThat(backend.requestCount()).isEqualTo(3);
  }

  @Test
  void exhaustedRetriesPassTheLastAnswer() {
    start("GET /r", retrying(3));
    backend.enqueue(Answer.of(503, "one")).enqueue(Answer.of(502, "two")).enqueue(Answer.of(504, "three"))
        .enqueue(Answer.of(200, "too late"));

    GatewayResponse response = call("GET", "/prod/r");

    assertThat(response.status()).isEqualTo(504);
    assertThat(response.bodyAsString()).isEqualTo("three");
    assertThat(backend.requestCount()).isEqualTo(3);
  }

  @Test
  void postIsSentOnceWhateverTheRetrySettings() {
    start("POST /r", retrying(3));
    backend.enqueue(Answer.of(503, "busy")).enqueue(Answer.of(200, "done"));

    GatewayResponse response = call("POST", "/prod/r");

    assertThat(response.status()).isEqualTo(503);
    assertThat(backend.requestCount()).isEqualTo(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"PUT", "DELETE", "HEAD", "OPTIONS"})
  void otherIdempotentMethodsAreRetried(String method) {
    start(method + " /r", retrying(3));
    String body = method.equals("HEAD") ? "" : "answer";
    backend.enqueue(Answer.of(503, body)).enqueue(Answer.of(200, body));

    GatewayResponse response = call(method, "/prod/r");

    assertThat(response.status()).isEqualTo(200);
    assertThat(backend.requestCount()).isEqualTo(2);
  }

  @Test
  void onlyTheRetryStatusesAreRetried() {
    start("GET /r", retrying(3, 500));
    backend.enqueue(Answer.of(503, "not retried")).enqueue(Answer.of(500, "retried")).enqueue(Answer.of(200, "ok"));

    assertThat(call("GET", "/prod/r").status()).isEqualTo(503);
    assertThat(backend.requestCount()).isEqualTo(1);

    assertThat(call("GET", "/prod/r").status()).isEqualTo(200);
    assertThat(backend.requestCount()).isEqualTo(3);
  }

  @Test
  void aConnectionDroppedBeforeTheAnswerIsRetriedForGetButNotForPost() throws IOException {
    try (RawBackend raw = new RawBackend()) {
      raw.answer("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok");
      HttpIntegration integration = Integrations.http(raw.url() + "/r", http -> http
          .retry(retry -> retry.maxAttempts(3).waitDuration(Duration.ofMillis(10))));
      gateway = new RuntimeEngine(clock).start(Gateway.builder()
          .restApi("shop", api -> api.stage("prod").route("GET /r", integration).route("POST /r", integration))
          .definition());

      raw.enqueue("");
      GatewayResponse get = call("GET", "/prod/r");
      assertThat(get.status()).isEqualTo(200);
      assertThat(get.bodyAsString()).isEqualTo("ok");
      assertThat(raw.requests()).isEqualTo(2);

      raw.enqueue("");
      assertGatewayError(call("POST", "/prod/r"), 504, "Internal server error", "InternalServerErrorException");
      assertThat(raw.requests()).isEqualTo(3);
    }
  }

  @Test
  void theRoutesTimeoutBoundsAllAttemptsOfASlowBackend() throws Exception {
    start("GET /r", Integrations.http(backend.url() + "/r", http -> http
        .retry(retry -> retry.maxAttempts(5).waitDuration(Duration.ofMillis(10)).retryStatuses(503))),
        Duration.ofMillis(300));
    backend.answerAlways(Answer.of(503, "slow").delayed(Duration.ofSeconds(2)));

    GatewayResponse response = call("GET", "/prod/r");

    assertGatewayError(response, 504, "Endpoint request timed out", "InternalServerErrorException");
    backend.takeRequest();
    assertNoFurtherRequest(1);
  }

  @Test
  void noAttemptStartsAfterTheRoutesTimeout() throws Exception {
    start("GET /r", Integrations.http(backend.url() + "/r", http -> http
        .retry(retry -> retry.maxAttempts(20).waitDuration(Duration.ofMillis(300)))),
        Duration.ofMillis(450));
    backend.answerAlways(Answer.of(503, "busy"));

    GatewayResponse response = call("GET", "/prod/r");

    // attempts at about 0 and 300 ms; a third would start at about 600 ms, after the timeout
    assertGatewayError(response, 504, "Endpoint request timed out", "InternalServerErrorException");
    int attempts = backend.requestCount();
    assertThat(attempts).isBetween(1, 2);
    assertNoFurtherRequest(attempts);
  }

  /** The backend receives no request beyond {@code count} while a retry would have had time for several. */
  private void assertNoFurtherRequest(int count) throws InterruptedException {
    Thread.sleep(600);
    assertThat(backend.requestCount()).isEqualTo(count);
  }

  @Test
  void fullBulkheadRefusesWith429AndRetryAfterWithoutCallingTheBackend() throws Exception {
    start("GET /b", Integrations.http(backend.url() + "/b", http -> http.bulkhead("orders", 2)));
    backend.enqueue(Answer.of(200, "first").delayed(Duration.ofSeconds(2)))
        .enqueue(Answer.of(200, "second").delayed(Duration.ofSeconds(2)));

    CompletableFuture<GatewayResponse> first = send("GET", "/prod/b");
    CompletableFuture<GatewayResponse> second = send("GET", "/prod/b");
    backend.takeRequest();
    backend.takeRequest();

    GatewayResponse refused = call("GET", "/prod/b");
    assertGatewayError(refused, 429, "Too Many Requests", "TooManyRequestsException");
    assertThat(refused.headers().first("Retry-After")).isEqualTo("1");
    assertThat(backend.requestCount()).isEqualTo(2);

    assertThat(first.get(10, TimeUnit.SECONDS).status()).isEqualTo(200);
    assertThat(second.get(10, TimeUnit.SECONDS).status()).isEqualTo(200);
    assertThat(backend.requestCount()).isEqualTo(2);
    GatewayResponse after = call("GET", "/prod/b");
    assertThat(after.status()).isEqualTo(200);
    assertThat(backend.requestCount()).isEqualTo(3);
  }

  @Test
  void aCallAbandonedAtTheRoutesTimeoutGivesItsBulkheadPermitBack() throws Exception {
    start("GET /b", Integrations.http(backend.url() + "/b", http -> http.bulkhead("orders", 1)),
        Duration.ofMillis(200));
    for (int i = 0; i < 5; i++) {
      backend.enqueue(Answer.of(200, "late").delayed(Duration.ofSeconds(2)));

      assertGatewayError(call("GET", "/prod/b"), 504, "Endpoint request timed out", "InternalServerErrorException");

      assertThat(call("GET", "/prod/b").status()).as("the request right after timeout %d", i).isEqualTo(200);
    }
  }

  @Test
  void aFullBulkheadDoesNotOpenTheBreaker() throws Exception {
    start("GET /b", Integrations.http(backend.url() + "/b", http -> http
        .bulkhead("orders", 1)
        .circuitBreaker("orders", breaker -> breaker.slidingWindowSize(2).minimumNumberOfCalls(2))));
    backend.enqueue(Answer.of(200, "held").delayed(Duration.ofSeconds(2)));

    CompletableFuture<GatewayResponse> held = send("GET", "/prod/b");
    backend.takeRequest();
    for (int i = 0; i < 3; i++) {
      assertThat(call("GET", "/prod/b").status()).isEqualTo(429);
    }
    assertThat(held.get(10, TimeUnit.SECONDS).status()).isEqualTo(200);

    assertThat(call("GET", "/prod/b").status()).isEqualTo(200);
    assertThat(backend.requestCount()).isEqualTo(2);
  }
}
