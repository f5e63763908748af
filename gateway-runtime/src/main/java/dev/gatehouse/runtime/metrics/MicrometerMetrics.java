package dev.gatehouse.runtime.metrics;

import dev.gatehouse.metrics.MetricsSink;
import dev.gatehouse.metrics.RequestMetrics;
import dev.gatehouse.metrics.WebSocketMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * AWS API Gateway's CloudWatch metrics in a Micrometer registry. Meter names follow Micrometer's
 * convention (lower case, dot-separated), so that each registry writes them its own way: AWS's
 * {@code 4XXError} is {@code gatehouse.4xx.error}, which Prometheus exposes as
 * {@code gatehouse_4xx_error_total} and CloudWatch as {@code gatehouse.4xx.error}. Dimensions keep
 * AWS's names: {@code ApiName} and {@code Stage}, plus {@code Method} and {@code Resource} for stages
 * with detailed metrics; WebSocket meters carry {@code ApiName}, {@code Stage} and {@code Route}.
 * Micrometer is an optional dependency: only an application that uses this class needs it.
 *
 * <pre>{@code
 * MeterRegistry registry = new SimpleMeterRegistry();
 * Gateway gateway = Gateway.builder()
 *     .metrics(MicrometerMetrics.of(registry))
 *     .restApi("petstore", api -> api
 *         .stage("prod", stage -> stage.detailedMetrics())
 *         .route("GET /pets", Integrations.mock(200, "[]")))
 *     .build();
 * }</pre>
 */
public final class MicrometerMetrics implements MetricsSink {
  /** AWS's {@code Count}. */
  public static final String COUNT = "gatehouse.count";
  /** AWS's {@code 4XXError}. */
  public static final String CLIENT_ERRORS = "gatehouse.4xx.error";
  /** AWS's {@code 5XXError}. */
  public static final String SERVER_ERRORS = "gatehouse.5xx.error";
  /** AWS's {@code Latency}: from the request's arrival to its answer. */
  public static final String LATENCY = "gatehouse.latency";
  /** AWS's {@code IntegrationLatency}. */
  public static final String INTEGRATION_LATENCY = "gatehouse.integration.latency";
  /** AWS's {@code CacheHitCount}. */
  public static final String CACHE_HITS = "gatehouse.cache.hit.count";
  /** AWS's {@code CacheMissCount}. */
  public static final String CACHE_MISSES = "gatehouse.cache.miss.count";
  /** Requests a token bucket refused (429), which AWS counts in {@code 4XXError} only. */
  public static final String THROTTLED = "gatehouse.throttled.count";
  /** Requests a usage plan's quota refused (429). */
  public static final String QUOTA_EXCEEDED = "gatehouse.quota.exceeded.count";
  /** AWS's WebSocket {@code ConnectCount}. */
  public static final String CONNECTS = "gatehouse.connect.count";
  /** AWS's WebSocket {@code MessageCount}. */
  public static final String MESSAGES = "gatehouse.message.count";
  /** AWS's WebSocket {@code IntegrationError}. */
  public static final String INTEGRATION_ERRORS = "gatehouse.integration.error";
  /** AWS's WebSocket {@code ClientError}. */
  public static final String WEBSOCKET_CLIENT_ERRORS = "gatehouse.client.error";
  /** AWS's WebSocket {@code ExecutionError}. */
  public static final String EXECUTION_ERRORS = "gatehouse.execution.error";

  private final MeterRegistry registry;
  private final boolean histograms;
  /** Meters by their dimensions: a registry lookup per request would cost more than the increment. */
  private final ConcurrentHashMap<RequestKey, Meters> requests = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<WebSocketKey, WebSocketMeters> webSockets = new ConcurrentHashMap<>();

  private MicrometerMetrics(MeterRegistry registry, boolean histograms) {
    this.registry = Objects.requireNonNull(registry, "registry");
    this.histograms = histograms;
  }

  /** AWS's metrics in {@code registry}, latencies as timers without histograms. */
  public static MicrometerMetrics of(MeterRegistry registry) {
    return new MicrometerMetrics(registry, false);
  }

  /** As {@link #of}, with latency timers publishing percentile histograms (Prometheus's {@code _bucket}s). */
  public static MicrometerMetrics withHistograms(MeterRegistry registry) {
    return new MicrometerMetrics(registry, true);
  }

