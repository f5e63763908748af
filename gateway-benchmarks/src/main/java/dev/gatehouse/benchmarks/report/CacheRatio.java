package dev.gatehouse.benchmarks.report;

import java.util.List;
import java.util.Optional;

/**
 * What the response cache costs or saves on one request: a {@code CacheBenchmark} figure over
 * {@code CacheBenchmark.uncachedSameRoute}, the same route and request shape in a stage without a
 * cache, measured in the same JMH run.
 *
 * @param label such as {@code cache hit / uncached route}
 * @param benchmark the measured benchmark, such as {@code CacheBenchmark.cacheHit}
 * @param meaning one sentence on what the ratio says
 * @param nanos its ns/op, NaN when absent from the results
 * @param uncachedNanos the baseline's ns/op, NaN when absent
 * @param ratio {@code nanos / uncachedNanos}, NaN when either is absent
 * @param noisy whether either figure's error is more than half the figure (as {@link RoutingRatio#noisy})
 */
public record CacheRatio(String label, String benchmark, String meaning, double nanos, double uncachedNanos,
    double ratio, boolean noisy) {
  static final String BASELINE = "CacheBenchmark.uncachedSameRoute";
  static final String HIT = "CacheBenchmark.cacheHit";
  static final String MISS = "CacheBenchmark.cacheMiss";

  /** The hit's ratio, then the miss's; each NaN where the results lack it or its baseline. */
  public static List<CacheRatio> of(List<JmhResult> results) {
    Optional<JmhResult> baseline = find(results, BASELINE);
    return List.of(
        ratio("cache hit / uncached route", HIT, "a request answered from the stage's cache (key built, entry"
            + " found, answer rebuilt from it) against the same request through the route without a cache; below"
            + " 1× is what a hit saves, here with an integration that costs almost nothing", results, baseline),
        ratio("cache miss / uncached route", MISS, "a request whose key is not in the cache (looked up, the"
            + " function called, its answer copied and stored, an older entry evicted once the store is full) against"
            + " the same request without a cache; above 1× is what caching adds to every miss", results, baseline));
  }

  /** Whether the results hold any of the cache benchmarks. */
  static boolean anyIn(List<JmhResult> results) {
    return find(results, BASELINE).isPresent() || find(results, HIT).isPresent() || find(results, MISS).isPresent();
  }

  private static CacheRatio ratio(String label, String benchmark, String meaning, List<JmhResult> results,
      Optional<JmhResult> baseline) {
    Optional<JmhResult> measured = find(results, benchmark);
    double nanos = measured.map(JmhResult::nanosPerOp).orElse(Double.NaN);
    double uncached = baseline.map(JmhResult::nanosPerOp).orElse(Double.NaN);
    return new CacheRatio(label, benchmark, meaning, nanos, uncached, nanos / uncached,
        measured.filter(CacheRatio::isNoisy).isPresent() || baseline.filter(CacheRatio::isNoisy).isPresent());
  }

  private static Optional<JmhResult> find(List<JmhResult> results, String shortName) {
    return results.stream().filter(r -> r.shortName().equals(shortName)).findFirst();
  }

  private static boolean isNoisy(JmhResult result) {
    return result.errorNanosPerOp() > result.nanosPerOp() / 2;
  }
}
