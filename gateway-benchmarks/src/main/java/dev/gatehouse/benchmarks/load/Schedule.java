package dev.gatehouse.benchmarks.load;

import java.time.Duration;

/**
 * When an open-loop run intends to send each request: request {@code i} at {@code i / rate}
 * seconds after the start, evenly spaced, for {@code duration}, and never more than
 * {@code maxRequests}. Latency is measured from these intended times, not from the moment a
 * connection became free, so a stalled server is charged for every request it delayed (no
 * coordinated omission).
 *
 * @param ratePerSecond requests per second, positive
 * @param duration how long the schedule runs
 * @param maxRequests the cap on requests, however high the rate
 */
public record Schedule(double ratePerSecond, Duration duration, long maxRequests) {

  public Schedule {
    if (!(ratePerSecond > 0) || Double.isInfinite(ratePerSecond)) {
      throw new IllegalArgumentException("rate: " + ratePerSecond + " (expected: a positive number of requests per second)");
    }
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException("duration: " + duration + " (expected: positive)");
    }
    if (maxRequests < 1) {
      throw new IllegalArgumentException("maxRequests: " + maxRequests + " (expected: >= 1)");
    }
  }

  /** How many requests the schedule holds: rate times duration, at least one, at most the cap. */
  public long requests() {
    double planned = Math.floor(ratePerSecond * duration.toNanos() / 1e9);
    return Math.max(1, Math.min(maxRequests, (long) planned));
  }

  /** Nanoseconds from the start to the intended send time of request {@code index} (from 0). */
  public long offsetNanos(long index) {
    return Math.round(index * (1e9 / ratePerSecond));
  }

  /** The intended send time of the last request, from the start. */
  public long lastOffsetNanos() {
    return offsetNanos(requests() - 1);
  }
}
