package dev.gatehouse.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.ApiKeySource;
import dev.gatehouse.Gateway;
import dev.gatehouse.GatewayBuilder;
import dev.gatehouse.GatewayResponse;
import dev.gatehouse.authorizer.AuthorizerFunction;
import dev.gatehouse.authorizer.Authorizers;
import dev.gatehouse.authorizer.FunctionAuthorizer;
import dev.gatehouse.authorizer.IdentitySource;
import dev.gatehouse.authorizer.Unauthorized;
import dev.gatehouse.event.AuthorizerEvent;
import dev.gatehouse.event.AuthorizerPolicy;
import dev.gatehouse.event.ProxyEventV1;
import dev.gatehouse.event.ProxyEventV2;
import dev.gatehouse.event.ProxyResponseV1;
import dev.gatehouse.event.SimpleAuthorizerResponse;
import dev.gatehouse.integration.Integrations;
import dev.gatehouse.runtime.internal.RuntimeEngine;
import dev.gatehouse.testing.ManualClock;
import dev.gatehouse.testing.Race;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Function ("Lambda") authorizers: AWS's events, policies, caching and failures. */
class FunctionAuthorizerTest {
  private static final String ARN = "arn:aws:execute-api:local:000000000000:petstore";

  private final ManualClock clock = new ManualClock(Instant.parse("2026-11-24T10:00:00Z"));
  private final AtomicInteger calls = new AtomicInteger();
  private final List<AuthorizerEvent> seen = new CopyOnWriteArrayList<>();
  private final List<ProxyEventV1> events = new CopyOnWriteArrayList<>();
  private Gateway gateway;

  @AfterEach
  void close() {
    gateway.close();
  }

  /** Allows tokens "allow-*" on GET /prod/pets/*, denies "deny", refuses "unauthorized" and throws on "boom". */
  private AuthorizerPolicy policies(AuthorizerEvent event) {
    calls.incrementAndGet();
    seen.add(event);
    String token = event.authorizationToken();
    if (token.equals("unauthorized")) {
      throw new Unauthorized();
    }
    if (token.equals("boom")) {
      throw new IllegalStateException("the user directory is down");
    }
    if (token.equals("deny")) {
      return AuthorizerPolicy.deny("mallory", ARN + "/*");
    }
    if (token.equals("malformed")) {
      return new AuthorizerPolicy(null, null, null, null);
    }
    return new AuthorizerPolicy("user-" + token, AuthorizerPolicy.PolicyDocument.of(
        AuthorizerPolicy.Statement.of("Allow", ARN + "/prod/GET/pets/*", ARN + "/prod/GET/pets"),
        AuthorizerPolicy.Statement.of("Deny", ARN + "/prod/GET/pets/secret")),
        Map.of("tier", "gold", "level", 3, "admin", false), null);
  }

  private Gateway start(FunctionAuthorizer.Builder authorizer, UnaryOperator<GatewayBuilder> more) {
    gateway = new RuntimeEngine(clock).start(more.apply(Gateway.builder()
        .restApi("petstore", api -> api
            .stage("prod")
            .authorizer(authorizer)
            .defaultAuthorizer(authorizer.build().name())
            .route("GET /pets", Integrations.function(this::record))
            .route("GET /pets/{id}", Integrations.function(this::record))
            .route("POST /pets", Integrations.function(this::record))))
        .definition());
    return gateway;
  }

  private Gateway start(FunctionAuthorizer.Builder authorizer) {
    return start(authorizer, b -> b);
  }

  private ProxyResponseV1 record(ProxyEventV1 event) {
    events.add(event);
    return ProxyResponseV1.of(200, "ok");
  }

  private GatewayResponse call(String method, String path, String token) {
    return Requests.callAuthorized(gateway, method, path, token);
  }

  @Test
  void allowedTokenPassesWithPrincipalAndContextInTheEvent() {
    start(Authorizers.token("partners", this::policies));

    assertThat(call("GET", "/prod/pets/7", "allow-1").status()).isEqualTo(200);

    assertThat(seen).singleElement().satisfies(event -> {
      assertThat(event.type()).isEqualTo("TOKEN");
      assertThat(event.authorizationToken()).isEqualTo("allow-1");
      assertThat(event.methodArn()).isEqualTo(ARN + "/prod/GET/pets/7");
    });
    assertThat(events).singleElement().satisfies(event -> assertThat(event.requestContext().authorizer())
        .containsEntry("principalId", "user-allow-1").containsEntry("tier", "gold").containsEntry("level", 3)
        .containsEntry("admin", false));
  }

