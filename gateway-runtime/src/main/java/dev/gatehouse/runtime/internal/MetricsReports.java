package dev.gatehouse.runtime.internal;

import dev.gatehouse.GatewayResponse;
import dev.gatehouse.metrics.MetricsSink;
import dev.gatehouse.metrics.RequestMetrics;
import dev.gatehouse.metrics.WebSocketMetrics;
import dev.gatehouse.runtime.internal.pipeline.Exchange;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands each answer to the definition's {@link MetricsSink}, isolated: a sink that throws is
 * counted and logged at most once a minute, and the request never hears of it.
 */
public final class MetricsReports {
  private static final Logger LOG = LoggerFactory.getLogger(MetricsReports.class);
  private static final long LOG_EVERY_NANOS = 60_000_000_000L;

  private static final LongAdder FAILURES = new LongAdder();
  private static final AtomicLong LAST_LOG = new AtomicLong(System.nanoTime() - LOG_EVERY_NANOS);

  private MetricsReports() {}

  /** Reports one answered request; nothing without a sink. */
  public static void request(MetricsSink sink, Exchange ex, GatewayResponse response, long nanos) {
    if (sink == null) {
      return;
    }
    try {
      boolean routed = ex.route() != null;
      sink.request(new RequestMetrics(
          ex.api() == null ? null : ex.api().definition().name(),
          ex.stage() == null ? null : ex.stage().name(),
          ex.request().method(),
          routed ? (ex.route().resourceTemplate() != null ? ex.route().resourceTemplate() : ex.route().routeKey()) : null,
          response.status(),
          nanos,
          ex.integrationNanos(),
          ex.cacheOutcome(),
          ex.refusal(),
          ex.stage() != null && ex.stage().detailedMetrics()));
    } catch (RuntimeException | LinkageError e) {
      failed(e);
    }
  }

  /** Reports one WebSocket connect or message; nothing without a sink. */
  public static void webSocket(MetricsSink sink, WebSocketMetrics metrics) {
    if (sink == null) {
      return;
    }
    try {
      sink.webSocket(metrics);
    } catch (RuntimeException | LinkageError e) {
      failed(e);
    }
  }

  /** Sink failures since the JVM started, in every gateway. */
  public static long failures() {
    return FAILURES.sum();
  }

  private static void failed(Throwable e) {
    FAILURES.increment();
    long now = System.nanoTime();
    long last = LAST_LOG.get();
    if (now - last >= LOG_EVERY_NANOS && LAST_LOG.compareAndSet(last, now)) {
      LOG.warn("the metrics sink failed ({} failures so far; logged at most once a minute)", FAILURES.sum(), e);
    }
  }
}
