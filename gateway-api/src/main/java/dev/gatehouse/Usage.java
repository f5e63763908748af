package dev.gatehouse;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A usage plan's requests per key and UTC day, as AWS's {@code GetUsage}; from
 * {@link Gateway#usage}. Only requests the plan admitted count; refused ones do not.
 *
 * @param usagePlan the plan's name
 * @param startDate the first day, inclusive
 * @param endDate the last day, inclusive
 * @param items key ID to one entry per day from {@code startDate} to {@code endDate}; unmodifiable
 */
public record Usage(String usagePlan, LocalDate startDate, LocalDate endDate, Map<String, List<Day>> items) {
  public Usage {
    Objects.requireNonNull(usagePlan, "usagePlan");
    Map<String, List<Day>> copy = new LinkedHashMap<>();
    items.forEach((key, days) -> copy.put(key, List.copyOf(days)));
    items = Collections.unmodifiableMap(copy);
  }

  /**
   * One key's day.
   *
   * @param date the UTC day
   * @param used requests admitted that day
   * @param remaining the quota left at the end of that day, or {@code null} when the plan has no quota
   */
  public record Day(LocalDate date, long used, Long remaining) {}
}
