package dev.gatehouse.runtime.internal;

import dev.gatehouse.GatewayResponse;
import dev.gatehouse.metrics.MetricsSink;
import dev.gatehouse.metrics.RequestMetrics;
import dev.gatehouse.metrics.WebSocketMetrics;
import dev.gatehouse.runtime.internal.log.ObserverQueue;
import dev.gatehouse.runtime.internal.pipeline.Exchange;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands each answer to the definition's {@link MetricsSink}, isolated: a sink that says it never
 * blocks (Micrometer's) is called on the request's thread, any other through the gateway's observer
 * queue, so that one that blocks delays no request; a sink that throws is counted and logged at most
 * once a minute, and the request never hears of it.
 */
public final class MetricsReports {
  private static final Logger LOG = LoggerFactory.getLogger(MetricsReports.class);
  private static final long LOG_EVERY_NANOS = 60_000_000_000L;

  private static final LongAdder FAILURES = new LongAdder();
  private static final AtomicLong LAST_LOG = new AtomicLong(System.nanoTime() - LOG_EVERY_NANOS);

  private final ObserverQueue observers;

  public MetricsReports(ObserverQueue observers) {
    this.observers = observers;
  }

  /** Reports one answered request; nothing without a sink. */
  public void request(MetricsSink sink, Exchange ex, GatewayResponse response, long nanos) {
    if (sink == null) {
      return;
    }
    try {
      boolean routed = ex.route() != null;
      RequestMetrics metrics = new RequestMetrics(
          ex.api() == null ? null : ex.api().definition().name(),
          ex.stage() == null ? null : ex.stage().name(),
          ex.request().method(),
          routed ? (ex.route().resourceTemplate() != null ? ex.route().resourceTemplate() : ex.route().routeKey()) : null,
          response.status(),
          nanos,
          ex.integrationNanos(),
          ex.cacheOutcome(),
          ex.refusal(),
          ex.stage() != null && ex.stage().detailedMetrics());
      report(sink, () -> sink.request(metrics));
    } catch (RuntimeException | LinkageError e) {
      failed(e);
    }
  }

  /** Reports one WebSocket connect or message; nothing without a sink. */
  public void webSocket(MetricsSink sink, WebSocketMetrics metrics) {
    if (sink == null) {
      return;
    }
    try {
      report(sink, () -> sink.webSocket(metrics));
    } catch (RuntimeException | LinkageError e) {
      failed(e);
    }
  }

  private void report(MetricsSink sink, Runnable report) {
    if (sink.neverBlocks()) {
      report.run();
    } else {
      observers.offer(report);
    }
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