  @Test
  void denyWinsOverAllowAndARouteOutsideThePolicyIsDenied() {
    start(Authorizers.token("partners", this::policies));

    LimitsFixture.assertGatewayError(call("GET", "/prod/pets/secret", "allow-1"), 403,
        "User is not authorized to access this resource", "AccessDeniedException");
    assertThat(call("POST", "/prod/pets", "allow-1").status()).as("POST is not in the policy").isEqualTo(403);
    assertThat(call("GET", "/prod/pets", "deny").status()).isEqualTo(403);
  }

  @Test
  void unauthorizedMissingOrInvalidTokenGets401AndOnlyTheFirstCallsTheFunction() {
    start(Authorizers.token("partners", this::policies).validationExpression("[a-z0-9-]+"));

    LimitsFixture.assertGatewayError(call("GET", "/prod/pets", "unauthorized"), 401, "Unauthorized",
        "UnauthorizedException");
    assertThat(call("GET", "/prod/pets", null).status()).isEqualTo(401);
    assertThat(call("GET", "/prod/pets", "Bearer allow-1").status()).as("fails the validation expression").isEqualTo(401);
    assertThat(calls).hasValue(1);
  }

  @Test
  void throwingSlowOrMalformedAuthorizerGets500() {
    CountDownLatch never = new CountDownLatch(1);
    AuthorizerFunction slow = event -> {
      if (event.authorizationToken().equals("slow")) {
        never.await(5, TimeUnit.SECONDS);
      }
      return policies(event);
    };
    start(Authorizers.token("partners", slow).timeout(Duration.ofMillis(100)));

    LimitsFixture.assertGatewayError(call("GET", "/prod/pets", "boom"), 500, "Internal server error",
        "AuthorizerFailureException");
    LimitsFixture.assertGatewayError(call("GET", "/prod/pets", "slow"), 500, "Internal server error",
        "AuthorizerFailureException");
    LimitsFixture.assertGatewayError(call("GET", "/prod/pets", "malformed"), 500, "Internal server error",
        "AuthorizerConfigurationException");
    never.countDown();
    assertThat(events).isEmpty();
  }

  @Test
  void cachedPolicyDecidesOtherRoutesItsArnsCoverUntilTheTtl() {
    start(Authorizers.token("partners", this::policies).resultTtl(Duration.ofSeconds(60)));

    assertThat(call("GET", "/prod/pets/1", "allow-1").status()).isEqualTo(200);
    assertThat(call("GET", "/prod/pets/2", "allow-1").status()).isEqualTo(200);
    assertThat(call("GET", "/prod/pets", "allow-1").status()).isEqualTo(200);
    assertThat(call("POST", "/prod/pets", "allow-1").status()).as("cached, and still denied").isEqualTo(403);
    assertThat(calls).as("one call for one identity").hasValue(1);

    clock.advance(Duration.ofSeconds(59));
    assertThat(call("GET", "/prod/pets/1", "allow-1").status()).isEqualTo(200);
    assertThat(calls).as("within the TTL").hasValue(1);
    clock.advance(Duration.ofSeconds(2));
    assertThat(call("GET", "/prod/pets/1", "allow-1").status()).isEqualTo(200);
    assertThat(calls).as("called again after the TTL").hasValue(2);
  }

  @Test
  void resultTtlZeroCallsEveryTimeAndFailuresAreNotCached() {
    start(Authorizers.token("partners", this::policies).resultTtl(Duration.ZERO));
    call("GET", "/prod/pets", "allow-1");
    call("GET", "/prod/pets", "allow-1");
    assertThat(calls).hasValue(2);

    gateway.close();
    calls.set(0);
    start(Authorizers.token("partners", this::policies));
    call("GET", "/prod/pets", "boom");
    call("GET", "/prod/pets", "boom");
    assertThat(calls).as("a failed call is not kept").hasValue(2);
  }

