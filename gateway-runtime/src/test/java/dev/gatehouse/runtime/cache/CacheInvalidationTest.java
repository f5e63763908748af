package dev.gatehouse.runtime.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.Gateway;
import dev.gatehouse.GatewayRequest;
import dev.gatehouse.GatewayResponse;
import dev.gatehouse.authorizer.Authorizers;
import dev.gatehouse.authorizer.IdentitySource;
import dev.gatehouse.cache.UnauthorizedCacheControl;
import dev.gatehouse.event.AuthorizerPolicy;
import dev.gatehouse.event.ProxyEventV1;
import dev.gatehouse.event.ProxyResponseV1;
import dev.gatehouse.integration.Integrations;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code Cache-Control: max-age=0} as AWS treats it: a refetch for callers allowed to invalidate,
 * the stage's strategy for the others; and guards that run on hits too.
 */
class CacheInvalidationTest {
  /** Demo values, not secrets. */
  private static final String OPS_KEY = "ops-demo-key-0123456789";
  private static final String USER_KEY = "user-demo-key-012345678";

  private final AtomicInteger calls = new AtomicInteger();
  private Gateway gateway;

  @AfterEach
  void close() {
    gateway.close();
  }

  private ProxyResponseV1 counted(ProxyEventV1 event) {
    return ProxyResponseV1.of(200, "call " + calls.incrementAndGet());
  }

  private void start(UnauthorizedCacheControl strategy) {
    gateway = Gateway.builder()
        .restApi("petstore", api -> api
            .stage("prod", stage -> stage.throttle("GET /limited", 0, 2)
                .cache(cache -> cache.invalidationKeys("ops").unauthorizedCacheControl(strategy)))
            .authorizer(Authorizers.request("policies", event -> {
              String who = event.headers().get("x-user");
              AuthorizerPolicy.Statement invoke = AuthorizerPolicy.Statement.of("Allow", event.methodArn());
              AuthorizerPolicy.Statement invalidate = new AuthorizerPolicy.Statement("Allow",
                  java.util.List.of("execute-api:InvalidateCache"), java.util.List.of("*"));
              return new AuthorizerPolicy(who, "admin".equals(who)
                  ? AuthorizerPolicy.PolicyDocument.of(invoke, invalidate)
                  : AuthorizerPolicy.PolicyDocument.of(invoke), null, null);
            }).identitySources(IdentitySource.header("x-user")).resultTtl(Duration.ZERO))
            .route("GET /pets", Integrations.function(this::counted), route -> route.apiKeyRequired())
            .route("GET /guarded", Integrations.function(this::counted), route -> route.authorizer("policies"))
            .route("GET /limited", Integrations.function(this::counted)))
        .usagePlan("plan", plan -> plan.stage("petstore", "prod").apiKey("ops", OPS_KEY).apiKey("user", USER_KEY))
        .build();
  }

  private GatewayResponse get(String path, String... headers) throws Exception {
    GatewayRequest.Builder request = GatewayRequest.builder("GET", path);
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return gateway.handle(request.build()).toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Test
  void keyWithInvalidationRightsRefetchesAndReplacesTheEntry() throws Exception {
    start(UnauthorizedCacheControl.FAIL_WITH_403);
    get("/prod/pets", "x-api-key", USER_KEY);

    GatewayResponse refetched = get("/prod/pets", "x-api-key", OPS_KEY, "Cache-Control", "max-age=0");

    assertThat(refetched.bodyAsString()).isEqualTo("call 2");
    assertThat(get("/prod/pets", "x-api-key", USER_KEY).bodyAsString()).isEqualTo("call 2");
  }

  @Test
  void authorizerPolicyAllowingInvalidateCacheRefetches() throws Exception {
    start(UnauthorizedCacheControl.FAIL_WITH_403);
    get("/prod/guarded", "x-user", "bob");

    assertThat(get("/prod/guarded", "x-user", "admin", "Cache-Control", "no-cache, max-age=0").bodyAsString())
        .isEqualTo("call 2");
  }

  @Test
  void unauthorizedMaxAgeZeroFailsWith403UnderFailWith403() throws Exception {
    start(UnauthorizedCacheControl.FAIL_WITH_403);
    get("/prod/guarded", "x-user", "bob");

    GatewayResponse refused = get("/prod/guarded", "x-user", "bob", "Cache-Control", "max-age=0");

    assertThat(refused.status()).isEqualTo(403);
    assertThat(calls).hasValue(1);
  }

  @Test
  void unauthorizedMaxAgeZeroIsIgnoredWithAWarningHeader() throws Exception {
    start(UnauthorizedCacheControl.SUCCEED_WITH_RESPONSE_HEADER);
    get("/prod/pets", "x-api-key", USER_KEY);

    GatewayResponse cached = get("/prod/pets", "x-api-key", USER_KEY, "Cache-Control", "max-age=0");

    assertThat(cached.bodyAsString()).isEqualTo("call 1");
    assertThat(cached.headers().first("Warning")).contains("max-age=0 ignored");
  }

  @Test
  void unauthorizedMaxAgeZeroIsIgnoredSilently() throws Exception {
    start(UnauthorizedCacheControl.SUCCEED_WITHOUT_RESPONSE_HEADER);
    get("/prod/pets", "x-api-key", USER_KEY);

    GatewayResponse cached = get("/prod/pets", "x-api-key", USER_KEY, "Cache-Control", "max-age=0");

    assertThat(cached.bodyAsString()).isEqualTo("call 1");
    assertThat(cached.headers().first("Warning")).isNull();
  }

  @Test
  void withoutRequiredAuthorizationAnyCallerRefetches() throws Exception {
    gateway = Gateway.builder().restApi("petstore", api -> api
            .stage("prod", stage -> stage.cache(cache -> cache.noAuthorizationToInvalidate()))
            .route("GET /pets", Integrations.function(this::counted)))
        .build();
    get("/prod/pets");

    assertThat(get("/prod/pets", "Cache-Control", "max-age=0").bodyAsString()).isEqualTo("call 2");
  }

  @Test
  void requestWithoutAKeyIsRefusedEvenWhenTheAnswerIsCached() throws Exception {
    start(UnauthorizedCacheControl.FAIL_WITH_403);
    get("/prod/pets", "x-api-key", USER_KEY);

    assertThat(get("/prod/pets").status()).isEqualTo(403);
    assertThat(get("/prod/pets", "x-api-key", "not-a-key-of-any-plan-000").status()).isEqualTo(403);
  }

  @Test
  void deniedCallerIsRefusedEvenWhenTheAnswerIsCached() throws Exception {
    start(UnauthorizedCacheControl.FAIL_WITH_403);
    get("/prod/guarded", "x-user", "bob");

    assertThat(get("/prod/guarded").status()).isEqualTo(401);
  }

  @Test
  void hitsCountAgainstTheThrottle() throws Exception {
    start(UnauthorizedCacheControl.FAIL_WITH_403);

    get("/prod/limited");
    get("/prod/limited");

    assertThat(get("/prod/limited").status()).isEqualTo(429);
    assertThat(calls).hasValue(1);
  }
}
