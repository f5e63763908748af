package dev.gatehouse.runtime.internal.limits;

import dev.gatehouse.GatewayResponse;
import dev.gatehouse.Throttle;
import dev.gatehouse.spi.RateLimitStore;
import java.time.Duration;

/**
 * The headers an API with {@code rateLimitHeaders()} adds, which AWS does not send: on an admitted
 * request, {@code X-RateLimit-Limit} (the burst), {@code X-RateLimit-Remaining} (whole tokens left)
 * and {@code X-RateLimit-Reset} (seconds until the bucket is full) of the bucket closest to empty;
 * on a 429, the same for the bucket or quota that refused, plus {@code Retry-After} in seconds.
 */
final class RateLimitHeaders {
  static final String LIMIT = "X-RateLimit-Limit";
  static final String REMAINING = "X-RateLimit-Remaining";
  static final String RESET = "X-RateLimit-Reset";
  static final String RETRY_AFTER = "Retry-After";
  /** Past this, a wait is "never" for a client, and no Retry-After is promised. */
  private static final Duration NEVER = Duration.ofDays(366);

  private RateLimitHeaders() {}

  static GatewayResponse admitted(GatewayResponse answer, Throttle throttle, RateLimitStore.Take take) {
    GatewayResponse.Builder out = answer.toBuilder()
        .setHeader(LIMIT, Long.toString(throttle.burstLimit()))
        .setHeader(REMAINING, Long.toString(take.remaining()));
    reset(out, take.untilFull());
    return out.build();
  }

  static GatewayResponse throttled(GatewayResponse refusal, Throttle throttle, RateLimitStore.Take take) {
    GatewayResponse.Builder out = refusal.toBuilder()
        .setHeader(LIMIT, Long.toString(throttle.burstLimit()))
        .setHeader(REMAINING, "0");
    reset(out, take.untilFull());
    if (take.retryAfter().compareTo(NEVER) < 0) {
      out.setHeader(RETRY_AFTER, Long.toString(Math.max(1, seconds(take.retryAfter()))));
    }
    return out.build();
  }

  static GatewayResponse quotaExceeded(GatewayResponse refusal, long limit, Duration untilNextPeriod) {
    String seconds = Long.toString(Math.max(1, seconds(untilNextPeriod)));
    return refusal.toBuilder()
        .setHeader(LIMIT, Long.toString(limit))
        .setHeader(REMAINING, "0")
        .setHeader(RESET, seconds)
        .setHeader(RETRY_AFTER, seconds)
        .build();
  }

  private static void reset(GatewayResponse.Builder out, Duration untilFull) {
    if (untilFull.compareTo(NEVER) < 0) {
      out.setHeader(RESET, Long.toString(seconds(untilFull)));
    }
  }

  /** Whole seconds, rounded up: a client that waits that long finds the tokens there. */
  private static long seconds(Duration duration) {
    long seconds = duration.getSeconds();
    return duration.getNano() > 0 ? seconds + 1 : seconds;
  }
}
