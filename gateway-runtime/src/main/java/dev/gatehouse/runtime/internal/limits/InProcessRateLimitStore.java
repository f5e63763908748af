package dev.gatehouse.runtime.internal.limits;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.gatehouse.Throttle;
import dev.gatehouse.spi.RateLimitStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The default {@link RateLimitStore}: buckets and counters in this process, lock-free. A bucket is
 * an immutable state (tokens, last refill) swapped by compare-and-set, so concurrent takers are
 * granted exactly the tokens there are. Both kinds live in Caffeine caches driven by the store's
 * clock: a bucket untouched for as long as it takes to fill is full, indistinguishable from a new
 * one, and is dropped, so idle keys cost no memory; a bucket that never refills (rate 0) is kept. A
 * counter is dropped at the instant its caller gave.
 */
public final class InProcessRateLimitStore implements RateLimitStore {
  private static final Duration FOREVER = ChronoUnit.FOREVER.getDuration();

  private final Clock clock;
  private final Cache<String, Bucket> buckets;
  private final Cache<String, Counter> counters;

  public InProcessRateLimitStore(Clock clock) {
    this.clock = clock;
    Ticker ticker = this::nanos;
    // maintenance on the caller's thread: handing it to the common pool costs a thread switch on a
    // busy core, far more than the few entries it drops
    this.buckets = Caffeine.newBuilder().ticker(ticker).executor(Runnable::run).expireAfter(new BucketExpiry()).build();
    this.counters = Caffeine.newBuilder().ticker(ticker).executor(Runnable::run).expireAfter(new CounterExpiry()).build();
  }

  @Override
  public CompletionStage<Take> take(String key, Throttle throttle, int permits) {
    long now = nanos();
    Bucket bucket = buckets.getIfPresent(key);
    if (bucket == null) {
      // only a new bucket pays for the capturing lambda
      bucket = buckets.get(key, k -> new Bucket(throttle, now));
    }
    Take take = bucket.take(throttle, permits, now);
    // the idle expiry follows the throttle, which a redeploy may have changed; the next access uses it
    if (!bucket.throttle.equals(throttle)) {
      bucket.throttle = throttle;
    }
    return CompletableFuture.completedFuture(take);
  }

  @Override
  public CompletionStage<Count> add(String key, long amount, long limit, Instant expiresAt) {
    Counter counter = counters.getIfPresent(key);
    if (counter == null) {
      counter = counters.get(key, k -> new Counter(nanos(expiresAt)));
    }
    return CompletableFuture.completedFuture(counter.add(amount, limit));
  }

  @Override
  public CompletionStage<Long> count(String key) {
    Counter counter = counters.getIfPresent(key);
    return CompletableFuture.completedFuture(counter == null ? 0L : counter.value.get());
  }

  /** Buckets and counters held, after dropping what has expired; for tests of memory use. */
  long size() {
    buckets.cleanUp();
    counters.cleanUp();
    return buckets.estimatedSize() + counters.estimatedSize();
  }

  private long nanos() {
    return nanos(clock.instant());
  }

  private static long nanos(Instant instant) {
    return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
  }

  /** How long a bucket may sit untouched before it is full again; forever when it never refills. */
  private static long idleNanos(Throttle throttle) {
    double seconds = throttle.secondsToFill();
    return Double.isInfinite(seconds) || seconds > FOREVER.getSeconds() / 2.0
        ? Long.MAX_VALUE
        : (long) Math.ceil(seconds * 1e9) + 1;
  }

  /** A token bucket: an immutable state swapped whole, so no taker ever sees half an update. */
  private static final class Bucket {
    private final AtomicReference<State> state;
    /** The throttle of the last take; only steers expiry, so a stale read is harmless. */
    private volatile Throttle throttle;

    Bucket(Throttle throttle, long now) {
      this.throttle = throttle;
      this.state = new AtomicReference<>(new State(throttle.burstLimit(), now));
    }

    Take take(Throttle throttle, int permits, long now) {
      double rate = throttle.rateLimit();
      long burst = throttle.burstLimit();
      while (true) {
        State current = state.get();
        long elapsed = Math.max(0, now - current.refilledAt);
        double tokens = Math.min(burst, current.tokens + elapsed * rate / 1e9);
        if (tokens < permits) {
          return new Take(false, (long) tokens, wait(permits - tokens, rate), wait(burst - tokens, rate));
        }
        State next = new State(tokens - permits, Math.max(now, current.refilledAt));
        if (state.compareAndSet(current, next)) {
          return new Take(true, (long) next.tokens, Duration.ZERO, wait(burst - next.tokens, rate));
        }
      }
    }

    private static Duration wait(double tokens, double rate) {
      if (tokens <= 0) {
        return Duration.ZERO;
      }
      return rate > 0 ? Duration.ofNanos((long) Math.ceil(tokens / rate * 1e9)) : FOREVER;
    }
  }

  private record State(double tokens, long refilledAt) {}

  /** A counter that a caller-given instant ends. */
  private static final class Counter {
    final AtomicLong value = new AtomicLong();
    final long expiresAtNanos;

    Counter(long expiresAtNanos) {
      this.expiresAtNanos = expiresAtNanos;
    }

    Count add(long amount, long limit) {
      while (true) {
        long current = value.get();
        if (current > limit - amount) {
          return new Count(false, current);
        }
        if (value.compareAndSet(current, current + amount)) {
          return new Count(true, current + amount);
        }
      }
    }
  }

  private static final class BucketExpiry implements Expiry<String, Bucket> {
    @Override
    public long expireAfterCreate(String key, Bucket bucket, long now) {
      return idleNanos(bucket.throttle);
    }

    @Override
    public long expireAfterUpdate(String key, Bucket bucket, long now, long currentDuration) {
      return idleNanos(bucket.throttle);
    }

    @Override
    public long expireAfterRead(String key, Bucket bucket, long now, long currentDuration) {
      return idleNanos(bucket.throttle);
    }
  }

  private static final class CounterExpiry implements Expiry<String, Counter> {
    @Override
    public long expireAfterCreate(String key, Counter counter, long now) {
      return Math.max(0, counter.expiresAtNanos - now);
    }

    @Override
    public long expireAfterUpdate(String key, Counter counter, long now, long currentDuration) {
      return currentDuration;
    }

    @Override
    public long expireAfterRead(String key, Counter counter, long now, long currentDuration) {
      return currentDuration;
    }
  }
}
