package dev.gatehouse.runtime.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.ApiDefinition;
import dev.gatehouse.Gateway;
import dev.gatehouse.GatewayBuilder;
import dev.gatehouse.GatewayRequest;
import dev.gatehouse.GatewayResponse;
import dev.gatehouse.event.ProxyEventV1;
import dev.gatehouse.event.ProxyResponseV1;
import dev.gatehouse.integration.Integrations;
import dev.gatehouse.runtime.internal.RuntimeEngine;
import dev.gatehouse.testing.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What is cached, under which key, for how long; on a clock the test moves. */
class ResponseCachingTest {
  private final ManualClock clock = new ManualClock(Instant.parse("2026-11-24T10:00:00Z"));
  private final AtomicInteger calls = new AtomicInteger();
  private Gateway gateway;

  @AfterEach
  void close() {
    if (gateway != null) {
      gateway.close();
    }
  }

  /** Answers with how many times it was called, so that a cached answer shows an older count. */
  private ProxyResponseV1 counted(ProxyEventV1 event) {
    return ProxyResponseV1.builder(200).header("Content-Type", "text/plain").body("call " + calls.incrementAndGet())
        .build();
  }

  private void start(Consumer<ApiDefinition.Builder> api) {
    GatewayBuilder builder = Gateway.builder().restApi("petstore", api);
    gateway = new RuntimeEngine(clock).start(builder.definition());
  }

  private void cachedPets(Consumer<dev.gatehouse.cache.CacheSettings.Builder> cache) {
    start(api -> api
        .stage("prod", stage -> stage.cache(cache))
        .route("GET /pets", Integrations.function(this::counted), route -> route
            .cached(c -> c.keyParameters("method.request.querystring.type", "method.request.header.Accept-Language")))
        .route("GET /pets/{id}", Integrations.function(this::counted))
        .route("POST /pets", Integrations.function(this::counted))
        .route("POST /search", Integrations.function(this::counted), route -> route.cached()));
  }

  GatewayResponse send(String method, String path) throws Exception {
    return send(GatewayRequest.builder(method, path.contains("?") ? path.substring(0, path.indexOf('?')) : path)
        .rawQuery(path.contains("?") ? path.substring(path.indexOf('?') + 1) : null));
  }

