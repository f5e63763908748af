package dev.gatehouse.runtime.internal.limits;

import dev.gatehouse.metrics.RequestMetrics;
import dev.gatehouse.runtime.internal.pipeline.Exchange;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts throttled and quota-refused requests per API, stage and key, and logs each refusal with
 * its running count on the {@code dev.gatehouse.limits} logger at DEBUG. The metrics issue turns
 * these into meters; until then the log is where they show. Keys of the map are bounded by the
 * APIs, stages and API keys there are.
 */
final class RefusalCounters {
  private static final Logger LOG = LoggerFactory.getLogger("dev.gatehouse.limits");

  private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

  void throttled(Exchange ex) {
    ex.refused(RequestMetrics.Refusal.THROTTLED);
    count("throttled", ex);
  }

  void quotaExceeded(Exchange ex) {
    ex.refused(RequestMetrics.Refusal.QUOTA_EXCEEDED);
    count("quota-exceeded", ex);
  }

  /** The count so far for {@code kind} ({@code throttled} or {@code quota-exceeded}) on this API, stage and key. */
  long count(String kind, String api, String stage, String keyId) {
    LongAdder adder = counts.get(name(kind, api, stage, keyId));
    return adder == null ? 0 : adder.sum();
  }

  private void count(String kind, Exchange ex) {
    String keyId = ex.apiKey() != null ? ex.apiKey().id() : null;
    String name = name(kind, ex.api().definition().name(), ex.stage().name(), keyId);
    LongAdder adder = counts.computeIfAbsent(name, n -> new LongAdder());
    adder.increment();
    if (LOG.isDebugEnabled()) {
      LOG.debug("{}: {} so far (request {})", name, adder.sum(), ex.requestId());
    }
  }

  private static String name(String kind, String api, String stage, String keyId) {
    return kind + " api=" + api + " stage=" + stage + " key=" + (keyId == null ? "-" : keyId);
  }
}
