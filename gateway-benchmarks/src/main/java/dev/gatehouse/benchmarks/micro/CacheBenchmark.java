package dev.gatehouse.benchmarks.micro;

import dev.gatehouse.Gateway;
import dev.gatehouse.GatewayRequest;
import dev.gatehouse.GatewayResponse;
import dev.gatehouse.integration.Integrations;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The response cache on the whole in-process path, {@code gateway.handle(request)}: one REST API
 * route, {@code GET /pets/{id}} to an async function, whose cache key adds the {@code page} query
 * parameter, in two stages of the same API, {@code prod} with a cache and {@code test} without.
 *
 * <ul>
 *   <li>{@code cacheHit}: {@code GET /prod/pets/42?limit=10&sort=name&page=0}, answered from the
 *       cache after the first invocation
 *   <li>{@code cacheMiss}: the same with a new {@code page} on every invocation, so each one looks
 *       up, misses, calls the function and stores its answer; the store is bounded by
 *       {@code maxBytes}, so past the first few thousand invocations each store also evicts
 *   <li>{@code uncachedSameRoute}: the miss's request shape on stage {@code test}: the same route and
 *       function with no cache, the baseline of both ratios
 * </ul>
 *
 * <p>Every invocation builds its request (ten header fields, no body), the hit's too, so that the
 * three differ only in what the cache does; the figures include that building, which dilutes the
 * ratios a little and biases none of them.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {
    "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
    "-Dorg.slf4j.simpleLogger.log.dev.gatehouse.access=warn"})
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 4, time = 1)
public class CacheBenchmark {
  static final String API = "petstore";
  static final String CACHED_STAGE = "prod";
  /** As long as {@code prod}, so that both paths are decoded and routed alike. */
  static final String UNCACHED_STAGE = "test";
  /**
   * A few thousand answers of this size: enough that evictions run in the miss's steady state, few
   * enough that the store's memory stays flat however long JMH runs.
   */
  static final long MAX_BYTES = 1L << 20;
  private static final String QUERY = "limit=10&sort=name&page=";
  private static final double UNLIMITED = 1e12;

  private Gateway gateway;
  /** Single-threaded benchmark: a plain counter gives every miss its own key. */
  private long page;

  @Setup
  public void setUp() {
    gateway = Gateway.builder()
        .restApi(API, api -> api
            .stage(CACHED_STAGE, stage -> stage.cache(cache -> cache
                .ttl(Duration.ofHours(1))
                .maxBytes(MAX_BYTES)
                .maxEntryBytes(64 << 10)))
            .stage(UNCACHED_STAGE)
            .route("GET /pets/{id}",
                Integrations.asyncFunction(event -> CompletableFuture.completedFuture(Fixtures.CACHEABLE_RESPONSE_V1)),
                route -> route.cached(cache -> cache.keyParameters("method.request.querystring.page"))))
        // far above the benchmark's rate: the bucket costs its token but never refuses
        .accountThrottle(UNLIMITED, (long) UNLIMITED)
        .build();
  }

  @TearDown
  public void tearDown() {
    gateway.close();
  }

  @Benchmark
  public GatewayResponse cacheHit() {
    return handle(request(CACHED_STAGE, 0));
  }

  @Benchmark
  public GatewayResponse cacheMiss() {
    return handle(request(CACHED_STAGE, ++page));
  }

  @Benchmark
  public GatewayResponse uncachedSameRoute() {
    return handle(request(UNCACHED_STAGE, ++page));
  }

  /** The gateway, for tests that count its cache's hits and misses. */
  Gateway gateway() {
    return gateway;
  }

  private GatewayResponse handle(GatewayRequest request) {
    return gateway.handle(request).toCompletableFuture().join();
  }

  private static GatewayRequest request(String stage, long page) {
    return Fixtures.get("/" + stage + "/pets/42", QUERY + page);
  }
}