  @Override
  public void request(RequestMetrics metrics) {
    RequestKey key = new RequestKey(metrics.api(), metrics.stage(),
        metrics.detailed() ? metrics.method() : null, metrics.detailed() ? metrics.resource() : null);
    Meters m = requests.computeIfAbsent(key, k -> new Meters(tags(key)));
    m.count.increment();
    if (metrics.status() >= 400 && metrics.status() < 500) {
      m.clientErrors.increment();
    } else if (metrics.status() >= 500) {
      m.serverErrors.increment();
    }
    m.latency.record(metrics.latencyNanos(), TimeUnit.NANOSECONDS);
    if (metrics.integrationLatencyNanos() >= 0) {
      m.integrationLatency.record(metrics.integrationLatencyNanos(), TimeUnit.NANOSECONDS);
    }
    if (metrics.cache() == RequestMetrics.Cache.HIT) {
      m.cacheHits.increment();
    } else if (metrics.cache() == RequestMetrics.Cache.MISS) {
      m.cacheMisses.increment();
    }
    if (metrics.refusal() == RequestMetrics.Refusal.THROTTLED) {
      m.throttled.increment();
    } else if (metrics.refusal() == RequestMetrics.Refusal.QUOTA_EXCEEDED) {
      m.quotaExceeded.increment();
    }
  }

  /** Micrometer's meters only update memory: called on the request's thread. */
  @Override
  public boolean neverBlocks() {
    return true;
  }

  @Override
  public void webSocket(WebSocketMetrics metrics) {
    WebSocketKey key = new WebSocketKey(metrics.api(), metrics.stage(), metrics.route());
    WebSocketMeters m = webSockets.computeIfAbsent(key, k -> new WebSocketMeters(tags(key)));
    (metrics.kind() == WebSocketMetrics.Kind.CONNECT ? m.connects : m.messages).increment();
    switch (metrics.outcome()) {
      case CLIENT_ERROR:
        m.clientErrors.increment();
        break;
      case INTEGRATION_ERROR:
        m.integrationErrors.increment();
        break;
      case EXECUTION_ERROR:
        m.executionErrors.increment();
        break;
      default:
        break;
    }
    if (metrics.integrationLatencyNanos() >= 0) {
      m.integrationLatency.record(metrics.integrationLatencyNanos(), TimeUnit.NANOSECONDS);
    }
  }

  private static Tags tags(RequestKey key) {
    Tags tags = Tags.of("ApiName", orDash(key.api()), "Stage", orDash(key.stage()));
    return key.method() == null ? tags : tags.and("Method", key.method(), "Resource", orDash(key.resource()));
  }

  private static Tags tags(WebSocketKey key) {
    return Tags.of("ApiName", key.api(), "Stage", key.stage(), "Route", orDash(key.route()));
  }

  /** Micrometer refuses null tag values; AWS shows a missing dimension as nothing, Gatehouse as {@code -}. */
  private static String orDash(String value) {
    return value == null ? "-" : value;
  }

  private Timer timer(String name, Tags tags) {
    Timer.Builder timer = Timer.builder(name).tags(tags);
    if (histograms) {
      timer.publishPercentileHistogram();
    }
    return timer.register(registry);
  }

  private record RequestKey(String api, String stage, String method, String resource) {}

  private record WebSocketKey(String api, String stage, String route) {}

  /** The meters of one set of dimensions. */
  private final class Meters {
    final Counter count;
    final Counter clientErrors;
    final Counter serverErrors;
    final Timer latency;
    final Timer integrationLatency;
    final Counter cacheHits;
    final Counter cacheMisses;
    final Counter throttled;
    final Counter quotaExceeded;

    Meters(Tags tags) {
      count = registry.counter(COUNT, tags);
      clientErrors = registry.counter(CLIENT_ERRORS, tags);
      serverErrors = registry.counter(SERVER_ERRORS, tags);
      latency = timer(LATENCY, tags);
      integrationLatency = timer(INTEGRATION_LATENCY, tags);
      cacheHits = registry.counter(CACHE_HITS, tags);
      cacheMisses = registry.counter(CACHE_MISSES, tags);
      throttled = registry.counter(THROTTLED, tags);
      quotaExceeded = registry.counter(QUOTA_EXCEEDED, tags);
    }
  }

  /** The WebSocket meters of one API, stage and route. */
  private final class WebSocketMeters {
    final Counter connects;
    final Counter messages;
    final Counter clientErrors;
    final Counter integrationErrors;
    final Counter executionErrors;
    final Timer integrationLatency;

    WebSocketMeters(Tags tags) {
      connects = registry.counter(CONNECTS, tags);
      messages = registry.counter(MESSAGES, tags);
      clientErrors = registry.counter(WEBSOCKET_CLIENT_ERRORS, tags);
      integrationErrors = registry.counter(INTEGRATION_ERRORS, tags);
      executionErrors = registry.counter(EXECUTION_ERRORS, tags);
      integrationLatency = timer(INTEGRATION_LATENCY, tags);
    }
  }
}
