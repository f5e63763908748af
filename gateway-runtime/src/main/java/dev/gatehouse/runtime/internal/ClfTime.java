package dev.gatehouse.runtime.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Formats times as AWS's {@code requestTime} ({@code 04/Mar/2020:19:15:17 +0000}), formatting each
 * second once: requests in the same second share the text.
 */
public final class ClfTime {
  private static final DateTimeFormatter FORMAT =
      DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);

  private static volatile Cached last = new Cached(Long.MIN_VALUE, "");

  private ClfTime() {}

  private record Cached(long second, String text) {}

  public static String format(long epochMillis) {
    long second = Math.floorDiv(epochMillis, 1000);
    Cached cached = last;
    if (cached.second() == second) {
      return cached.text();
    }
    String text = FORMAT.format(Instant.ofEpochSecond(second));
    last = new Cached(second, text);
    return text;
  }
}
