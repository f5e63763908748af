package dev.gatehouse.runtime;

import static dev.gatehouse.runtime.LimitsFixture.KEY_A;
import static dev.gatehouse.runtime.LimitsFixture.KEY_B;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.QuotaPeriod;
import dev.gatehouse.Usage;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class UsageReportTest {
  private final LimitsFixture fixture = new LimitsFixture(Instant.parse("2026-11-23T09:00:00Z"),
      api -> api.stage("prod"), gateway -> gateway
          .usagePlan("basic", plan -> plan.stage("petstore", "prod").quota(10, QuotaPeriod.WEEK)
              .apiKey("a", KEY_A).apiKey("b", KEY_B))
          .usagePlan("free", plan -> plan.stage("petstore", "prod", s -> {}).throttle(1, 1)));

  @AfterEach
  void close() {
    fixture.close();
  }

  private Usage usage(String plan, String from, String to) {
    return fixture.gateway.usage(plan, LocalDate.parse(from), LocalDate.parse(to)).toCompletableFuture().join();
  }

  @Test
  void usagePerKeyAndDayMatchesTheRequestsAdmittedWithTheQuotaLeft() {
    fixture.admitted(3, "GET", "/prod/pets", KEY_A);
    fixture.admitted(1, "GET", "/prod/pets", KEY_B);
    fixture.admitted(2, "GET", "/prod/open", KEY_A);
    fixture.clock.advance(Duration.ofDays(1));
    fixture.admitted(9, "GET", "/prod/pets", KEY_A);

    Usage usage = usage("basic", "2026-11-23", "2026-11-25");

    assertThat(usage.items().keySet()).containsExactly("a", "b");
    assertThat(usage.items().get("a")).containsExactly(
        new Usage.Day(LocalDate.parse("2026-11-23"), 3, 7L),
        new Usage.Day(LocalDate.parse("2026-11-24"), 7, 0L),
        new Usage.Day(LocalDate.parse("2026-11-25"), 0, 0L));
    assertThat(usage.items().get("b")).extracting(Usage.Day::used).containsExactly(1L, 0L, 0L);
  }

  @Test
  void aReportStartingMidPeriodCountsTheEarlierDaysOfThePeriodInTheQuotaLeft() {
    fixture.admitted(4, "GET", "/prod/pets", KEY_A);
    fixture.clock.advance(Duration.ofDays(1));

    Usage usage = usage("basic", "2026-11-24", "2026-11-24");

    assertThat(usage.items().get("a")).containsExactly(new Usage.Day(LocalDate.parse("2026-11-24"), 0, 6L));
  }

  @Test
  void planWithoutQuotaReportsNoRemaining() {
    Usage usage = usage("free", "2026-11-23", "2026-11-23");

    assertThat(usage.items()).isEmpty();
    assertThat(usage.usagePlan()).isEqualTo("free");
  }

  @Test
  void unknownPlanOrReversedDatesFailClearly() {
    assertThatThrownBy(() -> usage("gold", "2026-11-23", "2026-11-23"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("usagePlan: \"gold\" (expected: one of [basic, free])");
    assertThatThrownBy(() -> usage("basic", "2026-11-24", "2026-11-23"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("dates: 2026-11-24 to 2026-11-23 (expected: startDate <= endDate, at most 90 days)");
  }
}
