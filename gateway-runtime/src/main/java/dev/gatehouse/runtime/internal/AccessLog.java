package dev.gatehouse.runtime.internal;

import dev.gatehouse.GatewayResponse;
import dev.gatehouse.runtime.internal.log.ObserverQueue;
import dev.gatehouse.runtime.internal.log.StageAccessLogs;
import dev.gatehouse.runtime.internal.pipeline.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The access-log observer: a stage's own access log where it declares one ({@link StageAccessLogs}),
 * else one fixed line per request on the {@code dev.gatehouse.access} logger at INFO, once the
 * gateway has its response. It never fails the request: a broken log is logged.
 *
 * <p>In the fixed line, the length is the body's: a buffered body's size, a streamed body's declared
 * length, or {@code -} (as in the common log format) for a streamed body of unknown length. The line
 * is written when the response is handed to the adapter, so a streamed body may still be on its way.
 */
final class AccessLog implements AutoCloseable {
  private static final Logger ACCESS = LoggerFactory.getLogger("dev.gatehouse.access");
  private static final Logger LOG = LoggerFactory.getLogger(AccessLog.class);

  private final StageAccessLogs stages;

  /** An access log whose stage lines go through the gateway's observer queue. */
  AccessLog(ObserverQueue observers) {
    this.stages = new StageAccessLogs(observers);
  }

  void record(Exchange ex, GatewayResponse response, long latencyMillis) {
    try {
      if (stages.record(ex, response, latencyMillis) || !ACCESS.isInfoEnabled()) {
        return;
      }
      ACCESS.info("{} {} \"{} {}{} {}\" {} {} {} {}ms", ex.requestId(), ex.request().sourceIp(),
          ex.request().method(), ex.request().mountPath(), ex.request().rawPath(), ex.request().protocol(),
          response.status(), length(response), ex.route() == null ? "-" : ex.route().routeKey(),
          latencyMillis);
    } catch (RuntimeException e) {
      LOG.warn("access log failed for request {}", ex.requestId(), e);
    }
  }

  /** The body's length for the line; never reads a streamed body. */
  static Object length(GatewayResponse response) {
    long length = response.contentLength();
    return length < 0 ? "-" : (Object) length;
  }

  /** Writes the queued lines of stage access logs, then stops their writer. */
  @Override
  public void close() {
    stages.close();
  }
}
