package dev.gatehouse;

import java.util.Objects;

/**
 * How many requests one API key may make per period, as AWS's quota settings. The period starts in
 * UTC ({@link QuotaPeriod}); the first period, the one in which the usage plan was first deployed,
 * allows {@code limit - offset} requests, so that a plan starting mid-month does not get the whole
 * month's allowance.
 *
 * <pre>{@code
 * plan.quota(10_000, QuotaPeriod.MONTH);
 * plan.quota(Quota.of(10_000, QuotaPeriod.MONTH).withOffset(4_000));
 * }</pre>
 *
 * @param limit requests per period, at least 0
 * @param period the period
 * @param offset requests subtracted from the limit in the first period, 0 to {@code limit}
 */
public record Quota(long limit, QuotaPeriod period, long offset) {
  public Quota {
    Objects.requireNonNull(period, "period");
  }

  public static Quota of(long limit, QuotaPeriod period) {
    return new Quota(limit, period, 0);
  }

  public Quota withOffset(long offset) {
    return new Quota(limit, period, offset);
  }

  void check(Problems problems, String field) {
    if (limit < 0) {
      problems.add(field + ".limit", limit, ">= 0");
    }
    if (offset < 0 || offset > Math.max(limit, 0)) {
      problems.add(field + ".offset", offset, "0 to the limit, " + limit);
    }
  }
}
