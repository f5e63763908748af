package dev.gatehouse;

/**
 * A token bucket, as AWS's throttle settings: the bucket holds at most {@code burstLimit} tokens,
 * refills at {@code rateLimit} tokens per second, and each request takes one. A bucket starts full.
 *
 * <pre>{@code
 * stage.throttle(1_000, 2_000);         // 1,000 requests per second steady, bursts of 2,000
 * Throttle.of(0, 0);                    // refuses every request
 * }</pre>
 *
 * <p>Checked where it is declared, at {@code build()}: both figures at least 0, a finite rate, and a
 * burst of at least 1 wherever the rate is positive (a bucket that can never hold a token would
 * refuse everything while claiming a rate).
 *
 * @param rateLimit the steady rate, in requests per second
 * @param burstLimit the bucket's size, the most requests admitted at once
 */
public record Throttle(double rateLimit, long burstLimit) {
  /** AWS's default account-level limit per Region: 10,000 requests per second, burst 5,000. */
  public static final Throttle ACCOUNT_DEFAULT = new Throttle(10_000, 5_000);

  public static Throttle of(double rateLimit, long burstLimit) {
    return new Throttle(rateLimit, burstLimit);
  }

  /** Seconds for an empty bucket to fill, or infinity when it never refills. */
  public double secondsToFill() {
    return rateLimit > 0 ? burstLimit / rateLimit : Double.POSITIVE_INFINITY;
  }

  void check(Problems problems, String field) {
    if (!(rateLimit >= 0) || Double.isInfinite(rateLimit)) {
      problems.add(field + ".rateLimit", rateLimit, "a finite number of requests per second >= 0");
    }
    if (burstLimit < 0) {
      problems.add(field + ".burstLimit", burstLimit, ">= 0");
    } else if (burstLimit < 1 && rateLimit > 0) {
      problems.add(field + ".burstLimit", burstLimit, ">= 1 with a positive rateLimit");
    }
  }
}
