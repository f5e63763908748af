package dev.gatehouse.runtime.internal.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.gatehouse.Throttle;
import dev.gatehouse.spi.RateLimitStore.Count;
import dev.gatehouse.spi.RateLimitStore.Take;
import dev.gatehouse.testing.ManualClock;
import dev.gatehouse.testing.Race;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;

class InProcessRateLimitStoreTest {
  private static final Instant START = Instant.parse("2026-11-24T10:00:00Z");

  private final ManualClock clock = new ManualClock(START);
  private final InProcessRateLimitStore store = new InProcessRateLimitStore(clock);

  private Take take(String key, Throttle throttle) {
    return store.take(key, throttle, 1).toCompletableFuture().join();
  }

  private Count add(String key, long limit) {
    return store.add(key, 1, limit, START.plus(Duration.ofDays(1))).toCompletableFuture().join();
  }

  @Test
  void newBucketIsFullAndAdmitsItsBurstThenRefuses() {
    Throttle throttle = Throttle.of(1, 3);

    assertThat(List.of(take("b", throttle), take("b", throttle), take("b", throttle)))
        .extracting(Take::granted, Take::remaining)
        .containsExactly(tuple(true, 2L), tuple(true, 1L),
            tuple(true, 0L));
    Take refused = take("b", throttle);
    assertThat(refused.granted()).isFalse();
    assertThat(refused.retryAfter()).isEqualTo(Duration.ofSeconds(1));
    assertThat(refused.untilFull()).isEqualTo(Duration.ofSeconds(3));
  }

  @Test
  void bucketRefillsAtItsRateAndNoFurtherThanItsBurst() {
    Throttle throttle = Throttle.of(10, 5);
    for (int i = 0; i < 5; i++) {
      assertThat(take("b", throttle).granted()).isTrue();
    }
    assertThat(take("b", throttle).granted()).isFalse();

    clock.advance(Duration.ofMillis(99));
    assertThat(take("b", throttle).granted()).as("0.99 of a token after 99 ms at 10/s").isFalse();
    clock.advance(Duration.ofMillis(1));
    assertThat(take("b", throttle).granted()).as("one token after 100 ms").isTrue();
    assertThat(take("b", throttle).granted()).isFalse();

    clock.advance(Duration.ofHours(1));
    int admitted = 0;
    while (take("b", throttle).granted()) {
      admitted++;
    }
    assertThat(admitted).as("an hour of refill still fills only the burst").isEqualTo(5);
  }

  @Test
  void zeroRateAndZeroBurstRefusesEverythingForever() {
    Take take = take("closed", Throttle.of(0, 0));

    assertThat(take.granted()).isFalse();
    assertThat(take.retryAfter()).isEqualTo(ChronoUnit.FOREVER.getDuration());
  }

  @Test
  void aThousandConcurrentCallersOnABucketOfAHundredWithoutRefillGetExactlyAHundred() throws Exception {
    Throttle throttle = Throttle.of(0, 100);

    assertThat(Race.countTrue(1_000, () -> take("race", throttle).granted())).isEqualTo(100);
  }

  @Test
  void concurrentAddsToACounterStopExactlyAtItsLimit() throws Exception {
    assertThat(Race.countTrue(1_000, () -> add("quota", 250).granted())).isEqualTo(250);
    assertThat(store.count("quota").toCompletableFuture().join()).isEqualTo(250);
  }

  @Test
  void idleBucketsAreDroppedOnceFullButBucketsThatNeverRefillAreKept() {
    Throttle refilling = Throttle.of(100, 10);
    for (int i = 0; i < 10_000; i++) {
      take("idle-" + i, refilling);
    }
    take("never-refills", Throttle.of(0, 1));
    assertThat(store.size()).isEqualTo(10_001);

    clock.advance(Duration.ofSeconds(1));

    assertThat(store.size()).as("every refilling bucket is full again and gone").isEqualTo(1);
    assertThat(take("never-refills", Throttle.of(0, 1)).granted()).as("its one token stays spent").isFalse();
  }

  @Test
  void counterDisappearsAtItsExpiry() {
    assertThat(add("day", 10).count()).isEqualTo(1);
    assertThat(add("day", 10).count()).isEqualTo(2);

    clock.advance(Duration.ofDays(1));

    assertThat(store.count("day").toCompletableFuture().join()).isZero();
    assertThat(store.size()).isZero();
  }

  @Test
  void smallerBurstAfterARedeployCapsTheTokensLeft() {
    for (int i = 0; i < 2; i++) {
      take("b", Throttle.of(0, 10));
    }

    Take after = take("b", Throttle.of(0, 3));

    assertThat(after.granted()).isTrue();
    assertThat(after.remaining()).isEqualTo(2);
  }
}
