package dev.gatehouse.runtime.internal.iam;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * SigV4's dates, read by hand: {@code yyyyMMdd'T'HHmmss'Z'} ({@code X-Amz-Date}) and {@code yyyyMMdd}
 * (the credential scope). Every signed request is read this way, and a {@code DateTimeFormatter} or a
 * regular expression would cost more than the rest of the parse.
 */
final class AmzDates {
  private AmzDates() {}

  /** The instant of an {@code X-Amz-Date}, or {@code null} when it is not one (digits only, a real time). */
  static Instant instant(String text) {
    if (text == null || text.length() != 16 || text.charAt(8) != 'T' || text.charAt(15) != 'Z'
        || !digits(text, 0, 8) || !digits(text, 9, 15)) {
      return null;
    }
    try {
      return LocalDateTime.of(number(text, 0, 4), number(text, 4, 6), number(text, 6, 8),
          number(text, 9, 11), number(text, 11, 13), number(text, 13, 15)).toInstant(ZoneOffset.UTC);
    } catch (DateTimeException e) {
      return null;
    }
  }

  /** Whether {@code text} is a credential scope's day: eight digits naming a real date. */
  static boolean isDay(String text) {
    if (text == null || text.length() != 8 || !digits(text, 0, 8)) {
      return false;
    }
    try {
      LocalDate.of(number(text, 0, 4), number(text, 4, 6), number(text, 6, 8));
      return true;
    } catch (DateTimeException e) {
      return false;
    }
  }

  private static boolean digits(String text, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  private static int number(String text, int from, int to) {
    int value = 0;
    for (int i = from; i < to; i++) {
      value = value * 10 + (text.charAt(i) - '0');
    }
    return value;
  }
}
