package dev.gatehouse.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ScheduleTest {

  @Test
  void holdsRateTimesDurationRequestsEvenlySpaced() {
    Schedule schedule = new Schedule(1_000, Duration.ofSeconds(3), 1_000_000);

    assertThat(schedule.requests()).isEqualTo(3_000);
    assertThat(schedule.offsetNanos(0)).isZero();
    assertThat(schedule.offsetNanos(1)).isEqualTo(1_000_000);
    assertThat(schedule.offsetNanos(2_500)).isEqualTo(2_500_000_000L);
    assertThat(schedule.lastOffsetNanos()).isEqualTo(2_999_000_000L);
  }

  @Test
  void fractionalRatesKeepTheirSpacingWithoutDrift() {
    Schedule schedule = new Schedule(3, Duration.ofSeconds(10), 1_000);

    assertThat(schedule.requests()).isEqualTo(30);
    assertThat(schedule.offsetNanos(1)).isEqualTo(333_333_333L);
    // Computed from the index, not accumulated: no rounding error builds up over a long run.
    assertThat(schedule.offsetNanos(300)).isEqualTo(100_000_000_000L);
  }

  @Test
  void theCapBoundsAHighRate() {
    Schedule schedule = new Schedule(10_000_000, Duration.ofSeconds(4), 2_000_000);

    assertThat(schedule.requests()).isEqualTo(2_000_000);
    assertThat(schedule.lastOffsetNanos()).isEqualTo(199_999_900L);
  }

  @Test
  void aScheduleShorterThanOneIntervalStillSendsOneRequest() {
    assertThat(new Schedule(0.5, Duration.ofSeconds(1), 10).requests()).isEqualTo(1);
  }

  @Test
  void rate_notPositive() {
    assertThatThrownBy(() -> new Schedule(0, Duration.ofSeconds(1), 10))
        .hasMessage("rate: 0.0 (expected: a positive number of requests per second)");
    assertThatThrownBy(() -> new Schedule(Double.NaN, Duration.ofSeconds(1), 10))
        .hasMessage("rate: NaN (expected: a positive number of requests per second)");
  }

  @Test
  void duration_zero() {
    assertThatThrownBy(() -> new Schedule(10, Duration.ZERO, 10)).hasMessage("duration: PT0S (expected: positive)");
  }

  @Test
  void maxRequests_zero() {
    assertThatThrownBy(() -> new Schedule(10, Duration.ofSeconds(1), 0)).hasMessage("maxRequests: 0 (expected: >= 1)");
  }
}
