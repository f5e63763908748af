package dev.gatehouse.runtime.internal;

import dev.gatehouse.GatewayResponse;
import dev.gatehouse.runtime.internal.pipeline.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The access-log observer: one line per request on the {@code dev.gatehouse.access} logger at
 * INFO, after the response is complete. It never fails the request: a broken log is logged.
 */
final class AccessLog {
  private static final Logger ACCESS = LoggerFactory.getLogger("dev.gatehouse.access");
  private static final Logger LOG = LoggerFactory.getLogger(AccessLog.class);

  private AccessLog() {}

  static void record(Exchange ex, GatewayResponse response, long latencyMillis) {
    if (!ACCESS.isInfoEnabled()) {
      return;
    }
    try {
      ACCESS.info("{} {} \"{} {}{} {}\" {} {} {} {}ms", ex.requestId(), ex.request().sourceIp(),
          ex.request().method(), ex.request().mountPath(), ex.request().rawPath(), ex.request().protocol(),
          response.status(), response.bodyLength(), ex.route() == null ? "-" : ex.route().routeKey(),
          latencyMillis);
    } catch (RuntimeException e) {
      LOG.warn("access log failed for request {}", ex.requestId(), e);
    }
  }
}
