package dev.gatehouse.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.gatehouse.Gateway;
import dev.gatehouse.GatewayBuilder;
import dev.gatehouse.authorizer.IamAuthorizer;
import dev.gatehouse.event.ProxyEventV1;
import dev.gatehouse.event.ProxyEventV2;
import dev.gatehouse.event.ProxyResponseV1;
import dev.gatehouse.event.ProxyResponseV2;
import dev.gatehouse.iam.Credentials;
import dev.gatehouse.iam.IamPolicy;
import dev.gatehouse.iam.IamPrincipal;
import dev.gatehouse.iam.IamSettings;
import dev.gatehouse.iam.InMemoryCredentials;
import dev.gatehouse.iam.PolicyStatement;
import dev.gatehouse.integration.Integrations;
import dev.gatehouse.jdkserver.JdkHttpServerAdapter;
import dev.gatehouse.runtime.internal.RuntimeEngine;
import dev.gatehouse.runtime.internal.iam.IndependentSigner;
import dev.gatehouse.testing.ManualClock;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code AWS_IAM} routes through a real JDK server, with requests signed by a SigV4 client written
 * from AWS's description ({@link IndependentSigner}, no code shared with the verifier): what passes,
 * and each way a signature, a key, a token or a policy refuses, with AWS's status, type and words.
 */
class IamAuthorizationTest {
  static final String ACCOUNT = "123456789012";
  static final String REGION = "eu-west-1";
  static final String SECRET = "demo-secret-alice-not-for-production";
  static final IamPrincipal ALICE = IamPrincipal.of("arn:aws:iam::" + ACCOUNT + ":user/alice", "AIDAALICE");
  static final IamPrincipal BOB = IamPrincipal.of("arn:aws:iam::" + ACCOUNT + ":user/bob", "AIDABOB");
  static final IamPrincipal EVE = IamPrincipal.of("arn:aws:iam::999999999999:user/eve", "AIDAEVE");
  static final IamPrincipal SESSION =
      IamPrincipal.of("arn:aws:sts::" + ACCOUNT + ":assumed-role/reader/s1", "AROAREADER:s1");
  static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
  static final String ARN = "arn:aws:execute-api:" + REGION + ":" + ACCOUNT + ":petstore";
  static final String BAD_SIGNATURE = "The request signature we calculated does not match the signature you"
      + " provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for"
      + " details.";

