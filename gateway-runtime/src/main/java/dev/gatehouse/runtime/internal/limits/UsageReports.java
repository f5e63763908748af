package dev.gatehouse.runtime.internal.limits;

import dev.gatehouse.ApiKey;
import dev.gatehouse.GatewayDefinition;
import dev.gatehouse.Quota;
import dev.gatehouse.Usage;
import dev.gatehouse.UsagePlanDefinition;
import dev.gatehouse.spi.RateLimitStore;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Builds {@link Usage}, AWS's {@code GetUsage}, from the per-day counters the throttle step keeps.
 * The quota left after a day is the period's allowance minus the requests counted in that period up
 * to and including the day, so days before {@code startDate} in the same period are read as well.
 */
public final class UsageReports {
  /** AWS keeps 90 days of usage; a report may span at most that many days. */
  static final long MAX_DAYS = ThrottleStep.USAGE_RETENTION.toDays();

  private UsageReports() {}

  public static CompletionStage<Usage> usage(GatewayDefinition definition, Limits limits, String planName,
      LocalDate startDate, LocalDate endDate) {
    UsagePlanDefinition plan = definition.usagePlan(planName);
    if (plan == null) {
      throw new IllegalArgumentException("usagePlan: \"" + planName + "\" (expected: one of "
          + definition.usagePlans().stream().map(UsagePlanDefinition::name).toList() + ")");
    }
    if (endDate.isBefore(startDate) || ChronoUnit.DAYS.between(startDate, endDate) >= MAX_DAYS) {
      throw new IllegalArgumentException("dates: " + startDate + " to " + endDate
          + " (expected: startDate <= endDate, at most " + MAX_DAYS + " days)");
    }
    Quota quota = plan.quota();
    LocalDate from = quota != null ? quota.period().start(startDate) : startDate;
    RateLimitStore store = limits.rateLimits(definition);
    List<ApiKey> keys = limits.apiKeys(definition).list().stream()
        .filter(key -> key.usagePlans().contains(planName))
        .sorted(java.util.Comparator.comparing(ApiKey::id))
        .toList();
    Map<String, List<CompletableFuture<Long>>> counts = new LinkedHashMap<>();
    List<CompletableFuture<Long>> all = new ArrayList<>();
    for (ApiKey key : keys) {
      List<CompletableFuture<Long>> days = new ArrayList<>();
      for (LocalDate day = from; !day.isAfter(endDate); day = day.plusDays(1)) {
        CompletableFuture<Long> count = store.count(LimitKeys.usage(planName, key.id(), day)).toCompletableFuture();
        days.add(count);
        all.add(count);
      }
      counts.put(key.id(), days);
    }
    return CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).thenApply(done -> {
      Map<String, List<Usage.Day>> items = new LinkedHashMap<>();
      counts.forEach((keyId, days) -> items.put(keyId, days(plan, limits, from, startDate, days)));
      return new Usage(planName, startDate, endDate, items);
    });
  }

  private static List<Usage.Day> days(UsagePlanDefinition plan, Limits limits, LocalDate from, LocalDate startDate,
      List<CompletableFuture<Long>> counts) {
    List<Usage.Day> days = new ArrayList<>();
    Quota quota = plan.quota();
    LocalDate periodStart = null;
    long usedInPeriod = 0;
    LocalDate day = from;
    for (CompletableFuture<Long> count : counts) {
      long used = count.join();
      Long remaining = null;
      if (quota != null) {
        LocalDate start = quota.period().start(day);
        if (!start.equals(periodStart)) {
          periodStart = start;
          usedInPeriod = 0;
        }
        usedInPeriod += used;
        remaining = Math.max(0, limits.quotaLimit(plan, start) - usedInPeriod);
      }
      if (!day.isBefore(startDate)) {
        days.add(new Usage.Day(day, used, remaining));
      }
      day = day.plusDays(1);
    }
    return days;
  }
}
