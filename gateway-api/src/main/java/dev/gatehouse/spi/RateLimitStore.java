package dev.gatehouse.spi;

import dev.gatehouse.Throttle;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletionStage;

/**
 * Where throttle buckets and quota counters live. The runtime's default keeps them in the process;
 * a store module keeps them in a shared engine (Redis) so that limits hold across instances. Both
 * operations are atomic on their key: concurrent callers on one bucket of {@code n} tokens with no
 * refill are granted exactly {@code n} tokens between them, never more.
 *
 * <p>Keys are opaque strings the gateway composes, such as {@code plan:basic:key:k1}. A store owns
 * its clock for buckets (a shared store uses the shared engine's time); counters expire at the
 * instant their caller gives. A store that cannot answer completes exceptionally; the gateway then
 * admits the request and logs the failure, as AWS serves a request whose usage-plan check failed.
 */
public interface RateLimitStore {

  /**
   * Takes {@code permits} tokens from the bucket {@code key}, created full on first use, if it holds
   * that many after refilling at {@code throttle}'s rate since it was last touched; otherwise takes
   * none. A bucket whose throttle changes (a redeploy) keeps its tokens, capped at the new burst.
   */
  CompletionStage<Take> take(String key, Throttle throttle, int permits);

  /**
   * Adds {@code amount} to the counter {@code key} (0 when absent) unless the sum would pass
   * {@code limit}; the counter disappears at {@code expiresAt}.
   */
  CompletionStage<Count> add(String key, long amount, long limit, Instant expiresAt);

  /** The counter {@code key}: 0 when it is absent or expired. */
  CompletionStage<Long> count(String key);

  /**
   * The outcome of {@link #take}.
   *
   * @param granted whether the tokens were taken
   * @param remaining whole tokens left in the bucket afterwards
   * @param retryAfter when enough tokens will be there again; zero when granted
   * @param untilFull how long the bucket needs to be full again
   */
  record Take(boolean granted, long remaining, Duration retryAfter, Duration untilFull) {}

  /**
   * The outcome of {@link #add}.
   *
   * @param granted whether the amount was added
   * @param count the counter afterwards (unchanged when not granted)
   */
  record Count(boolean granted, long count) {}
}
