package dev.gatehouse.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.RSAKey;
import dev.gatehouse.ApiDefinition;
import dev.gatehouse.Gateway;
import dev.gatehouse.GatewayDefinitionException;
import dev.gatehouse.GatewayRequest;
import dev.gatehouse.GatewayResponse;
import dev.gatehouse.authorizer.Authorizers;
import dev.gatehouse.event.AuthorizerPolicy;
import dev.gatehouse.integration.Integrations;
import dev.gatehouse.testing.Backend;
import dev.gatehouse.testing.Backend.Answer;
import dev.gatehouse.testing.Backend.Recorded;
import dev.gatehouse.testing.JwksServer;
import dev.gatehouse.testing.TestTokens;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Mapped HTTP integrations (AWS's {@code HTTP}) against a real backend on loopback: only the body,
 * its {@code Content-Type} and the mapped parameters go out, only the body, its
 * {@code Content-Type} and the mapped headers come back.
 */
class HttpMappedIntegrationTest extends BackendTest {

  /** The REST API "shop" with a stage "prod" (variables region and tier) and the given routes. */
  private Gateway start(Consumer<ApiDefinition.Builder> routes) {
    gateway = Gateway.builder()
        .restApi("shop", api -> {
          api.stage("prod", stage -> stage.variable("region", "eu-1").variable("tier", "gold"));
          routes.accept(api);
        })
        .build();
    return gateway;
  }

  private GatewayResponse call(GatewayRequest.Builder request) {
    GatewayRequest built = request.build();
    try {
      return gateway.handle(built).toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError("gateway did not answer " + built, e);
    }
  }

  private static GatewayRequest.Builder request(String method, String path, String query) {
    return GatewayRequest.builder(method, path).rawQuery(query).header("Host", "api.example.com")
        .header("User-Agent", "gatehouse-test");
  }

  private static void assertBadRequestParameters(GatewayResponse response) {
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.bodyAsString()).isEqualTo("{\"message\":\"Invalid request parameters\"}");
    assertThat(response.headers().first("x-amzn-ErrorType")).isEqualTo("BadRequestException");
  }

  @Test
  void everyRequestSourceReachesItsPathQueryOrHeaderTarget() throws Exception {
    start(api -> api.route("POST /orders/{orderId}",
        Integrations.httpMapped(backend.url() + "/o/{target}/{sku}?fixed=1", http -> http
            .requestParameter("integration.request.path.target", "method.request.path.orderId")
            .requestParameter("integration.request.path.sku", "method.request.querystring.sku")
            .requestParameter("integration.request.querystring.all", "method.request.multivaluequerystring.tag")
            .requestParameter("integration.request.querystring.last", "method.request.querystring.tag")
            .requestParameter("integration.request.querystring.region", "stageVariables.region")
            .requestParameter("integration.request.header.x-one", "method.request.header.X-Trace")
            .requestParameter("integration.request.header.x-many", "method.request.multivalueheader.X-Multi")
            .requestParameter("integration.request.header.x-body", "method.request.body")
            .requestParameter("integration.request.header.x-tier", "stageVariables.tier")
            .requestParameter("integration.request.header.x-request-id", "context.requestId")
            .requestParameter("integration.request.header.x-stage", "context.stage")
            .requestParameter("integration.request.header.x-ip", "context.identity.sourceIp")
            .requestParameter("integration.request.header.x-method", "context.httpMethod")
            .requestParameter("integration.request.header.x-resource", "context.resourcePath")
            .requestParameter("integration.request.header.x-const", "'fixed value'"))));

    GatewayResponse response = call(request("POST", "/prod/orders/o%2017", "sku=a&sku=b%20c&tag=x&tag=y")
        .sourceIp("192.0.2.7")
        .header("X-Trace", "t1")
        .header("X-Multi", "m1")
        .header("X-Multi", "m2")
        .header("Content-Type", "application/json")
        .body("{\"n\":1}"));

    assertThat(response.status()).isEqualTo(200);
    Recorded seen = backend.takeRequest();
    assertThat(seen.method()).isEqualTo("POST");
    assertThat(seen.rawPath()).isEqualTo("/o/o%2017/b%20c");
    assertThat(seen.rawQuery()).isEqualTo("fixed=1&all=x&all=y&last=y&region=eu-1");
    assertThat(seen.headers("x-one")).containsExactly("t1");
    assertThat(seen.headers("x-many")).containsExactly("m1", "m2");
    assertThat(seen.header("x-body")).isEqualTo("{\"n\":1}");
    assertThat(seen.header("x-tier")).isEqualTo("gold");
    assertThat(seen.header("x-request-id")).isEqualTo(response.headers().first("x-amzn-RequestId")).isNotBlank();
    assertThat(seen.header("x-stage")).isEqualTo("prod");
    assertThat(seen.header("x-ip")).isEqualTo("192.0.2.7");
    assertThat(seen.header("x-method")).isEqualTo("POST");
    assertThat(seen.header("x-resource")).isEqualTo("/orders/{orderId}");
    assertThat(seen.header("x-const")).isEqualTo("fixed value");
    assertThat(seen.header("Content-Type")).isEqualTo("application/json");
    assertThat(seen.bodyAsString()).isEqualTo("{\"n\":1}");
  }

  @Test
  void unmappedHeadersAndQueryParametersStayBehindAndTheMethodOverrideIsUsed() throws Exception {
    start(api -> api.route("PUT /plain", Integrations.httpMapped(backend.url() + "/plain?fixed=1", http -> http
        .method("POST")
        .requestParameter("integration.request.header.x-kept", "method.request.header.x-kept"))));

    call(request("PUT", "/prod/plain", "secret=1&other=2")
        .sourceIp("192.0.2.8")
        .header("Authorization", "Bearer abc")
        .header("Cookie", "session=s1")
        .header("X-Custom", "custom")
        .header("X-Amzn-Trace-Id", "Root=1-abc")
        .header("x-kept", "kept")
        .header("Content-Type", "text/plain")
        .body("hello"));

    Recorded seen = backend.takeRequest();
    assertThat(seen.method()).isEqualTo("POST");
    assertThat(seen.rawPath()).isEqualTo("/plain");
    assertThat(seen.rawQuery()).isEqualTo("fixed=1");
    Set<String> names = new TreeSet<>();
    seen.headers().keySet().forEach(name -> names.add(name.toLowerCase(Locale.ROOT)));
    // Host, Content-Length and User-Agent are the JDK client's own, not the caller's
    names.removeAll(Set.of("host", "content-length", "user-agent"));
    assertThat(names).containsExactly("content-type", "forwarded", "x-amzn-trace-id", "x-forwarded-for",
        "x-forwarded-host", "x-forwarded-port", "x-forwarded-proto", "x-kept");
    assertThat(seen.header("User-Agent")).isNotEqualTo("gatehouse-test");
    assertThat(seen.header("x-kept")).isEqualTo("kept");
    assertThat(seen.header("X-Forwarded-For")).isEqualTo("192.0.2.8");
    assertThat(seen.header("Content-Type")).isEqualTo("text/plain");
    assertThat(seen.bodyAsString()).isEqualTo("hello");
  }

  @ParameterizedTest
  @CsvSource({"404, 400", "400, 400", "503, 502", "500, 502", "202, 200", "201, 200", "204, 204", "302, 302",
      "200, 200"})
  void theFirstMatchingSelectionPatternSetsTheStatusAndNoMatchPassesTheBackendsStatus(int backendStatus,
      int clientStatus) throws Exception {
    start(api -> api.route("GET /status", Integrations.httpMapped(backend.url() + "/s", http -> http
        .responseStatus("4\\d\\d", 400)
        .responseStatus("404", 410)
        .responseStatus("5\\d\\d", 502)
        .responseStatus("201|202", 200))));
    String body = backendStatus == 204 ? "" : "{\"status\":" + backendStatus + "}";
    backend.enqueue(new Answer(backendStatus, Map.of("Content-Type", List.of("application/json")),
        body.getBytes(StandardCharsets.UTF_8), java.time.Duration.ZERO));

    GatewayResponse response = call(request("GET", "/prod/status", null));

    assertThat(response.status()).isEqualTo(clientStatus);
    assertThat(response.bodyAsString()).isEqualTo(body);
    if (!body.isEmpty()) {
      assertThat(response.headers().first("Content-Type")).isEqualTo("application/json");
    }
    assertThat(backend.requestCount()).isEqualTo(1);
  }

  @Test
  void responseHeadersAreOnlyTheMappedOnesWithContentTypeAndBody() throws Exception {
    start(api -> api.route("GET /headers", Integrations.httpMapped(backend.url() + "/h", http -> http
        .responseParameter("method.response.header.x-version", "integration.response.header.X-Backend-Version")
        .responseParameter("method.response.header.x-all", "integration.response.multivalueheader.X-Multi")
        .responseParameter("method.response.header.x-last", "integration.response.header.X-Multi")
        .responseParameter("method.response.header.x-const", "'c1'")
        .responseParameter("method.response.header.x-request-id", "context.requestId")
        .responseParameter("method.response.header.x-stage", "context.stage")
        .responseParameter("method.response.header.x-region", "stageVariables.region"))));
    backend.enqueue(Answer.of(200, "{\"ok\":true}")
        .withHeader("Content-Type", "application/json")
        .withHeader("X-Backend-Version", "3.1")
        .withHeader("X-Multi", "a", "b")
        .withHeader("X-Secret", "s")
        .withHeader("Set-Cookie", "sid=1"));

    GatewayResponse response = call(request("GET", "/prod/headers", null));

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.bodyAsString()).isEqualTo("{\"ok\":true}");
    assertThat(response.headers().all("Content-Type")).containsExactly("application/json");
    assertThat(response.headers().all("x-version")).containsExactly("3.1");
    assertThat(response.headers().all("x-all")).containsExactly("a", "b");
    assertThat(response.headers().all("x-last")).containsExactly("b");
    assertThat(response.headers().all("x-const")).containsExactly("c1");
    assertThat(response.headers().first("x-request-id")).isEqualTo(response.headers().first("x-amzn-RequestId"))
        .isNotBlank();
    assertThat(response.headers().all("x-stage")).containsExactly("prod");
    assertThat(response.headers().all("x-region")).containsExactly("eu-1");
    for (String dropped : List.of("X-Backend-Version", "X-Multi", "X-Secret", "Set-Cookie")) {
      assertThat(response.headers().all(dropped)).as(dropped).isEmpty();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"..", ".", "a/b", "a%2Fb", "%2e%2e", "%2E", "..%2F..%2Fetc", "a%5Cb"})
  void aMappedPathValueThatIsADotSegmentOrHoldsASeparatorGets400AndTheBackendNothing(String hostile) {
    start(api -> api.route("GET /files", Integrations.httpMapped(backend.url() + "/files/{name}", http -> http
        .requestParameter("integration.request.path.name", "method.request.querystring.name"))));

    GatewayResponse response = call(request("GET", "/prod/files", "name=" + hostile));

    assertBadRequestParameters(response);
    assertThat(backend.requestCount()).isZero();
  }

  @Test
  void aMappedPathValueFromAHeaderIsCheckedToo() throws Exception {
    start(api -> api.route("GET /files", Integrations.httpMapped(backend.url() + "/files/{name}/raw", http -> http
        .requestParameter("integration.request.path.name", "method.request.header.x-name"))));

    assertBadRequestParameters(call(request("GET", "/prod/files", null).header("x-name", "..")));
    assertBadRequestParameters(call(request("GET", "/prod/files", null).header("x-name", "../../admin")));
    assertThat(backend.requestCount()).isZero();

    call(request("GET", "/prod/files", null).header("x-name", "report 1.txt"));
    assertThat(backend.takeRequest().rawPath()).isEqualTo("/files/report%201.txt/raw");
  }

  @Test
  void functionAuthorizersPrincipalAndContextReachTheBackendAndTheClient() throws Exception {
    start(api -> api
        .authorizer(Authorizers.token("partners", event -> "let-me-in".equals(event.authorizationToken())
            ? AuthorizerPolicy.allow("partner-7", "arn:aws:execute-api:*:*:shop/prod/*")
                .withContext(Map.of("tier", "gold", "level", 3))
            : AuthorizerPolicy.deny("anonymous", "*")))
        .route("GET /me", Integrations.httpMapped(backend.url() + "/me", http -> http
            .requestParameter("integration.request.header.x-principal", "context.authorizer.principalId")
            .requestParameter("integration.request.header.x-tier", "context.authorizer.tier")
            .requestParameter("integration.request.querystring.level", "context.authorizer.level")
            .responseParameter("method.response.header.x-principal", "context.authorizer.principalId")),
            route -> route.authorizer("partners")));

    GatewayResponse response = call(request("GET", "/prod/me", null).header("Authorization", "let-me-in"));

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.headers().first("x-principal")).isEqualTo("partner-7");
    Recorded seen = backend.takeRequest();
    assertThat(seen.header("x-principal")).isEqualTo("partner-7");
    assertThat(seen.header("x-tier")).isEqualTo("gold");
    assertThat(seen.rawQuery()).isEqualTo("level=3");
    assertThat(seen.headers("Authorization")).isEmpty();
  }

  @Test
  void jwtClaimsReachTheBackend() throws Exception {
    RSAKey key = TestTokens.rsaKey("rsa-1");
    try (JwksServer jwks = new JwksServer(key)) {
      gateway = Gateway.builder()
          .httpApi("shop", api -> api
              .authorizer(Authorizers.jwt("users").issuer("https://login.example.com").audience("shop")
                  .jwksUri(jwks.uri()))
              .route("GET /me", Integrations.httpMapped(backend.url() + "/me", http -> http
                  .requestParameter("integration.request.header.x-sub", "context.authorizer.claims.sub")
                  .requestParameter("integration.request.header.x-groups", "context.authorizer.claims.cognito:groups")
                  .requestParameter("integration.request.header.x-none", "context.authorizer.claims.absent")),
                  route -> route.authorizer("users")))
          .build();
      String token = TestTokens.sign(key, TestTokens.claims("https://login.example.com", "shop", Instant.now())
          .claim("cognito:groups", List.of("admin", "staff")).build());

      GatewayResponse response = call(request("GET", "/me", null).header("Authorization", "Bearer " + token));

      assertThat(response.status()).isEqualTo(200);
      Recorded seen = backend.takeRequest();
      assertThat(seen.header("x-sub")).isEqualTo("user-42");
      assertThat(seen.header("x-groups")).isEqualTo("[admin staff]");
      assertThat(seen.headers("x-none")).isEmpty();
    }
  }

  @Test
  void mappingsFailBuildWithTheApiRouteFieldValueAndRule() {
    String url = backend.url();
    assertThatThrownBy(() -> Gateway.builder()
        .httpApi("shop", api -> api
            .route("GET /a", Integrations.httpMapped(url, http -> http
                .requestParameter("integration.request.body.x", "'v'")))
            .route("GET /b", Integrations.httpMapped(url, http -> http
                .requestParameter("integration.request.header.x-b", "method.request.cookie.c")))
            .route("GET /c", Integrations.httpMapped(url, http -> http
                .requestParameter("integration.request.header.Host", "'evil.example.com'")))
            .route("GET /d", Integrations.httpMapped(url, http -> http
                .requestParameter("integration.request.header.x-d", "context.nope")))
            .route("GET /e", Integrations.http(url, http -> http.responseStatus("5\\d\\d", 502)))
            .route("GET /f", Integrations.httpMapped(url, http -> http.responseStatus("5[", 502)))
            .route("GET /g", Integrations.httpMapped(url, http -> http
                .responseStatus("5\\d\\d", 600)
                .responseStatus("4\\d\\d", 99)))
            .route("GET /h/{id}", Integrations.httpMapped(url, http -> http
                .requestParameter("integration.request.header.x-h", "method.request.path.other")))
            .route("GET /i", Integrations.httpMapped(url, http -> http
                .responseParameter("method.response.body", "'v'")
                .responseParameter("method.response.header.Content-Length", "'1'")
                .responseParameter("method.response.header.x-i", "method.request.header.x-i"))))
        .definition())
        .isInstanceOf(GatewayDefinitionException.class)
        .satisfies(e -> assertThat(((GatewayDefinitionException) e).problems()).containsExactly(
            "httpApi \"shop\" › route \"GET /a\": integration requestParameters: integration.request.body.x"
                + " (expected: integration.request.path|querystring|header.name)",
            "httpApi \"shop\" › route \"GET /b\": integration requestParameters integration.request.header.x-b:"
                + " method.request.cookie.c (expected: method.request.path|querystring|multivaluequerystring|header|"
                + "multivalueheader.name, method.request.body, stageVariables.name, context.name or a 'constant')",
            "httpApi \"shop\" › route \"GET /c\": integration requestParameters: integration.request.header.Host"
                + " (expected: a header the gateway does not own; reserved: [connection, content-length, expect,"
                + " forwarded, host, keep-alive, proxy-authenticate, proxy-authorization, proxy-connection, te,"
                + " trailer, trailers, transfer-encoding, upgrade, x-forwarded-for, x-forwarded-host,"
                + " x-forwarded-port, x-forwarded-proto])",
            "httpApi \"shop\" › route \"GET /d\": integration requestParameters integration.request.header.x-d:"
                + " context.nope (expected: method.request.path|querystring|multivaluequerystring|header|"
                + "multivalueheader.name, method.request.body, stageVariables.name, context.name or a 'constant')",
            "httpApi \"shop\" › route \"GET /e\": integration responseStatuses: [5\\d\\d] (expected: none on a proxy"
                + " integration, which passes the backend's status)",
            "httpApi \"shop\" › route \"GET /f\": integration responseStatuses: 5[ (expected: a regular expression:"
                + " Unclosed character class)",
            "httpApi \"shop\" › route \"GET /g\": integration responseStatuses 5\\d\\d: 600 (expected: 100..599)",
            "httpApi \"shop\" › route \"GET /g\": integration responseStatuses 4\\d\\d: 99 (expected: 100..599)",
            "httpApi \"shop\" › route \"GET /i\": integration responseParameters: method.response.body"
                + " (expected: method.response.header.name)",
            "httpApi \"shop\" › route \"GET /i\": integration responseParameters:"
                + " method.response.header.Content-Length (expected: a header the gateway does not own; reserved: [connection, content-length, expect,"
                + " forwarded, host, keep-alive, proxy-authenticate, proxy-authorization, proxy-connection, te,"
                + " trailer, trailers, transfer-encoding, upgrade, x-forwarded-for, x-forwarded-host,"
                + " x-forwarded-port, x-forwarded-proto])",
            "httpApi \"shop\" › route \"GET /i\": integration responseParameters method.response.header.x-i:"
                + " method.request.header.x-i (expected: integration.response.header|multivalueheader.name,"
                + " stageVariables.name, context.name or a 'constant')",
            "httpApi \"shop\" › route \"GET /h/{id}\": integration requestParameters: method.request.path.other"
                + " (expected: a path parameter of the route [id])"));
  }

  @Test
  void aMappingToAForwardingHeaderTheGatewaySetsFailsBuild() {
    // the gateway sets X-Forwarded-Port on every backend request: such a mapping could never take effect
    assertThatThrownBy(() -> Gateway.builder()
        .httpApi("shop", api -> api.route("GET /x", Integrations.httpMapped(backend.url() + "/x", http -> http
            .requestParameter("integration.request.header.X-Forwarded-Port", "'443'"))))
        .definition())
        .isInstanceOf(GatewayDefinitionException.class)
        .hasMessageStartingWith("httpApi \"shop\" › route \"GET /x\": integration requestParameters:"
            + " integration.request.header.X-Forwarded-Port (expected: a header the gateway does not own;");
  }

  @Test
  void aMappedStageVariableTheStageLacksFailsBuild() {
    assertThatThrownBy(() -> Gateway.builder()
        .restApi("shop", api -> api
            .stage("prod", stage -> stage.variable("region", "eu-1"))
            .route("GET /x", Integrations.httpMapped(backend.url() + "/x", http -> http
                .requestParameter("integration.request.header.x-tier", "stageVariables.tier"))))
        .definition())
        .isInstanceOf(GatewayDefinitionException.class)
        .hasMessage("restApi \"shop\" › route \"GET /x\": integration stage \"prod\" has no variable \"tier\""
            + " (expected: stage.variable(\"tier\", ...) for ${stageVariables.tier})");
  }

  @Test
  void aResponseMappingsStageVariableTheStageLacksFailsBuild() {
    assertThatThrownBy(() -> Gateway.builder()
        .restApi("shop", api -> api
            .stage("prod", stage -> stage.variable("region", "eu-1"))
            .route("GET /x", Integrations.httpMapped(backend.url() + "/x", http -> http
                .responseParameter("method.response.header.x-region", "stageVariables.zone"))))
        .definition())
        .isInstanceOf(GatewayDefinitionException.class)
        .hasMessage("restApi \"shop\" › route \"GET /x\": integration stage \"prod\" has no variable \"zone\""
            + " (expected: stage.variable(\"zone\", ...) for ${stageVariables.zone})");
  }
}
