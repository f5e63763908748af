package dev.gatehouse.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.Gateway;
import dev.gatehouse.GatewayDefinitionException;
import dev.gatehouse.GatewayRequest;
import dev.gatehouse.GatewayResponse;
import dev.gatehouse.integration.Integrations;
import dev.gatehouse.testing.Backend;
import dev.gatehouse.testing.Backend.Answer;
import dev.gatehouse.testing.Backend.Recorded;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** HTTP proxy integrations (AWS's {@code HTTP_PROXY}) against a real backend on loopback. */
class HttpProxyIntegrationTest {
  private Backend backend;
  private Gateway gateway;

  @BeforeEach
  void start() throws IOException {
    backend = Backend.start();
    gateway = Gateway.builder()
        .restApi("petstore", api -> api
            .stage("prod", stage -> stage.variable("legacyUrl", backend.url() + "/base"))
            .route("ANY /legacy/{proxy+}", Integrations.http("${stageVariables.legacyUrl}/{proxy}"))
            .route("GET /pets/{id}", Integrations.http(backend.url() + "/animals/{id}?kind=pet"))
            .route("GET /slow", Integrations.http(backend.url() + "/slow"),
                route -> route.timeout(Duration.ofMillis(300)))
            .route("GET /patient", Integrations.http(backend.url() + "/patient"),
                route -> route.timeout(Duration.ofMinutes(5))))
        .build();
  }

  @AfterEach
  void stop() {
    gateway.close();
    backend.close();
  }

  private GatewayResponse call(GatewayRequest request) {
    try {
      return gateway.handle(request).toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError("gateway did not answer " + request, e);
    }
  }

  private static GatewayRequest.Builder request(String method, String path, String query) {
    return GatewayRequest.builder(method, path).rawQuery(query).header("Host", "api.example.com:8080");
  }

  @Test
  void methodPathQueryHeadersAndBinaryBodyPassThroughBothWays() throws Exception {
    byte[] body = new byte[4096];
    new Random(7).nextBytes(body);
    byte[] answer = new byte[3000];
    new Random(8).nextBytes(answer);
    backend.enqueue(new Answer(201, Map.of("Content-Type", List.of("application/octet-stream"),
        "Set-Cookie", List.of("a=1; Path=/", "b=2; HttpOnly"), "X-Multi", List.of("one", "two")), answer,
        Duration.ZERO));

    GatewayResponse response = call(request("PATCH", "/prod/legacy/a/b%20c/d", "x=1&x=2&y=%20z&e=")
        .header("Content-Type", "application/octet-stream")
        .header("X-Multi", "first")
        .header("X-Multi", "second")
        .header("Cookie", "session=s1")
        .body(body)
        .build());

    Recorded seen = backend.takeRequest();
    assertThat(seen.method()).isEqualTo("PATCH");
    assertThat(seen.rawPath()).isEqualTo("/base/a/b%20c/d");
    assertThat(seen.rawQuery()).isEqualTo("x=1&x=2&y=%20z&e=");
    assertThat(seen.headers("X-Multi")).containsExactly("first", "second");
    assertThat(seen.header("Cookie")).isEqualTo("session=s1");
    assertThat(seen.body()).isEqualTo(body);
    assertThat(response.status()).isEqualTo(201);
    assertThat(response.headers().all("Set-Cookie")).containsExactly("a=1; Path=/", "b=2; HttpOnly");
    assertThat(response.headers().all("X-Multi")).containsExactly("one", "two");
    assertThat(bytes(response.body())).isEqualTo(answer);
  }

  @ParameterizedTest
  @ValueSource(ints = {200, 201, 202, 204, 301, 302, 304, 400, 404, 409, 418, 500, 502, 503})
  void backendStatusPassesThroughUnfollowed(int status) throws Exception {
    backend.enqueue(Answer.of(status, status == 204 || status == 304 ? "" : "status " + status)
        .withHeader("Location", "/elsewhere"));

    GatewayResponse response = call(request("GET", "/prod/legacy/s", null).build());

    assertThat(response.status()).isEqualTo(status);
    assertThat(response.headers().first("Location")).isEqualTo("/elsewhere");
    assertThat(backend.requestCount()).isEqualTo(1);
  }

  @Test
  void pathParametersAreEncodedIntoTheTemplateAndQueriesJoined() throws Exception {
    call(request("GET", "/prod/pets/a%20b%3Bc", "verbose=1").build());

    Recorded seen = backend.takeRequest();
    assertThat(seen.rawPath()).isEqualTo("/animals/a%20b;c");
    assertThat(seen.rawQuery()).isEqualTo("kind=pet&verbose=1");
  }

  @Test
  void hopByHopHeadersStayOnTheirHopBothWays() throws Exception {
    backend.enqueue(Answer.of(200, "x").withHeader("Keep-Alive", "timeout=5")
        .withHeader("X-Internal", "secret").withHeader("Connection", "X-Internal")
        .withHeader("Proxy-Authenticate", "Basic"));

    GatewayResponse response = call(request("GET", "/prod/legacy/h", null)
        .header("Connection", "X-Private, keep-alive")
        .header("X-Private", "hop")
        .header("Keep-Alive", "timeout=5")
        .header("TE", "trailers")
        .header("Upgrade", "websocket")
        .header("Proxy-Authorization", "Basic cHJveHk6cGFzcw==")
        .header("Trailer", "X-Checksum")
        .header("X-End-To-End", "kept")
        .build());

    Recorded seen = backend.takeRequest();
    for (String hop : List.of("X-Private", "Keep-Alive", "TE", "Upgrade", "Proxy-Authorization", "Trailer")) {
      assertThat(seen.headers(hop)).as(hop).isEmpty();
    }
    assertThat(seen.header("X-End-To-End")).isEqualTo("kept");
    for (String hop : List.of("Keep-Alive", "X-Internal", "Connection", "Proxy-Authenticate")) {
      assertThat(response.headers().all(hop)).as(hop).isEmpty();
    }
    assertThat(response.headers().all("Date")).as("the serving container's own Date, not a second one").isEmpty();
  }

  @Test
  void hostIsTheBackendsAndForwardingHeadersAreSet() throws Exception {
    call(request("GET", "/prod/legacy/f", null)
        .sourceIp("203.0.113.9")
        .header("X-Forwarded-For", "198.51.100.1")
        .header("X-Forwarded-Proto", "https")
        .header("Forwarded", "for=198.51.100.1")
        .header("X-Forwarded-Host", "evil.example")
        .build());

    Recorded seen = backend.takeRequest();
    assertThat(seen.header("Host")).isEqualTo("127.0.0.1:" + backend.port());
    assertThat(seen.header("X-Forwarded-For")).isEqualTo("198.51.100.1, 203.0.113.9");
    assertThat(seen.header("X-Forwarded-Proto")).isEqualTo("http");
    assertThat(seen.header("X-Forwarded-Port")).isEqualTo("8080");
    assertThat(seen.header("X-Forwarded-Host")).isEqualTo("api.example.com:8080");
    assertThat(seen.header("Forwarded"))
        .isEqualTo("for=198.51.100.1, for=\"203.0.113.9\";proto=http;host=\"api.example.com:8080\"");
  }

  @Test
  void compressedAnswersPassUndecodedAndOnlyTheClientAsksForThem() throws Exception {
    java.io.ByteArrayOutputStream zipped = new java.io.ByteArrayOutputStream();
    try (java.util.zip.GZIPOutputStream gzip = new java.util.zip.GZIPOutputStream(zipped)) {
      gzip.write("{\"pets\":[]}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    backend.enqueue(Answer.of(200, "{\"pets\":[]}"));
    backend.enqueue(new Answer(200, Map.of("Content-Type", List.of("application/json"),
        "Content-Encoding", List.of("gzip")), zipped.toByteArray(), Duration.ZERO));

    GatewayResponse plain = call(request("GET", "/prod/legacy/plain", null).build());
    GatewayResponse gzipped = call(request("GET", "/prod/legacy/zipped", null).header("Accept-Encoding", "gzip").build());

    assertThat(backend.takeRequest().headers("Accept-Encoding")).isEmpty();
    assertThat(backend.takeRequest().header("Accept-Encoding")).isEqualTo("gzip");
    assertThat(plain.bodyAsString()).isEqualTo("{\"pets\":[]}");
    assertThat(gzipped.headers().first("Content-Encoding")).isEqualTo("gzip");
    assertThat(bytes(gzipped.body())).isEqualTo(zipped.toByteArray());
  }

  @Test
  void ipv6ClientIsBracketedInForwarded() throws Exception {
    call(request("GET", "/prod/legacy/v6", null).sourceIp("2001:db8::7").build());

    assertThat(backend.takeRequest().header("Forwarded")).startsWith("for=\"[2001:db8::7]\";proto=http");
  }

  @Test
  void headerValuesWithCrOrLfAreNeverForwarded() throws Exception {
    call(request("GET", "/prod/legacy/crlf", null)
        .header("X-Evil", "a\r\nX-Injected: 1")
        .header("X-Evil-Lf", "a\nX-Injected: 2")
        .header("X-Fine", "ok")
        .build());

    Recorded seen = backend.takeRequest();
    assertThat(seen.headers("X-Evil")).isEmpty();
    assertThat(seen.headers("X-Evil-Lf")).isEmpty();
    assertThat(seen.headers("X-Injected")).isEmpty();
    assertThat(seen.header("X-Fine")).isEqualTo("ok");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/prod/legacy/../../etc/passwd", "/prod/legacy/%2e%2e/%2e%2e/etc/passwd",
      "/prod/legacy/..%2f..%2fetc%2fpasswd", "/prod/legacy/a/%2E%2E/%2e%2E/%2e./x", "/prod/legacy/%252e%252e/x",
      "/prod/legacy/..%5c..%5cwindows", "/prod/legacy/a%00b", "/prod/legacy/./.././../x"})
  void greedyPathNeverLeavesTheBackendsBasePath(String hostile) throws Exception {
    GatewayResponse response = call(request("GET", hostile, null).build());

    if (backend.requestCount() > 0) {
      Recorded seen = backend.takeRequest();
      assertThat(seen.rawPath()).startsWith("/base/").doesNotContain("/../").doesNotContain("/./")
          .doesNotContainIgnoringCase("%2f").doesNotContainIgnoringCase("%5c");
      assertThat(response.status()).isEqualTo(200);
    } else {
      assertThat(response.status()).isIn(400, 403, 404);
    }
  }

  @Test
  void slowBackendGets504AtTheRoutesTimeoutAndNotBefore() {
    backend.enqueue(Answer.of(200, "late").delayed(Duration.ofSeconds(3)));
    long start = System.nanoTime();

    GatewayResponse response = call(request("GET", "/prod/slow", null).build());

    assertThat(response.status()).isEqualTo(504);
    assertThat(response.headers().first("x-amzn-ErrorType")).isEqualTo("InternalServerErrorException");
    assertThat(response.bodyAsString()).isEqualTo("{\"message\":\"Endpoint request timed out\"}");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
  }

  @Test
  void aRouteMayWaitLongerThanAwsHardCap() {
    assertThat(gateway.definition().apis().get(0).routes().get(3).timeout()).isEqualTo(Duration.ofMinutes(5));
    backend.enqueue(Answer.of(200, "eventually").delayed(Duration.ofMillis(500)));

    GatewayResponse response = call(request("GET", "/prod/patient", null).build());

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.bodyAsString()).isEqualTo("eventually");
  }

  @Test
  void backendDownGets504IntegrationFailureWithoutItsAddress() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    try (Gateway down = Gateway.builder()
        .httpApi("orders", api -> api.route("GET /orders", Integrations.http("http://127.0.0.1:" + closedPort + "/o")))
        .build()) {
      GatewayResponse response = down.handle(request("GET", "/orders", null).build())
          .toCompletableFuture().get(10, TimeUnit.SECONDS);

      assertThat(response.status()).isEqualTo(504);
      assertThat(response.bodyAsString()).isEqualTo("{\"message\":\"Internal server error\"}");
      assertThat(response.toString() + response.headers()).doesNotContain("127.0.0.1")
          .doesNotContain(Integer.toString(closedPort));
    }
  }

  @Test
  void twoHundredConcurrentRequestsThroughOneIntegrationAllArrive() throws Exception {
    List<CompletableFuture<GatewayResponse>> answers = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      answers.add(gateway.handle(request("GET", "/prod/legacy/n/" + i, null).build()).toCompletableFuture());
    }
    CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);

    assertThat(answers).allSatisfy(answer -> assertThat(answer.get().status()).isEqualTo(200));
    List<String> paths = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      paths.add(backend.takeRequest().rawPath());
    }
    assertThat(paths).doesNotHaveDuplicates().hasSize(200);
    assertThat(backend.requestCount()).isEqualTo(200);
  }

  @Test
  void unknownStageVariableFailsBuildNamingApiStageRouteAndVariable() {
    assertThatThrownBy(() -> Gateway.builder()
        .restApi("petstore", api -> api
            .stage("prod", stage -> stage.variable("petsUrl", "http://127.0.0.1:9"))
            .stage("beta")
            .route("GET /pets", Integrations.http("${stageVariables.petsUrl}/pets")))
        .definition())
        .isInstanceOf(GatewayDefinitionException.class)
        .hasMessageContaining("restApi \"petstore\" › route \"GET /pets\": integration stage \"beta\" has no"
            + " variable \"petsUrl\"");
  }

  @Test
  void malformedTemplatesFailBuild() {
    assertThatThrownBy(() -> Gateway.builder()
        .httpApi("shop", api -> api
            .route("GET /a", Integrations.http("ftp://127.0.0.1/a"))
            .route("GET /b/{id}", Integrations.http("http://127.0.0.1/b/{other}"))
            .route("GET /c", Integrations.http("http://{host}/c"))
            .route("GET /d", Integrations.http("http://127.0.0.1/d/{oops"))
            .route("GET /e", Integrations.http("http://127.0.0.1/e", http -> http.connectTimeout(Duration.ZERO))))
        .definition())
        .isInstanceOf(GatewayDefinitionException.class)
        .hasMessageContaining("route \"GET /a\": integration uri: \"ftp://127.0.0.1/a\" (expected: http://")
        .hasMessageContaining("route \"GET /b/{id}\": integration uri: {other} (expected: a path parameter of the"
            + " route [id] or an integration.request.path.other mapping)")
        .hasMessageContaining("route \"GET /c\": integration uri: \"http://{host}/c\" has a {param} in its host")
        .hasMessageContaining("route \"GET /d\": integration uri: \"http://127.0.0.1/d/{oops\" has a malformed")
        .hasMessageContaining("route \"GET /e\": integration connectTimeout: PT0S (expected: a positive duration)");
  }

  private static byte[] bytes(ByteBuffer buffer) {
    byte[] out = new byte[buffer.remaining()];
    buffer.get(out);
    return out;
  }
}
