package dev.gatehouse.integration;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Retries of an HTTP integration, in Resilience4j's terms (the runtime builds a Resilience4j
 * {@code RetryConfig} from it). Only idempotent methods are retried ({@code GET}, {@code HEAD},
 * {@code OPTIONS}, {@code PUT}, {@code DELETE}, {@code TRACE}): a {@code POST} that reached the
 * backend may have done its work, so it is sent once whatever this says. A call is retried after a
 * connection failure or a backend answer with a status in {@code retryStatuses}, never after the
 * route's timeout, which bounds all attempts together.
 *
 * @param maxAttempts attempts in all, the first included; at least 1
 * @param waitDuration the pause between attempts
 * @param retryStatuses backend statuses worth another attempt; 502, 503 and 504 by default
 */
public record RetrySettings(int maxAttempts, Duration waitDuration, List<Integer> retryStatuses) {

  public RetrySettings {
    retryStatuses = List.copyOf(retryStatuses);
  }

  /** Starts settings with Resilience4j's defaults: 3 attempts, 500 ms apart. */
  public static Builder builder() {
    return new Builder();
  }

  /** Problems with these settings, each as {@code field: value (expected: rule)}. */
  public List<String> problems() {
    List<String> problems = new ArrayList<>();
    if (maxAttempts < 1) {
      problems.add("retry maxAttempts: " + maxAttempts + " (expected: >= 1)");
    }
    if (waitDuration == null || waitDuration.isNegative()) {
      problems.add("retry waitDuration: " + waitDuration + " (expected: a duration >= 0)");
    }
    for (Integer status : retryStatuses) {
      if (status < 100 || status > 599) {
        problems.add("retry retryStatuses: " + status + " (expected: 100..599)");
      }
    }
    return problems;
  }

  /** Collects retry settings; not thread-safe. */
  public static final class Builder {
    private int maxAttempts = 3;
    private Duration waitDuration = Duration.ofMillis(500);
    private List<Integer> retryStatuses = List.of(502, 503, 504);

    private Builder() {}

    public Builder maxAttempts(int attempts) {
      this.maxAttempts = attempts;
      return this;
    }

    public Builder waitDuration(Duration wait) {
      this.waitDuration = wait;
      return this;
    }

    /** The backend statuses worth another attempt, instead of 502, 503 and 504. */
    public Builder retryStatuses(Integer... statuses) {
      this.retryStatuses = List.of(statuses);
      return this;
    }

    public RetrySettings build() {
      return new RetrySettings(maxAttempts, waitDuration, retryStatuses);
    }
  }
}
