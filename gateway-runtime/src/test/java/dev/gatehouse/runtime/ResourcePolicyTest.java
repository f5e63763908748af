package dev.gatehouse.runtime;

import static dev.gatehouse.runtime.IamAuthorizationTest.ACCOUNT;
import static dev.gatehouse.runtime.IamAuthorizationTest.ALICE;
import static dev.gatehouse.runtime.IamAuthorizationTest.BOB;
import static dev.gatehouse.runtime.IamAuthorizationTest.EVE;
import static dev.gatehouse.runtime.IamAuthorizationTest.NOW;
import static dev.gatehouse.runtime.IamAuthorizationTest.REGION;
import static dev.gatehouse.runtime.IamAuthorizationTest.SECRET;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.gatehouse.Gateway;
import dev.gatehouse.GatewayBuilder;
import dev.gatehouse.authorizer.Authorizers;
import dev.gatehouse.authorizer.IamAuthorizer;
import dev.gatehouse.event.AuthorizerPolicy;
import dev.gatehouse.event.ProxyEventV1;
import dev.gatehouse.event.ProxyResponseV1;
import dev.gatehouse.iam.Credentials;
import dev.gatehouse.iam.IamPolicy;
import dev.gatehouse.iam.IamSettings;
import dev.gatehouse.iam.InMemoryCredentials;
import dev.gatehouse.iam.PolicyStatement;
import dev.gatehouse.integration.Integrations;
import dev.gatehouse.jdkserver.JdkHttpServerAdapter;
import dev.gatehouse.runtime.internal.RuntimeEngine;
import dev.gatehouse.runtime.internal.iam.IndependentSigner;
import dev.gatehouse.testing.ManualClock;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Resource policies through a real JDK server on IPv4 and IPv6 loopback: source-address blocks,
 * principals, AWS's same-account and cross-account combination with IAM, their place before every
 * other guard, and an {@code X-Forwarded-For} believed only from a trusted proxy.
 */
class ResourcePolicyTest {
  private static final String ARN = "arn:aws:execute-api:" + REGION + ":" + ACCOUNT + ":petstore";

  private final ManualClock clock = new ManualClock(NOW);
  private final List<ProxyEventV1> events = new CopyOnWriteArrayList<>();
  private final AtomicInteger authorizerCalls = new AtomicInteger();
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

