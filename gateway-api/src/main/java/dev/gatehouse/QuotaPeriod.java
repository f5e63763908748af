package dev.gatehouse;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;

/**
 * The period a {@link Quota} counts over, in UTC calendar terms as AWS counts them: a day starts at
 * 00:00 UTC, a month on its first day at 00:00 UTC. AWS does not say on which weekday its weeks
 * start; Gatehouse's start on Monday at 00:00 UTC (ISO 8601).
 */
public enum QuotaPeriod {
  DAY,
  WEEK,
  MONTH;

  /** The first day of the period that contains {@code day}. */
  public LocalDate start(LocalDate day) {
    return switch (this) {
      case DAY -> day;
      case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
      case MONTH -> day.withDayOfMonth(1);
    };
  }

  /** The first day of the period after the one starting on {@code start}. */
  public LocalDate next(LocalDate start) {
    return switch (this) {
      case DAY -> start.plusDays(1);
      case WEEK -> start.plusWeeks(1);
      case MONTH -> start.plusMonths(1);
    };
  }

  /** The first day of the period that contains {@code instant}. */
  public LocalDate start(Instant instant) {
    return start(LocalDate.ofInstant(instant, ZoneOffset.UTC));
  }

  /** When the period containing {@code instant} ends: the next period's first moment. */
  public Instant end(Instant instant) {
    return next(start(instant)).atStartOfDay(ZoneOffset.UTC).toInstant();
  }
}
