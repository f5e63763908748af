package dev.gatehouse.benchmarks.micro;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.GatewayResponse;
import dev.gatehouse.cache.StageCache;
import dev.gatehouse.event.ProxyEventV1;
import dev.gatehouse.event.ProxyEventV2;
import dev.gatehouse.runtime.internal.routing.RouteTable;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Runs each benchmark method once outside JMH, so that a benchmark measuring a broken path (no
 * route found, an error response) fails the build instead of reporting a fast figure.
 */
class MicroBenchmarksTest {

  @ParameterizedTest(name = "{1} x {0}")
  @CsvSource({
      "1, literal", "100, literal", "10000, literal",
      "1, parameter", "100, parameter", "10000, parameter",
      "1, greedy", "100, greedy", "10000, greedy"})
  void routingFindsTheLastRouteWithItsParameter(int routes, String kind) throws Exception {
    RoutingBenchmark benchmark = new RoutingBenchmark();
    benchmark.routes = routes;
    benchmark.kind = kind;
    benchmark.setUp();

    RouteTable.Match<String> match = benchmark.match();

    assertThat(match).isNotNull();
    assertThat(match.route()).isEqualTo(RoutingBenchmark.routeKey(kind, routes - 1));
    switch (kind) {
      case "literal":
        assertThat(match.parameterValues()).isEmpty();
        break;
      case "parameter":
        assertThat(match.parameterValues()).containsExactly("42");
        break;
      default:
        assertThat(match.parameterValues()).containsExactly("a/b/c");
    }
  }

  @Test
  void payloadV1EventCarriesTheRequest() {
    EventBenchmark benchmark = new EventBenchmark();
    benchmark.setUp();

    ProxyEventV1 event = benchmark.payloadV1();

    assertThat(event.resource()).isEqualTo("/pets/{id}");
    assertThat(event.path()).isEqualTo("/pets/42");
    assertThat(event.pathParameters()).isEqualTo(Map.of("id", "42"));
    assertThat(event.queryStringParameters()).isEqualTo(Map.of("limit", "10", "sort", "name"));
    assertThat(event.multiValueHeaders().get("X-Forwarded-For")).containsExactly("203.0.113.7", "10.0.0.12");
    assertThat(event.headers()).hasSize(9);
    assertThat(event.body()).isEqualTo(Fixtures.REQUEST_BODY);
    assertThat(event.requestContext().stage()).isEqualTo("prod");
  }

  @Test
  void payloadV2EventCarriesTheRequest() {
    EventBenchmark benchmark = new EventBenchmark();
    benchmark.setUp();

    ProxyEventV2 event = benchmark.payloadV2();

    assertThat(event.routeKey()).isEqualTo("POST /pets/{id}");
    assertThat(event.pathParameters()).isEqualTo(Map.of("id", "42"));
    assertThat(event.queryStringParameters()).isEqualTo(Map.of("limit", "10", "sort", "name"));
    assertThat(event.headers()).containsEntry("x-forwarded-for", "203.0.113.7,10.0.0.12").hasSize(8);
    assertThat(event.cookies()).isEqualTo(List.of("session=4f2a9c", "theme=dark"));
    assertThat(event.body()).isEqualTo(Fixtures.REQUEST_BODY);
  }

  @Test
  void proxyResponsesBecome200WithARequestId() throws Exception {
    ResponseBenchmark benchmark = new ResponseBenchmark();
    benchmark.setUp();

    for (GatewayResponse response : List.of(benchmark.proxyResponseV1(), benchmark.proxyResponseV2())) {
      assertThat(response.status()).isEqualTo(200);
      assertThat(response.headers().first("Content-Type")).isEqualTo("application/json");
      assertThat(response.headers().first("Cache-Control")).isEqualTo("no-store");
      assertThat(response.headers().first("x-amzn-RequestId")).isNotEmpty();
      assertThat(response.bodyAsString()).isEqualTo(Fixtures.RESPONSE_BODY);
    }
  }

  @Test
  void handleAnswers200ForEveryIntegrationAndGuard() throws Exception {
    HandleBenchmark benchmark = new HandleBenchmark();
    benchmark.setUp();
    try {
      for (GatewayResponse response :
          List.of(benchmark.asyncFunction(), benchmark.blockingFunction(), benchmark.mock(), benchmark.apiKeyThrottle(),
              benchmark.jwtCached(), benchmark.jwtCached())) {
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.bodyAsString()).isEqualTo(Fixtures.RESPONSE_BODY);
        assertThat(response.headers().first("x-amzn-RequestId")).isNotEmpty();
      }
    } finally {
      benchmark.tearDown();
    }
  }

  @Test
  void iamSignedIsAdmittedAndPlainSameRouteAnswersAlike() {
    IamBenchmark benchmark = new IamBenchmark();
    benchmark.setUp();
    try {
      // twice each: the benchmark replays one signature, which the gateway must keep accepting
      for (GatewayResponse response : List.of(benchmark.iamSigned(), benchmark.iamSigned(),
          benchmark.plainSameRoute(), benchmark.plainSameRoute())) {
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.bodyAsString()).isEqualTo(Fixtures.RESPONSE_BODY);
        assertThat(response.headers().first("x-amzn-RequestId")).isNotEmpty();
      }
      assertThat(IamBenchmark.SIGNED_PATH).hasSameSizeAs(IamBenchmark.PLAIN_PATH);
    } finally {
      benchmark.tearDown();
    }
  }

  @Test
  void cacheHitIsAnsweredFromTheCacheAndEveryMissCallsTheFunction() {
    CacheBenchmark benchmark = new CacheBenchmark();
    benchmark.setUp();
    try {
      StageCache cache = benchmark.gateway().cache(CacheBenchmark.API, CacheBenchmark.CACHED_STAGE);
      List<GatewayResponse> hits = List.of(benchmark.cacheHit(), benchmark.cacheHit(), benchmark.cacheHit());
      assertThat(cache.misses()).isEqualTo(1);
      assertThat(cache.hits()).isEqualTo(2);

      List<GatewayResponse> misses = List.of(benchmark.cacheMiss(), benchmark.cacheMiss(), benchmark.cacheMiss());
      assertThat(cache.misses()).isEqualTo(4);
      assertThat(cache.hits()).isEqualTo(2);

      List<GatewayResponse> uncached = List.of(benchmark.uncachedSameRoute(), benchmark.uncachedSameRoute());
      assertThat(cache.misses()).isEqualTo(4);
      assertThat(cache.hits()).isEqualTo(2);

      for (List<GatewayResponse> responses : List.of(hits, misses, uncached)) {
        for (GatewayResponse response : responses) {
          assertThat(response.status()).isEqualTo(200);
          assertThat(response.bodyAsString()).isEqualTo(Fixtures.RESPONSE_BODY);
          assertThat(response.headers().first("Content-Type")).isEqualTo("application/json");
          assertThat(response.headers().first("x-amzn-RequestId")).isNotEmpty();
        }
      }
    } finally {
      benchmark.tearDown();
    }
  }
}
