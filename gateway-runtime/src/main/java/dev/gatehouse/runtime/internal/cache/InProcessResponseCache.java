package dev.gatehouse.runtime.internal.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import dev.gatehouse.cache.CachedResponse;
import dev.gatehouse.spi.ResponseCacheStore;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * One stage's answers in process, on Caffeine: weighed in bytes up to the stage's {@code maxBytes}
 * (least recently used out first), each entry expiring at its own {@code expiresAt} on the
 * gateway's clock, so that tests move time instead of waiting.
 */
public final class InProcessResponseCache implements ResponseCacheStore {
  private final Clock clock;
  private final Cache<String, CachedResponse> entries;

  public InProcessResponseCache(long maxBytes, Clock clock) {
    this.clock = clock;
    this.entries = Caffeine.newBuilder()
        .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
        // eviction on the caller's thread: a hand-off to the common pool would cost more than it does
        .executor(Runnable::run)
        .maximumWeight(maxBytes)
        .weigher((String key, CachedResponse value) -> (int) Math.min(Integer.MAX_VALUE, value.weight() + key.length()))
        .expireAfter(new UntilExpiresAt())
        .build();
  }

  @Override
  public CompletionStage<CachedResponse> get(String key) {
    CachedResponse entry = entries.getIfPresent(key);
    // Caffeine's expiry is read on its own schedule: an entry past its time is never served
    if (entry != null && !entry.expiresAt().isAfter(clock.instant())) {
      entry = null;
    }
    return CompletableFuture.completedFuture(entry);
  }

  @Override
  public CompletionStage<Void> put(String key, CachedResponse response) {
    entries.put(key, response);
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public CompletionStage<Void> invalidate(String key) {
    entries.invalidate(key);
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public CompletionStage<Void> flush(String prefix) {
    entries.asMap().keySet().removeIf(key -> key.startsWith(prefix));
    return CompletableFuture.completedFuture(null);
  }

  /** Bytes held now, for tests of the weigher. */
  long weight() {
    entries.cleanUp();
    return entries.policy().eviction().map(eviction -> eviction.weightedSize().orElse(0)).orElse(0L);
  }

  private final class UntilExpiresAt implements Expiry<String, CachedResponse> {
    @Override
    public long expireAfterCreate(String key, CachedResponse value, long now) {
      return Math.max(0, TimeUnit.MILLISECONDS.toNanos(value.expiresAt().toEpochMilli()) - now);
    }

    @Override
    public long expireAfterUpdate(String key, CachedResponse value, long now, long currentDuration) {
      return expireAfterCreate(key, value, now);
    }

    @Override
    public long expireAfterRead(String key, CachedResponse value, long now, long currentDuration) {
      return currentDuration;
    }
  }
}