  /** petstore: GET /pets open, GET /reports behind AWS_IAM, GET /orders behind a function authorizer. */
  private void start(String bindAddress, IamPolicy.Builder policy, UnaryOperator<GatewayBuilder> more)
      throws Exception {
    gateway = new RuntimeEngine(clock).start(more.apply(Gateway.builder()
        .iam(IamSettings.builder().region(REGION).accountId(ACCOUNT)
            .credentials(InMemoryCredentials.of(Credentials.longTerm("AKIDALICE", SECRET, ALICE),
                Credentials.longTerm("AKIDBOB", "demo-secret-bob", BOB),
                Credentials.longTerm("AKIDEVE", "demo-secret-eve", EVE)))
            .identityPolicy(ALICE.arn(), IamPolicy.allowInvoke("*"))
            .identityPolicy(EVE.arn(), IamPolicy.allowInvoke("*")))
        .restApi("petstore", api -> api
            .stage("prod")
            .resourcePolicy(policy)
            .authorizer(Authorizers.token("partners", event -> {
              authorizerCalls.incrementAndGet();
              return AuthorizerPolicy.allow("partner", ARN + "/*");
            }))
            .route("GET /pets", Integrations.function(this::record))
            .route("GET /reports", Integrations.function(this::record), route -> route.authorizer(IamAuthorizer.NAME))
            .route("GET /orders", Integrations.function(this::record), route -> route.authorizer("partners"))))
        .definition());
    server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(bindAddress), 0), 0);
    JdkHttpServerAdapter.mount(server, "/", gateway);
    server.start();
  }

  private void start(IamPolicy.Builder policy) throws Exception {
    start("127.0.0.1", policy, b -> b);
  }

  private ProxyResponseV1 record(ProxyEventV1 event) {
    events.add(event);
    return ProxyResponseV1.of(200, "ok");
  }

  private String authority() {
    InetSocketAddress address = server.getAddress();
    String host = address.getAddress().getHostAddress();
    return (host.contains(":") ? "[" + host.replaceAll("%.*", "") + "]" : host) + ":" + address.getPort();
  }

  private HttpResponse<String> get(String path, Map<String, String> headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://" + authority() + path));
    headers.forEach(request::header);
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> signedGet(String accessKey, String secret, String path) throws Exception {
    Map<String, String> headers = IndependentSigner.forKey(accessKey, secret).region(REGION).at(NOW)
        .signHeaders("GET", authority(), path, null, Map.of(), new byte[0]);
    return get(path, headers);
  }

  private static IamPolicy.Builder allowFrom(String... blocks) {
    return IamPolicy.builder()
        .statement(PolicyStatement.allow().principal("*").resource("execute-api:/*").sourceIp(blocks));
  }

  private static String denied(String who, String resource, boolean explicit) {
    return "{\"message\":\"User: " + who + " is not authorized to perform: execute-api:Invoke on resource: " + ARN
        + resource + (explicit ? " with an explicit deny" : "") + "\"}";
  }

  @Test
  void callerInsideAnAllowedIpv4BlockIsAdmitted() throws Exception {
    start(allowFrom("127.0.0.0/8"));

    assertThat(get("/prod/pets", Map.of()).statusCode()).isEqualTo(200);
  }

  @Test
  void openRouteNeedsAnAllowAndGetsAwsDenialOtherwise() throws Exception {
    start(allowFrom("192.0.2.0/24"));

    HttpResponse<String> response = get("/prod/pets", Map.of());

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue("AccessDeniedException");
    assertThat(response.body()).isEqualTo(denied("anonymous", "/prod/GET/pets", false));
    assertThat(events).isEmpty();
  }

  @Test
  void explicitDenyOutsideTheOfficeWinsOverAllowEveryone() throws Exception {
    start(IamPolicy.builder()
        .statement(PolicyStatement.allow().principal("*").resource("execute-api:/*"))
        .statement(PolicyStatement.deny().principal("*").resource("execute-api:/prod/GET/pets")
            .notSourceIp("192.0.2.0/24", "2001:db8::/32")));

    HttpResponse<String> response = get("/prod/pets", Map.of());

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.body()).isEqualTo(denied("anonymous", "/prod/GET/pets", true));
  }

  @Test
  void ipv6CallerIsMatchedByIpv6BlocksOnly() throws Exception {
    start("::1", allowFrom("::1/128"), b -> b);
    assertThat(get("/prod/pets", Map.of()).statusCode()).isEqualTo(200);
    assertThat(events.get(0).requestContext().identity().sourceIp()).isIn("0:0:0:0:0:0:0:1", "::1");
    stop();

    start("::1", allowFrom("127.0.0.0/8", "0.0.0.0/0"), b -> b);
    assertThat(get("/prod/pets", Map.of()).statusCode()).isEqualTo(403);
  }

  @Test
  void spoofedForwardedForIsIgnoredWithoutATrustedProxy() throws Exception {
    start(allowFrom("192.0.2.0/24"));

    assertThat(get("/prod/pets", Map.of("X-Forwarded-For", "192.0.2.1")).statusCode()).isEqualTo(403);
  }

  @Test
  void forwardedForFromATrustedProxySetsTheSourceIp() throws Exception {
    start("127.0.0.1", allowFrom("192.0.2.0/24"), b -> b.trustedProxies("127.0.0.1/32"));

    assertThat(get("/prod/pets", Map.of("X-Forwarded-For", "198.51.100.9, 192.0.2.1")).statusCode()).isEqualTo(200);
    assertThat(events).singleElement()
        .satisfies(event -> assertThat(event.requestContext().identity().sourceIp()).isEqualTo("192.0.2.1"));
    assertThat(get("/prod/pets", Map.of("X-Forwarded-For", "192.0.2.1, 198.51.100.9")).statusCode())
        .as("the client wrote the left entry; the proxy appended the right one").isEqualTo(403);
  }

  @Test
  void denyIsAnsweredBeforeTheAuthorizerRuns() throws Exception {
    start(IamPolicy.builder()
        .statement(PolicyStatement.deny().principal("*").resource("execute-api:/prod/GET/orders")));

    HttpResponse<String> response = get("/prod/orders", Map.of("Authorization", "partner-token"));

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.body()).isEqualTo(denied("anonymous", "/prod/GET/orders", true));
    assertThat(authorizerCalls).hasValue(0);
  }

  @Test
  void silentPolicyLeavesAuthorizedRoutesToTheirAuthorizer() throws Exception {
    start(allowFrom("192.0.2.0/24"));

    assertThat(get("/prod/orders", Map.of("Authorization", "partner-token")).statusCode()).isEqualTo(200);
    assertThat(authorizerCalls).hasValue(1);
  }

  @Test
  void sameAccountPrincipalIsAdmittedByTheResourcePolicyAlone() throws Exception {
    start(IamPolicy.builder().statement(PolicyStatement.allow().principal(BOB.arn()).resource("execute-api:/*")));

    assertThat(signedGet("AKIDBOB", "demo-secret-bob", "/prod/reports").statusCode()).isEqualTo(200);
    assertThat(events.get(0).requestContext().identity().userArn()).isEqualTo(BOB.arn());
  }

  @Test
  void crossAccountPrincipalNeedsBothPolicies() throws Exception {
    start(IamPolicy.builder().statement(PolicyStatement.allow().principal(BOB.arn()).resource("execute-api:/*")));
    HttpResponse<String> silent = signedGet("AKIDEVE", "demo-secret-eve", "/prod/reports");
    assertThat(silent.statusCode()).isEqualTo(403);
    assertThat(silent.body()).isEqualTo(denied(EVE.arn(), "/prod/GET/reports", false));
    stop();

    start(IamPolicy.builder().statement(PolicyStatement.allow().principal("999999999999").resource("execute-api:/*")));
    assertThat(signedGet("AKIDEVE", "demo-secret-eve", "/prod/reports").statusCode()).isEqualTo(200);
  }

  @Test
  void resourcePolicyDenyOfOnePrincipalWinsOverItsIdentityPolicy() throws Exception {
    start(IamPolicy.builder()
        .statement(PolicyStatement.allow().principal("*").resource("execute-api:/*"))
        .statement(PolicyStatement.deny().principal(ALICE.arn()).resource("execute-api:/prod/GET/reports")));

    HttpResponse<String> response = signedGet("AKIDALICE", SECRET, "/prod/reports");

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.body()).isEqualTo(denied(ALICE.arn(), "/prod/GET/reports", true));
    assertThat(signedGet("AKIDBOB", "demo-secret-bob", "/prod/reports").statusCode())
        .as("Bob has no identity policy; the resource policy's Allow * admits him in the same account")
        .isEqualTo(200);
  }
}
