package dev.gatehouse;

import static dev.gatehouse.DefinitionAssertions.OK;
import static dev.gatehouse.DefinitionAssertions.assertProblems;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.cache.CacheSettings;
import dev.gatehouse.cache.UnauthorizedCacheControl;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CacheDefinitionErrorsTest {
  private static final String PETSTORE = "restApi \"petstore\"";

  @Test
  void stageCacheDefaultsAreAwsOnes() {
    CacheSettings cache = Gateway.builder().restApi("petstore", api -> api
        .stage("prod", stage -> stage.cache(c -> {}))
        .route("GET /pets", OK)).definition().api("petstore").stage("prod").cache();

    assertThat(cache.ttl()).isEqualTo(Duration.ofSeconds(300));
    assertThat(cache.maxTtl()).isEqualTo(Duration.ofSeconds(3600));
    assertThat(cache.maxEntryBytes()).isEqualTo(1_048_576);
    assertThat(cache.requireAuthorization()).isTrue();
    assertThat(cache.unauthorizedCacheControl()).isEqualTo(UnauthorizedCacheControl.SUCCEED_WITH_RESPONSE_HEADER);
    assertThat(cache.isCacheable(204)).isTrue();
    assertThat(cache.isCacheable(404)).isFalse();
    assertThat(cache.xCacheHeader()).isFalse();
  }

  @Test
  void routeCacheDefaultsFollowTheRoutesMethod() {
    ApiDefinition api = Gateway.builder().restApi("petstore", a -> a
        .stage("prod", stage -> stage.cache(c -> {}))
        .route("GET /pets", OK, route -> route.cached())
        .route("POST /search", OK, route -> route.cached())
        .route("ANY /x", OK, route -> route.cached(c -> c.methods("get", "POST")))).definition().api("petstore");

    assertThat(api.route("GET /pets").cache().methodsFor("GET")).isEqualTo(Set.of("GET", "HEAD"));
    assertThat(api.route("POST /search").cache().methodsFor("POST")).isEqualTo(Set.of("POST"));
    assertThat(api.route("ANY /x").cache().methodsFor("ANY")).isEqualTo(Set.of("GET", "POST"));
  }

  @Test
  void ttlAboveAwsMaximumFailsBuildNamingTheStage() {
    assertProblems(Gateway.builder().restApi("petstore", api -> api
            .stage("prod", stage -> stage.cache(c -> c.ttl(Duration.ofSeconds(3601))))
            .route("GET /pets", OK)),
        PETSTORE + " › stage \"prod\": cache ttl: PT1H1S (expected: at most maxTtl PT1H; AWS's limit is 3,600 s,"
            + " raise it with maxTtl(...))");
  }

  @Test
  void raisedMaxTtlAllowsLongerTtls() {
    Duration ttl = Gateway.builder().restApi("petstore", api -> api
        .stage("prod", stage -> stage.cache(c -> c.maxTtl(Duration.ofDays(1)).ttl(Duration.ofHours(6))))
        .route("GET /pets", OK)).definition().api("petstore").stage("prod").cache().ttl();

    assertThat(ttl).isEqualTo(Duration.ofHours(6));
  }

  @Test
  void routeTtlAboveAStagesMaximumFailsBuildNamingRouteAndStage() {
    assertProblems(Gateway.builder().restApi("petstore", api -> api
            .stage("prod", stage -> stage.cache(c -> {}))
            .route("GET /pets", OK, route -> route.cached(c -> c.ttl(Duration.ofHours(2))))),
        PETSTORE + " › route \"GET /pets\": cache ttl: PT2H (expected: at most the maxTtl PT1H of stage \"prod\";"
            + " AWS's limit is 3,600 s, raise it with cache.maxTtl(...))");
  }

  @Test
  void negativeAndMalformedSettingsFailBuild() {
    assertProblems(Gateway.builder().restApi("petstore", api -> api
            .stage("prod", stage -> stage.cache(c -> c.ttl(Duration.ofSeconds(-1)).maxBytes(0).cacheableStatuses(700)
                .invalidationKeys("bad key")))
            .route("GET /pets", OK, route -> route.cached(c -> c.keyParameters("method.request.body").methods("FETCH")))),
        PETSTORE + " › stage \"prod\": cache ttl: PT-1S (expected: a duration >= 0; 0 turns caching off)",
        PETSTORE + " › stage \"prod\": cache maxBytes: 0 (expected: > 0)",
        PETSTORE + " › stage \"prod\": cache maxEntryBytes: 1048576 (expected: > 0 and at most maxBytes 0)",
        PETSTORE + " › stage \"prod\": cache cacheableStatuses: 700 (expected: 100..599)",
        PETSTORE + " › stage \"prod\": cache invalidationKeys: bad key (expected: API key IDs, [A-Za-z0-9._-]{1,128})",
        PETSTORE + " › route \"GET /pets\": cache keyParameters: method.request.body (expected:"
            + " method.request.querystring.NAME, method.request.multivaluequerystring.NAME,"
            + " method.request.header.NAME or method.request.multivalueheader.NAME)",
        PETSTORE + " › route \"GET /pets\": cache methods: FETCH (expected: one of [DELETE, GET, HEAD, OPTIONS,"
            + " PATCH, POST, PUT])");
  }

  @Test
  void cachedRouteWithoutAnyCachedStageFailsBuild() {
    assertProblems(Gateway.builder().restApi("petstore", api -> api.stage("prod")
            .route("GET /pets", OK, route -> route.cached())),
        PETSTORE + " › route \"GET /pets\": cached: true (expected: a stage of this API with stage.cache(...),"
            + " which holds the entries)");
  }

  @Test
  void cacheOnAWebSocketApiFailsBuild() {
    assertProblems(Gateway.builder().webSocketApi("chat", ws -> ws
            .stage("prod", stage -> stage.cache(c -> {}))
            .routeSelectionExpression("$request.body.action")
            .route("send", OK, route -> route.cached())),
        "webSocketApi \"chat\" › stage \"prod\": cache: set (expected: none on a webSocketApi; response caching is"
            + " for REST and HTTP APIs)",
        "webSocketApi \"chat\" › route \"send\": cached: true (expected: not on a webSocketApi's routes)");
  }
}
