package dev.gatehouse.runtime.internal.limits;

import dev.gatehouse.Quota;
import dev.gatehouse.UsagePlanDefinition;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * What the throttle step needs for one API key of one plan on one UTC day: the store keys of its
 * plan bucket, quota counter and usage counter, the quota's limit and end, and when the day's usage
 * may be forgotten. Built once a day per key instead of on every request, where the strings and the
 * date arithmetic were most of what a keyed request allocated.
 *
 * @param epochDay the UTC day, as days since 1970-01-01
 * @param quotaLimit the quota allowed in the period containing the day; unused without a quota
 */
record KeyDay(UsagePlanDefinition plan, String keyId, long epochDay, String planBucketKey, String quotaKey,
    long quotaLimit, Instant quotaEnd, String usageKey, Instant usageExpires) {

  private static final long MILLIS_PER_DAY = 86_400_000L;

  /** The UTC day of {@code millis}, as days since 1970-01-01. */
  static long epochDay(long millis) {
    return Math.floorDiv(millis, MILLIS_PER_DAY);
  }

  static KeyDay of(UsagePlanDefinition plan, String keyId, long epochDay, Limits limits) {
    LocalDate day = LocalDate.ofEpochDay(epochDay);
    Quota quota = plan.quota();
    String quotaKey = null;
    long quotaLimit = 0;
    Instant quotaEnd = null;
    if (quota != null) {
      LocalDate start = quota.period().start(day);
      quotaKey = LimitKeys.quota(plan.name(), keyId, start);
      quotaLimit = limits.quotaLimit(plan, start);
      quotaEnd = quota.period().next(start).atStartOfDay(ZoneOffset.UTC).toInstant();
    }
    Instant usageExpires = day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().plus(ThrottleStep.USAGE_RETENTION);
    return new KeyDay(plan, keyId, epochDay, LimitKeys.plan(plan.name(), keyId), quotaKey, quotaLimit, quotaEnd,
        LimitKeys.usage(plan.name(), keyId, day), usageExpires);
  }

  /** Whether this is still the entry for {@code plan}, {@code keyId} and {@code epochDay}. */
  boolean isFor(UsagePlanDefinition plan, String keyId, long epochDay) {
    return this.plan == plan && this.epochDay == epochDay && this.keyId.equals(keyId);
  }
}
