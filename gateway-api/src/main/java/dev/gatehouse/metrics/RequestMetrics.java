package dev.gatehouse.metrics;

/**
 * One answered HTTP request, as a {@link MetricsSink} sees it: the figures AWS's CloudWatch metrics
 * count ({@code Count}, {@code 4XXError}, {@code 5XXError}, {@code Latency},
 * {@code IntegrationLatency}, {@code CacheHitCount}, {@code CacheMissCount}) and Gatehouse's
 * refusal counts.
 *
 * @param api the API's name, or {@code null} when the request reached none
 * @param stage the stage's name, or {@code null}
 * @param method the request method
 * @param resource the matched route's path template (or {@code $default}), or {@code null} for no route
 * @param status the status sent
 * @param latencyNanos from the request's arrival to its answer
 * @param integrationLatencyNanos the integration's share, or {@code -1} when no integration was called
 * @param cache whether a cache answered, or {@code NONE} where the route is not cached
 * @param refusal why a guard refused it, or {@code NONE}
 * @param detailed whether the stage asked for per-route metrics ({@code Method} and {@code Resource})
 */
public record RequestMetrics(String api, String stage, String method, String resource, int status,
    long latencyNanos, long integrationLatencyNanos, Cache cache, Refusal refusal, boolean detailed) {

  /** What the stage's cache did for the request. */
  public enum Cache {
    NONE,
    HIT,
    MISS
  }

  /** The limit that refused the request. */
  public enum Refusal {
    NONE,
    /** A token bucket: 429 {@code Too Many Requests}. */
    THROTTLED,
    /** A usage plan's quota: 429 {@code Limit Exceeded}. */
    QUOTA_EXCEEDED
  }
}
