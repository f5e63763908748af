package dev.gatehouse.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.Gateway;
import dev.gatehouse.authorizer.IamAuthorizer;
import dev.gatehouse.event.ProxyResponseV1;
import dev.gatehouse.iam.Credentials;
import dev.gatehouse.iam.IamPolicy;
import dev.gatehouse.iam.IamPrincipal;
import dev.gatehouse.iam.IamSettings;
import dev.gatehouse.iam.InMemoryCredentials;
import dev.gatehouse.integration.Integrations;
import dev.gatehouse.runtime.internal.iam.IndependentSigner;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The gateway's behaviour over real HTTP, the same for every server it is mounted in: subclasses
 * only start their server (the JDK {@code HttpServer}, Jetty, Tomcat) with {@link #start}.
 */
public abstract class GatewayHttpContract {
  protected static final int LIMIT = 1024;
  private static final String IAM_SECRET = "demo-secret-contract";
  private static final IamPrincipal SIGNER = IamPrincipal.of("arn:aws:iam::000000000000:user/contract", "AIDACONTRACT");

  private final HttpClient client = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5))
      .build();
  private Gateway gateway;
  private URI base;

  /** Serves {@code gateway} on loopback at an ephemeral port; returns the mount point's URL. */
  protected abstract URI start(Gateway gateway) throws Exception;

  /** Stops the server. */
  protected abstract void stop() throws Exception;

  @BeforeEach
  void startGateway() throws Exception {
    gateway = Gateway.builder()
        .restApi("petstore", api -> api
            .stage("prod", stage -> stage.variable("color", "blue"))
            .route("GET /pets/{id}", Integrations.function(event -> ProxyResponseV1.builder(200)
                .header("Content-Type", "application/json")
                .addHeader("X-Seen", event.multiValueHeaders().entrySet().stream()
                    // servers spell header names their own way (the JDK's is "X-multi")
                    .filter(e -> e.getKey().equalsIgnoreCase("X-Multi"))
                    .map(e -> String.join("|", e.getValue())).findFirst().orElse("none"))
                .addHeader("X-Twice", "1")
                .addHeader("X-Twice", "2")
                .body("{\"id\":\"" + event.pathParameters().get("id") + "\",\"q\":\""
                    + event.queryStringParameters().get("q") + "\",\"color\":\""
                    + event.stageVariables().get("color") + "\"}")
                .build()))
            .route("POST /echo", Integrations.function(event -> new ProxyResponseV1(200,
                Map.of("Content-Type", "application/octet-stream"), null,
                event.isBase64Encoded() ? event.body()
                    : Base64.getEncoder().encodeToString(event.body().getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                true)))
            .route("GET /public/{proxy+}", Integrations.function(event ->
                ProxyResponseV1.of(200, "public:" + event.pathParameters().get("proxy"))))
            .route("GET /admin/{proxy+}", Integrations.function(event -> ProxyResponseV1.of(200, "admin")))
            .route("GET /throws", Integrations.function(event -> {
              throw new IllegalStateException("boom");
            }))
            .route("GET /split", Integrations.function(event ->
                ProxyResponseV1.builder(200).header("X-Evil", "a\r\nSet-Cookie: admin=1").body("x").build()))
            .route("GET /slow", Integrations.function(event -> {
              Thread.sleep(2_000);
              return ProxyResponseV1.of(200, "late");
            }), route -> route.timeout(Duration.ofMillis(100))))
        .iam(IamSettings.builder()
            .region("eu-west-1")
            .credentials(InMemoryCredentials.of(Credentials.longTerm("AKIDCONTRACT", IAM_SECRET, SIGNER)))
            .identityPolicy(SIGNER.arn(), IamPolicy.allowInvoke("arn:aws:execute-api:eu-west-1:*:shop/shop/GET/signed/*")))
        .httpApi("shop", api -> api
            .stage("shop")
            .route("GET /hello/{name}", Integrations.functionV2(event -> Map.of("hello", event.pathParameters().get("name"))))
            .route("GET /signed/{proxy+}", Integrations.functionV2(event -> Map.of("proxy",
                event.pathParameters().get("proxy"), "query", event.rawQueryString())),
                route -> route.authorizer(IamAuthorizer.NAME)))
        .maxRequestBodyBytes(LIMIT)
        .build();
    base = start(gateway);
  }

  @AfterEach
  void stopGateway() throws Exception {
    stop();
    gateway.close();
  }

  @Test
  void functionRouteAnswersWithPathQueryAndStageVariables() throws Exception {
    HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/prod/pets/7?q=a%20b")).GET());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("{\"id\":\"7\",\"q\":\"a b\",\"color\":\"blue\"}");
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
    assertThat(response.headers().firstValue("x-amzn-RequestId")).isPresent();
  }

  @Test
  void repeatedHeadersArriveAsMultiValuesAndLeaveAsRepeatedFields() throws Exception {
    HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/prod/pets/1?q=x"))
        .header("X-Multi", "one").header("X-Multi", "two").GET());

    assertThat(response.headers().firstValue("X-Seen")).hasValue("one|two");
    assertThat(response.headers().allValues("X-Twice")).containsExactly("1", "2");
  }

  @Test
  void binaryBodyRoundTripsByteForByte() throws Exception {
    byte[] bytes = Bodies.everyByte(1);
    HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(uri("/prod/echo"))
        .header("Content-Type", "application/octet-stream")
        .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build(), HttpResponse.BodyHandlers.ofByteArray());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo(bytes);
  }

  @Test
  void bodyPastThePayloadLimitGets413() throws Exception {
    HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/prod/echo"))
        .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[LIMIT + 1])));

    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(response.body()).isEqualTo("{\"message\":\"Request Too Long\"}");
  }

  @Test
  void bodyAtThePayloadLimitIsServed() throws Exception {
    HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/prod/echo"))
        .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[LIMIT])));

    assertThat(response.statusCode()).isEqualTo(200);
  }

  @Test
  void unknownRouteOfRestApiGets403AndOfHttpApi404() throws Exception {
    HttpResponse<String> rest = send(HttpRequest.newBuilder(uri("/prod/cats")).GET());
    HttpResponse<String> http = send(HttpRequest.newBuilder(uri("/shop/cats")).GET());

    assertThat(rest.statusCode()).isEqualTo(403);
    assertThat(rest.body()).isEqualTo("{\"message\":\"Missing Authentication Token\"}");
    assertThat(rest.headers().firstValue("x-amzn-ErrorType")).hasValue("MissingAuthenticationTokenException");
    assertThat(http.statusCode()).isEqualTo(404);
    assertThat(http.body()).isEqualTo("{\"message\":\"Not Found\"}");
  }

  @Test
  void payloadV2FunctionReturningAMapGets200Json() throws Exception {
    HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/shop/hello/world")).GET());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("{\"hello\":\"world\"}");
  }

  @Test
  void throwingFunctionGets502() throws Exception {
    HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/prod/throws")).GET());

    assertThat(response.statusCode()).isEqualTo(502);
    assertThat(response.body()).isEqualTo("{\"message\":\"Internal server error\"}");
  }

  @Test
  void headerWithLineBreakGets502AndNeverSplits() throws Exception {
    HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/prod/split")).GET());

    assertThat(response.statusCode()).isEqualTo(502);
    assertThat(response.headers().firstValue("Set-Cookie")).isEmpty();
  }

  @Test
  void slowFunctionGets504() throws Exception {
    HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/prod/slow")).GET());

    assertThat(response.statusCode()).isEqualTo(504);
    assertThat(response.body()).isEqualTo("{\"message\":\"Endpoint request timed out\"}");
  }

  @Test
  void malformedPercentEncodingGets400() throws Exception {
    RawHttp.Response answer = RawHttp.get(base, base.getRawPath() + "/prod/pets/%zz");

    assertThat(answer.status()).isEqualTo(400);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/prod/public/../admin/x", "/prod/public/%2e%2e/admin/x", "/prod/public/%2E%2E/%2e%2e/x",
      "/prod/public/..%2fadmin%2fx", "/prod/public/%2e%2e%2fadmin", "/prod/public/a%2f..%2f..%2fadmin",
      "/prod/public/..%5cadmin"})
  void traversalInAGreedyPathNeverReachesAnotherRouteWithDotsOrEncodedSlashes(String rawPath) throws Exception {
    RawHttp.Response answer = RawHttp.get(base, base.getRawPath() + rawPath);

    // servers differ: some refuse (400, or 404 outside the mount), some normalise first, and then
    // the gateway serves the normalised path or has no route for it (403)
    assertThat(answer.status()).isIn(200, 400, 403, 404);
    if (answer.status() == 200) {
      assertThat(answer.bodyAsString()).doesNotContain("..").doesNotContain("%2f").doesNotContain("%2F");
      if (answer.bodyAsString().startsWith("public:")) {
        assertThat(answer.bodyAsString()).doesNotContain("admin");
      }
    }
  }

  @Test
  void sigV4SignedPathIncludesTheMountAndIsAdmitted() throws Exception {
    String path = base().getRawPath() + "/shop/signed/a%20b/c%2Bd";
    HttpRequest.Builder request = HttpRequest.newBuilder(uri("/shop/signed/a%20b/c%2Bd?y=2&x=a%20b")).GET();
    IndependentSigner.forKey("AKIDCONTRACT", IAM_SECRET).region("eu-west-1")
        .signHeaders("GET", base().getRawAuthority(), path, "y=2&x=a%20b", Map.of(), new byte[0])
        .forEach(request::header);

    HttpResponse<String> response = send(request);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(response.body()).contains("\"proxy\":\"a b/c+d\"");
  }

  @Test
  void sigV4SignedWithoutTheMountIsRefused() throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri("/shop/signed/x")).GET();
    IndependentSigner.forKey("AKIDCONTRACT", IAM_SECRET).region("eu-west-1")
        .signHeaders("GET", base().getRawAuthority(), "/shop/signed/x", null, Map.of(), new byte[0])
        .forEach(request::header);

    HttpResponse<String> response = send(request);

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue("InvalidSignatureException");
  }

  @Test
  void sigV4PresignedUrlIsAdmitted() throws Exception {
    String query = IndependentSigner.forKey("AKIDCONTRACT", IAM_SECRET).region("eu-west-1")
        .presign("GET", base().getRawAuthority(), base().getRawPath() + "/shop/signed/report", "day=1", 60);

    HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/shop/signed/report?" + query)).GET());

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
  }

  /** The mount point's URL, such as {@code http://127.0.0.1:41234/app/api}. */
  protected URI base() {
    return base;
  }

  protected URI uri(String path) {
    return URI.create(base + path);
  }

  protected HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return client.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
  }
}