  private final ManualClock clock = new ManualClock(NOW);
  private final List<ProxyEventV1> events = new CopyOnWriteArrayList<>();
  private final List<ProxyEventV2> eventsV2 = new CopyOnWriteArrayList<>();
  private final HttpClient client = HttpClient.newHttpClient();
  private HttpServer server;
  private Gateway gateway;

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(0);
    }
    if (gateway != null) {
      gateway.close();
    }
  }

  private IamSettings.Builder settings() {
    return IamSettings.builder()
        .region(REGION)
        .accountId(ACCOUNT)
        .credentials(InMemoryCredentials.of(
            Credentials.longTerm("AKIDALICE", SECRET, ALICE),
            Credentials.longTerm("AKIDBOB", "demo-secret-bob", BOB),
            Credentials.longTerm("AKIDEVE", "demo-secret-eve", EVE),
            Credentials.temporary("ASIASESSION", "demo-secret-session", "demo-session-token", SESSION,
                NOW.plus(Duration.ofHours(1)))))
        .identityPolicy(ALICE.arn(), IamPolicy.builder()
            .statement(PolicyStatement.allow().resource(ARN + "/prod/*"))
            .statement(PolicyStatement.deny().resource(ARN + "/prod/DELETE/*")))
        .identityPolicy(SESSION.arn(), IamPolicy.allowInvoke("arn:aws:execute-api:*:*:petstore/*/GET/*"))
        .identityPolicy(EVE.arn(), IamPolicy.allowInvoke("*"));
  }

  /** Starts petstore (REST, IAM on every route but /health) under /api on a real server. */
  URI start(UnaryOperator<GatewayBuilder> more) throws Exception {
    gateway = new RuntimeEngine(clock).start(more.apply(Gateway.builder()
        .iam(settings())
        .restApi("petstore", api -> api
            .stage("prod")
            .defaultAuthorizer(IamAuthorizer.NAME)
            .route("GET /pets/{id}", Integrations.function(this::record))
            .route("POST /pets", Integrations.function(this::record))
            .route("DELETE /pets/{id}", Integrations.function(this::record))
            .route("GET /health", Integrations.function(this::record), route -> route.noAuthorizer()))
        .httpApi("orders", api -> api
            .route("GET /orders", Integrations.functionV2(this::recordV2), route -> route.authorizer("AWS_IAM"))))
        .definition());
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    JdkHttpServerAdapter.mount(server, "/api", gateway);
    server.start();
    return base();
  }

  URI start() throws Exception {
    return start(b -> b);
  }

  URI base() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  String host() {
    return "127.0.0.1:" + server.getAddress().getPort();
  }

  private ProxyResponseV1 record(ProxyEventV1 event) {
    events.add(event);
    return ProxyResponseV1.of(200, "ok");
  }

  private ProxyResponseV2 recordV2(ProxyEventV2 event) {
    eventsV2.add(event);
    return ProxyResponseV2.of(200, "ok");
  }

  static IndependentSigner alice() {
    return IndependentSigner.forKey("AKIDALICE", SECRET).region(REGION).at(NOW);
  }

  /** Sends {@code method rawPath?rawQuery} with {@code headers} and {@code body} as they are. */
  HttpResponse<String> send(String method, String pathAndQuery, Map<String, String> headers, String body)
      throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + pathAndQuery))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(request::header);
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** {@code method rawPath?rawQuery} signed by {@code signer} in the Authorization header, then sent. */
  HttpResponse<String> signed(IndependentSigner signer, String method, String rawPath, String rawQuery, String body)
      throws Exception {
    byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
    Map<String, String> headers = signer.signHeaders(method, host(), rawPath, rawQuery, Map.of(), bytes);
    return send(method, rawPath + (rawQuery == null ? "" : "?" + rawQuery), headers, body);
  }

  static void assertBadSignature(HttpResponse<String> response) {
    assertRefused(response, 403, "InvalidSignatureException", BAD_SIGNATURE);
  }

  static void assertRefused(HttpResponse<String> response, int status, String errorType, String message) {
    assertThat(response.statusCode()).isEqualTo(status);
    assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue(errorType);
    assertThat(response.body()).isEqualTo("{\"message\":\"" + message + "\"}");
  }

  @Test
  void signedRequestIsAdmittedAndTheFunctionSeesTheSigner() throws Exception {
    start();

    HttpResponse<String> response = signed(alice(), "GET", "/api/prod/pets/7", "verbose=true&a=1", null);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(events).singleElement().satisfies(event -> {
      ProxyEventV1.Identity identity = event.requestContext().identity();
      assertThat(identity.accessKey()).isEqualTo("AKIDALICE");
      assertThat(identity.accountId()).isEqualTo(ACCOUNT);
      assertThat(identity.caller()).isEqualTo("AIDAALICE");
      assertThat(identity.user()).isEqualTo("AIDAALICE");
      assertThat(identity.userArn()).isEqualTo(ALICE.arn());
      assertThat(identity.sourceIp()).isEqualTo("127.0.0.1");
    });
  }

  @Test
  void httpApiEventCarriesTheSignerUnderAuthorizerIam() throws Exception {
    start(b -> b.iam(settings().identityPolicy(ALICE.arn(), IamPolicy.allowInvoke(
        "arn:aws:execute-api:" + REGION + ":" + ACCOUNT + ":orders/$default/GET/orders"))));

    assertThat(signed(alice(), "GET", "/api/orders", null, null).statusCode()).isEqualTo(200);

    assertThat(eventsV2).singleElement().satisfies(event -> {
      @SuppressWarnings("unchecked")
      Map<String, Object> iam = (Map<String, Object>) event.requestContext().authorizer().get("iam");
      assertThat(iam).containsEntry("accessKey", "AKIDALICE").containsEntry("accountId", ACCOUNT)
          .containsEntry("callerId", "AIDAALICE").containsEntry("userArn", ALICE.arn())
          .containsEntry("userId", "AIDAALICE").containsEntry("cognitoIdentity", null);
    });
  }

  @Test
  void unsignedRequestGetsMissingAuthenticationToken() throws Exception {
    start();

    assertRefused(send("GET", "/api/prod/pets/7", Map.of(), null), 403, "MissingAuthenticationTokenException",
        "Missing Authentication Token");
    assertThat(send("GET", "/api/prod/health", Map.of(), null).statusCode()).isEqualTo(200);
    assertThat(events).hasSize(1);
  }

  @Test
  void bearerTokenOnAnIamRouteIsAnIncompleteSignature() throws Exception {
    start();

    HttpResponse<String> response = send("GET", "/api/prod/pets/7", Map.of("Authorization", "Bearer abc"), null);

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue("IncompleteSignatureException");
    assertThat(response.body()).startsWith("{\"message\":\"Authorization header requires 'Credential' parameter.");
    assertThat(events).isEmpty();
  }

  @Test
  void wrongSecretGetsInvalidSignature() throws Exception {
    start();

    IndependentSigner forger = IndependentSigner.forKey("AKIDALICE", "guessed-secret").region(REGION).at(NOW);

    assertBadSignature(signed(forger, "GET", "/api/prod/pets/7", null, null));
    assertThat(events).isEmpty();
  }

  @Test
  void unknownAccessKeyGetsInvalidSecurityToken() throws Exception {
    start();

    IndependentSigner stranger = IndependentSigner.forKey("AKIDUNKNOWN", SECRET).region(REGION).at(NOW);

    assertRefused(signed(stranger, "GET", "/api/prod/pets/7", null, null), 403, "UnrecognizedClientException",
        "The security token included in the request is invalid.");
  }

  @Test
  void eachTamperedPartFailsTheSignature() throws Exception {
    start();
    Map<String, String> headers = alice().signHeaders("POST", host(), "/api/prod/pets", "kind=cat",
        Map.of("X-Trace", List.of("t1")), "{\"name\":\"tom\"}".getBytes(StandardCharsets.UTF_8));
    Map<String, String> withTrace = new LinkedHashMap<>(headers);
    withTrace.put("X-Trace", "t1");

    assertThat(send("POST", "/api/prod/pets?kind=cat", withTrace, "{\"name\":\"tom\"}").statusCode())
        .as("the request as signed").isEqualTo(200);
    assertBadSignature(send("DELETE", "/api/prod/pets/1?kind=cat", withTrace, null));
    assertBadSignature(send("POST", "/api/prod/pets/?kind=cat", withTrace, "{\"name\":\"tom\"}"));
    assertBadSignature(send("POST", "/api/prod/pets?kind=dog", withTrace, "{\"name\":\"tom\"}"));
    assertBadSignature(send("POST", "/api/prod/pets?kind=cat&admin=true", withTrace, "{\"name\":\"tom\"}"));
    Map<String, String> otherTrace = new LinkedHashMap<>(headers);
    otherTrace.put("X-Trace", "t2");
    assertBadSignature(send("POST", "/api/prod/pets?kind=cat", otherTrace, "{\"name\":\"tom\"}"));
    assertBadSignature(send("POST", "/api/prod/pets?kind=cat", withTrace, "{\"name\":\"jerry\"}"));
    assertThat(events).hasSize(1);
  }

  @Test
  void declaredBodyHashMustMatchTheBodyUnlessUnsigned() throws Exception {
    start();
    byte[] body = "{\"name\":\"tom\"}".getBytes(StandardCharsets.UTF_8);
    Map<String, String> declared = alice().contentSha256().signHeaders("POST", host(), "/api/prod/pets", null,
        Map.of(), body);

    assertThat(send("POST", "/api/prod/pets", declared, "{\"name\":\"tom\"}").statusCode()).isEqualTo(200);
    assertRefused(send("POST", "/api/prod/pets", declared, "{\"name\":\"eve\"}"), 403, "InvalidSignatureException",
        "The provided 'x-amz-content-sha256' header does not match what was computed.");

    Map<String, String> unsigned = alice().unsignedPayload().signHeaders("POST", host(), "/api/prod/pets", null,
        Map.of(), body);
    assertThat(send("POST", "/api/prod/pets", unsigned, "{\"name\":\"anything\"}").statusCode()).isEqualTo(200);
  }

  @Test
  void replayedSignatureOutsideFiveMinutesIsExpired() throws Exception {
    start();
    Map<String, String> headers = alice().signHeaders("GET", host(), "/api/prod/pets/7", null, Map.of(), new byte[0]);

    clock.advance(Duration.ofMinutes(5));
    assertThat(send("GET", "/api/prod/pets/7", headers, null).statusCode()).isEqualTo(200);
    clock.advance(Duration.ofSeconds(1));
    assertRefused(send("GET", "/api/prod/pets/7", headers, null), 403, "InvalidSignatureException",
        "Signature expired: 20261124T100000Z is now earlier than 20261124T100001Z (20261124T100501Z - 5 min.)");
  }

  @Test
  void signatureFromTheFutureIsNotYetCurrent() throws Exception {
    start();
    IndependentSigner ahead = alice().at(NOW.plus(Duration.ofMinutes(6)));

    assertRefused(signed(ahead, "GET", "/api/prod/pets/7", null, null), 403, "InvalidSignatureException",
        "Signature not yet current: 20261124T100600Z is still later than 20261124T100500Z"
            + " (20261124T100000Z + 5 min.)");
  }

  @Test
  void signatureForAnotherRegionOrServiceIsRefused() throws Exception {
    start();

    assertRefused(signed(alice().region("us-east-1"), "GET", "/api/prod/pets/7", null, null), 403,
        "InvalidSignatureException", "Credential should be scoped to a valid region. ");
    assertRefused(signed(alice().service("s3"), "GET", "/api/prod/pets/7", null, null), 403,
        "InvalidSignatureException", "Credential should be scoped to correct service: 'execute-api'. ");
  }

  @Test
  void presignedUrlWorksUntilItExpires() throws Exception {
    start();
    String query = alice().presign("GET", host(), "/api/prod/pets/7", "verbose=1", 300);

    assertThat(send("GET", "/api/prod/pets/7?" + query, Map.of(), null).statusCode()).isEqualTo(200);
    clock.advance(Duration.ofSeconds(300));
    assertThat(send("GET", "/api/prod/pets/7?" + query, Map.of(), null).statusCode()).isEqualTo(200);
    clock.advance(Duration.ofSeconds(1));
    assertRefused(send("GET", "/api/prod/pets/7?" + query, Map.of(), null), 403, "InvalidSignatureException",
        "Signature expired: 20261124T100000Z is now earlier than 20261124T100001Z (20261124T100501Z - 300 sec.)");
    assertThat(events).hasSize(2);
  }

  @Test
  void presignedUrlForAnotherPathIsRefused() throws Exception {
    start();
    String query = alice().presign("GET", host(), "/api/prod/pets/7", null, 300);

    assertBadSignature(send("GET", "/api/prod/pets/8?" + query, Map.of(), null));
  }

  @Test
  void temporaryCredentialsNeedTheirTokenUntilTheyExpire() throws Exception {
    start();
    IndependentSigner session = IndependentSigner.forKey("ASIASESSION", "demo-secret-session").region(REGION).at(NOW);

    assertThat(signed(session.token("demo-session-token"), "GET", "/api/prod/pets/7", null, null).statusCode())
        .isEqualTo(200);
    assertThat(events.get(0).requestContext().identity().userArn()).isEqualTo(SESSION.arn());
    assertThat(events.get(0).requestContext().identity().caller()).isEqualTo("AROAREADER:s1");
    assertRefused(signed(session, "GET", "/api/prod/pets/7", null, null), 403, "UnrecognizedClientException",
        "The security token included in the request is invalid.");
    assertRefused(signed(session.token("forged-token"), "GET", "/api/prod/pets/7", null, null), 403,
        "UnrecognizedClientException", "The security token included in the request is invalid.");
    assertRefused(signed(alice().token("demo-session-token"), "GET", "/api/prod/pets/7", null, null), 403,
        "UnrecognizedClientException", "The security token included in the request is invalid.");

    clock.advance(Duration.ofHours(1).plusSeconds(1));
    IndependentSigner later = session.token("demo-session-token").at(clock.instant());
    assertRefused(signed(later, "GET", "/api/prod/pets/7", null, null), 403, "ExpiredTokenException",
        "The security token included in the request is expired");
  }

  @Test
  void identityPolicyDecidesWithExplicitDenyWinning() throws Exception {
    start();

    assertRefused(signed(alice(), "DELETE", "/api/prod/pets/7", null, null), 403, "AccessDeniedException",
        "User: " + ALICE.arn() + " is not authorized to perform: execute-api:Invoke on resource: " + ARN
            + "/prod/DELETE/pets/7 with an explicit deny");
    IndependentSigner bob = IndependentSigner.forKey("AKIDBOB", "demo-secret-bob").region(REGION).at(NOW);
    assertRefused(signed(bob, "GET", "/api/prod/pets/7", null, null), 403, "AccessDeniedException",
        "User: " + BOB.arn() + " is not authorized to perform: execute-api:Invoke on resource: " + ARN
            + "/prod/GET/pets/7");
    IndependentSigner session = IndependentSigner.forKey("ASIASESSION", "demo-secret-session").region(REGION).at(NOW)
        .token("demo-session-token");
    assertThat(signed(session, "GET", "/api/prod/pets/7", null, null).statusCode()).isEqualTo(200);
    assertThat(signed(session, "POST", "/api/prod/pets", null, "{}").statusCode()).isEqualTo(403);
  }

  @Test
  void secretsAndSignaturesNeverReachTheAnswer() throws Exception {
    start();
    IndependentSigner forger = IndependentSigner.forKey("AKIDALICE", "guessed-secret").region(REGION).at(NOW);
    Map<String, String> headers = forger.signHeaders("GET", host(), "/api/prod/pets/7", null, Map.of(), new byte[0]);

    HttpResponse<String> response = send("GET", "/api/prod/pets/7", headers, null);

    String signature = headers.get("Authorization").replaceAll(".*Signature=", "");
    assertThat(response.body()).doesNotContain(signature).doesNotContain(SECRET).doesNotContain("guessed-secret");
    assertThat(response.headers().map().toString()).doesNotContain(signature);
  }
}
