package dev.gatehouse.runtime.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.Headers;
import dev.gatehouse.cache.CachedResponse;
import dev.gatehouse.runtime.internal.cache.InProcessResponseCache;
import dev.gatehouse.testing.ManualClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class InProcessResponseCacheTest {
  private final ManualClock clock = new ManualClock(Instant.parse("2026-11-24T10:00:00Z"));

  private CachedResponse entry(int bytes, Duration ttl) {
    return new CachedResponse(200, Headers.empty(), new byte[bytes], clock.instant().plus(ttl));
  }

  private CachedResponse get(InProcessResponseCache cache, String key) {
    return cache.get(key).toCompletableFuture().join();
  }

  @Test
  void weigherEvictsByBytesNotByCount() {
    InProcessResponseCache cache = new InProcessResponseCache(10_000, clock);

    for (int i = 0; i < 10; i++) {
      cache.put("k" + i, entry(2_000, Duration.ofMinutes(5)));
    }

    long kept = 0;
    for (int i = 0; i < 10; i++) {
      kept += get(cache, "k" + i) == null ? 0 : 1;
    }
    assertThat(kept).isBetween(1L, 4L);
  }

  @Test
  void manySmallEntriesFitWhereFewLargeOnesDoNot() {
    InProcessResponseCache cache = new InProcessResponseCache(100_000, clock);

    for (int i = 0; i < 500; i++) {
      cache.put("small" + i, entry(10, Duration.ofMinutes(5)));
    }

    for (int i = 0; i < 500; i++) {
      assertThat(get(cache, "small" + i)).isNotNull();
    }
  }

  @Test
  void eachEntryExpiresAtItsOwnTime() {
    InProcessResponseCache cache = new InProcessResponseCache(100_000, clock);
    cache.put("short", entry(10, Duration.ofSeconds(10)));
    cache.put("long", entry(10, Duration.ofSeconds(100)));

    clock.advance(Duration.ofSeconds(10));

    assertThat(get(cache, "short")).isNull();
    assertThat(get(cache, "long")).isNotNull();
  }

  @Test
  void flushDropsOnlyItsPrefix() {
    InProcessResponseCache cache = new InProcessResponseCache(100_000, clock);
    cache.put("a\u0000prod\u0000x", entry(10, Duration.ofMinutes(1)));
    cache.put("a\u0000beta\u0000x", entry(10, Duration.ofMinutes(1)));

    cache.flush("a\u0000prod\u0000");

    assertThat(get(cache, "a\u0000prod\u0000x")).isNull();
    assertThat(get(cache, "a\u0000beta\u0000x")).isNotNull();
  }
}