  @Test
  void fiveHundredConcurrentRequestsWithOneColdIdentityCallTheFunctionOnce() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    start(Authorizers.token("partners", event -> {
      release.await(10, TimeUnit.SECONDS);
      return policies(event);
    }));
    Thread opener = new Thread(() -> {
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      release.countDown();
    });
    opener.start();

    int ok = Race.countTrue(500, () -> call("GET", "/prod/pets", "allow-1").status() == 200);

    assertThat(ok).isEqualTo(500);
    assertThat(calls).hasValue(1);
  }

  @Test
  void requestAuthorizerGetsTheRequestAndAMissingIdentitySourceIsRefusedWithoutACall() {
    start(Authorizers.request("req", event -> {
      calls.incrementAndGet();
      seen.add(event);
      return AuthorizerPolicy.allow("u", "*");
    }).identitySources(IdentitySource.header("X-Tenant"), IdentitySource.query("key")));

    assertThat(call("GET", "/prod/pets/3?key=k1", null).status()).isEqualTo(401);
    assertThat(Requests.call(gateway, Requests.get("/prod/pets/3?key=k1").header("X-Tenant", "acme")).status())
        .isEqualTo(200);

    assertThat(calls).hasValue(1);
    assertThat(seen).singleElement().satisfies(event -> {
      assertThat(event.type()).isEqualTo("REQUEST");
      assertThat(event.identitySource()).isEqualTo("acme,k1");
      assertThat(event.resource()).isEqualTo("/pets/{id}");
      assertThat(event.pathParameters()).containsEntry("id", "3");
      assertThat(event.headers()).containsEntry("X-Tenant", "acme");
      assertThat(event.requestContext().stage()).isEqualTo("prod");
    });
  }

  @Test
  void usageIdentifierKeyFeedsTheUsagePlanWhenTheKeySourceIsTheAuthorizer() {
    String key = "demo-key-value-aaaaaaaaaa";
    gateway = new RuntimeEngine(clock).start(Gateway.builder()
        .restApi("petstore", api -> api
            .stage("prod")
            .apiKeySource(ApiKeySource.AUTHORIZER)
            .authorizer(Authorizers.token("partners", event -> AuthorizerPolicy.allow("p", "*")
                .withUsageIdentifierKey(event.authorizationToken().equals("partner-a") ? key : "unknown-key-0000000000")))
            .route("GET /pets", Integrations.function(this::record),
                route -> route.authorizer("partners").apiKeyRequired()))
        .usagePlan("basic", plan -> plan.stage("petstore", "prod").quota(1, dev.gatehouse.QuotaPeriod.DAY)
            .apiKey("a", key))
        .definition());

    assertThat(call("GET", "/prod/pets", "partner-a").status()).isEqualTo(200);
    assertThat(call("GET", "/prod/pets", "partner-a").status()).as("the plan's quota of 1").isEqualTo(429);
    assertThat(call("GET", "/prod/pets", "partner-b").status()).as("its key is not in a plan").isEqualTo(403);
    assertThat(events).singleElement().satisfies(e -> assertThat(e.requestContext().identity().apiKeyId()).isEqualTo("a"));
  }

  @Test
  void httpApiSimpleResponsesAllowOrDenyEveryRouteAndContextReachesPayload2() {
    List<ProxyEventV2> v2 = new CopyOnWriteArrayList<>();
    gateway = new RuntimeEngine(clock).start(Gateway.builder()
        .httpApi("shop", api -> api
            .authorizer(Authorizers.simple("simple", event -> {
              calls.incrementAndGet();
              return event.identitySource().get(0).equals("yes")
                  ? SimpleAuthorizerResponse.allow(Map.of("user", "ada"))
                  : SimpleAuthorizerResponse.deny();
            }).identitySources(IdentitySource.parse("$request.header.X-Auth")))
            .defaultAuthorizer("simple")
            .route("GET /orders", Integrations.functionV2(event -> {
              v2.add(event);
              return "ok";
            })))
        .definition());

    assertThat(Requests.call(gateway, Requests.get("/orders").header("X-Auth", "yes")).status()).isEqualTo(200);
    assertThat(Requests.call(gateway, Requests.get("/orders").header("X-Auth", "no")).status()).isEqualTo(403);
    assertThat(v2).singleElement().satisfies(event -> assertThat(event.requestContext().authorizer())
        .isEqualTo(Map.of("lambda", Map.of("user", "ada"))));
  }
}