  GatewayResponse send(GatewayRequest.Builder request) throws Exception {
    return gateway.handle(request.build()).toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Test
  void secondGetIsAnsweredFromTheCache() throws Exception {
    cachedPets(cache -> cache.xCacheHeader());

    GatewayResponse first = send("GET", "/prod/pets/1");
    GatewayResponse second = send("GET", "/prod/pets/1");

    assertThat(first.bodyAsString()).isEqualTo("call 1");
    assertThat(first.headers().first("X-Cache")).isEqualTo("Miss");
    assertThat(second.bodyAsString()).isEqualTo("call 1");
    assertThat(second.headers().first("X-Cache")).isEqualTo("Hit");
    assertThat(second.headers().first("Content-Type")).isEqualTo("text/plain");
    assertThat(second.headers().first("x-amzn-RequestId")).isNotEqualTo(first.headers().first("x-amzn-RequestId"));
    assertThat(gateway.cache("petstore", "prod").hits()).isEqualTo(1);
    assertThat(gateway.cache("petstore", "prod").misses()).isEqualTo(1);
  }

  @Test
  void pathParametersSplitTheKey() throws Exception {
    cachedPets(cache -> {});

    send("GET", "/prod/pets/1");

    assertThat(send("GET", "/prod/pets/2").bodyAsString()).isEqualTo("call 2");
  }

  @Test
  void declaredKeyParametersSplitTheKeyAndOthersDoNot() throws Exception {
    cachedPets(cache -> {});

    assertThat(send("GET", "/prod/pets?type=dog&page=1").bodyAsString()).isEqualTo("call 1");
    assertThat(send("GET", "/prod/pets?type=dog&page=2").bodyAsString()).isEqualTo("call 1");
    assertThat(send("GET", "/prod/pets?type=cat").bodyAsString()).isEqualTo("call 2");
    assertThat(send(GatewayRequest.builder("GET", "/prod/pets").rawQuery("type=dog")
        .header("Accept-Language", "fr")).bodyAsString()).isEqualTo("call 3");
    assertThat(send(GatewayRequest.builder("GET", "/prod/pets").rawQuery("type=dog")
        .header("X-Other", "x")).bodyAsString()).isEqualTo("call 1");
  }

  @Test
  void absentAndEmptyKeyParametersAreDifferentKeys() throws Exception {
    cachedPets(cache -> {});

    assertThat(send("GET", "/prod/pets").bodyAsString()).isEqualTo("call 1");
    assertThat(send("GET", "/prod/pets?type=").bodyAsString()).isEqualTo("call 2");
  }

  @Test
  void entryExpiresAfterTheStageTtl() throws Exception {
    cachedPets(cache -> cache.ttl(Duration.ofSeconds(60)));
    send("GET", "/prod/pets/1");

    clock.advance(Duration.ofSeconds(59));
    assertThat(send("GET", "/prod/pets/1").bodyAsString()).isEqualTo("call 1");
    clock.advance(Duration.ofSeconds(1));

    assertThat(send("GET", "/prod/pets/1").bodyAsString()).isEqualTo("call 2");
  }

  @Test
  void routeTtlBeatsTheStageTtl() throws Exception {
    start(api -> api
        .stage("prod", stage -> stage.cache(cache -> cache.ttl(Duration.ofSeconds(300))))
        .route("GET /pets", Integrations.function(this::counted), route -> route.cached(c -> c.ttl(Duration.ofSeconds(10)))));
    send("GET", "/prod/pets");

    clock.advance(Duration.ofSeconds(10));

    assertThat(send("GET", "/prod/pets").bodyAsString()).isEqualTo("call 2");
  }

  @Test
  void routeTtlOfZeroTurnsItsCachingOff() throws Exception {
    start(api -> api
        .stage("prod", stage -> stage.cache(cache -> {}))
        .route("GET /now", Integrations.function(this::counted), route -> route.cached(c -> c.ttl(Duration.ZERO))));
    send("GET", "/prod/now");

    assertThat(send("GET", "/prod/now").bodyAsString()).isEqualTo("call 2");
  }

  @Test
  void onlyGetIsCachedUnlessARouteOptsIn() throws Exception {
    cachedPets(cache -> {});

    send("POST", "/prod/pets");
    assertThat(send("POST", "/prod/pets").bodyAsString()).isEqualTo("call 2");
    send("POST", "/prod/search");

    assertThat(send("POST", "/prod/search").bodyAsString()).isEqualTo("call 3");
  }

  @Test
  void headAndGetAreCachedApart() throws Exception {
    start(api -> api
        .stage("prod", stage -> stage.cache(cache -> {}))
        .route("ANY /things/{id}", Integrations.function(this::counted)));

    send("GET", "/prod/things/1");
    send("HEAD", "/prod/things/1");
    send("HEAD", "/prod/things/1");

    assertThat(calls).hasValue(2);
  }

  @Test
  void stagesAndRoutesNeverShareEntries() throws Exception {
    start(api -> api
        .stage("prod", stage -> stage.cache(cache -> {}))
        .stage("beta", stage -> stage.cache(cache -> {}))
        .route("GET /pets", Integrations.function(this::counted))
        .route("ANY /{proxy+}", Integrations.function(this::counted)));

    assertThat(send("GET", "/prod/pets").bodyAsString()).isEqualTo("call 1");
    assertThat(send("GET", "/beta/pets").bodyAsString()).isEqualTo("call 2");
    assertThat(send("GET", "/prod/pets/").bodyAsString()).isEqualTo("call 1");
    assertThat(send("GET", "/prod/cats").bodyAsString()).isEqualTo("call 3");
  }

  @Test
  void stageWithoutCacheCallsEveryTime() throws Exception {
    start(api -> api.stage("prod").route("GET /pets", Integrations.function(this::counted)));

    send("GET", "/prod/pets");

    assertThat(send("GET", "/prod/pets").bodyAsString()).isEqualTo("call 2");
  }

  @Test
  void errorsCookiesAndNoStoreAnswersAreNotStored() throws Exception {
    start(api -> api
        .stage("prod", stage -> stage.cache(cache -> {}))
        .route("GET /broken", Integrations.function(event -> ProxyResponseV1.of(500, "call " + calls.incrementAndGet())))
        .route("GET /session", Integrations.function(event -> ProxyResponseV1.builder(200)
            .header("Set-Cookie", "id=" + calls.incrementAndGet()).body("x").build()))
        .route("GET /secret", Integrations.function(event -> ProxyResponseV1.builder(200)
            .header("Cache-Control", "private, max-age=60").body("call " + calls.incrementAndGet()).build()))
        .route("GET /volatile", Integrations.function(event -> ProxyResponseV1.builder(200)
            .header("Cache-Control", "no-store").body("call " + calls.incrementAndGet()).build())));

    for (String path : new String[] {"/prod/broken", "/prod/session", "/prod/secret", "/prod/volatile"}) {
      send("GET", path);
      send("GET", path);
    }

    assertThat(calls).hasValue(8);
  }

  @Test
  void configuredStatusesAreStored() throws Exception {
    start(api -> api
        .stage("prod", stage -> stage.cache(cache -> cache.cacheableStatuses(200, 404)))
        .route("GET /gone", Integrations.function(event -> ProxyResponseV1.of(404, "call " + calls.incrementAndGet()))));

    send("GET", "/prod/gone");

    assertThat(send("GET", "/prod/gone").bodyAsString()).isEqualTo("call 1");
  }

  @Test
  void answerLargerThanMaxEntryBytesIsNotStored() throws Exception {
    start(api -> api
        .stage("prod", stage -> stage.cache(cache -> cache.maxEntryBytes(1000)))
        .route("GET /big", Integrations.function(event -> ProxyResponseV1.of(200, "x".repeat(1001) + calls.incrementAndGet()))));

    send("GET", "/prod/big");
    send("GET", "/prod/big");

    assertThat(calls).hasValue(2);
  }

  @Test
  void answerNearTheMegabyteLimitIsCachedIntact() throws Exception {
    String big = "0123456789abcdef".repeat(65_000);
    start(api -> api
        .stage("prod", stage -> stage.cache(cache -> {}))
        .route("GET /big", Integrations.function(event -> {
          calls.incrementAndGet();
          return ProxyResponseV1.of(200, big);
        })));

    send("GET", "/prod/big");
    GatewayResponse cached = send("GET", "/prod/big");

    assertThat(cached.bodyAsString()).isEqualTo(big);
    assertThat(calls).hasValue(1);
  }

  @Test
  void flushAndEvictDropEntries() throws Exception {
    cachedPets(cache -> {});
    send("GET", "/prod/pets/1");
    send("GET", "/prod/pets/2");

    gateway.cache("petstore", "prod").evict(GatewayRequest.builder("GET", "/prod/pets/1").build())
        .toCompletableFuture().get(10, TimeUnit.SECONDS);
    assertThat(send("GET", "/prod/pets/1").bodyAsString()).isEqualTo("call 3");
    assertThat(send("GET", "/prod/pets/2").bodyAsString()).isEqualTo("call 2");
    gateway.cache("petstore", "prod").flush().toCompletableFuture().get(10, TimeUnit.SECONDS);

    assertThat(send("GET", "/prod/pets/2").bodyAsString()).isEqualTo("call 4");
  }

  @Test
  void redeployKeepsEntriesOfAnUnchangedCache() throws Exception {
    cachedPets(cache -> {});
    send("GET", "/prod/pets/1");

    gateway.redeploy(gateway.definition());

    assertThat(send("GET", "/prod/pets/1").bodyAsString()).isEqualTo("call 1");
  }
}
