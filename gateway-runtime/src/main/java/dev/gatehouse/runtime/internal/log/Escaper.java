package dev.gatehouse.runtime.internal.log;

import dev.gatehouse.log.AccessLogTemplate.Escaping;

/**
 * Escapes a value for its place in an access log line (see {@link dev.gatehouse.log.AccessLogTemplate}):
 * whatever the format, CR and LF never reach the line raw, and an unpaired surrogate becomes U+FFFD
 * so the line encodes as valid UTF-8.
 */
final class Escaper {
  private static final char REPLACEMENT = '\uFFFD';
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private Escaper() {}

  static void append(StringBuilder out, String value, Escaping escaping) {
    if (escaping == Escaping.CSV && needsCsvQuotes(value)) {
      out.append('"');
      appendChars(out, value, Escaping.CSV_QUOTED);
      out.append('"');
    } else {
      appendChars(out, value, escaping);
    }
  }

  private static boolean needsCsvQuotes(String value) {
    return value.indexOf(',') >= 0 || value.indexOf('"') >= 0;
  }

  private static void appendChars(StringBuilder out, String value, Escaping escaping) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
        out.append(c).append(value.charAt(++i));
      } else if (Character.isSurrogate(c)) {
        out.append(REPLACEMENT);
      } else if (escaping == Escaping.JSON) {
        json(out, c);
      } else if (escaping == Escaping.XML) {
        xml(out, c);
      } else {
        text(out, c, escaping);
      }
    }
  }

  private static void json(StringBuilder out, char c) {
    switch (c) {
      case '"' -> out.append("\\\"");
      case '\\' -> out.append("\\\\");
      case '\n' -> out.append("\\n");
      case '\r' -> out.append("\\r");
      case '\t' -> out.append("\\t");
      case '\b' -> out.append("\\b");
      case '\f' -> out.append("\\f");
      default -> {
        if (c < 0x20) {
          out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xf]);
        } else {
          out.append(c);
        }
      }
    }
  }

  /** XML 1.0 allows no other control characters, not even as references: they become U+FFFD. */
  private static void xml(StringBuilder out, char c) {
    switch (c) {
      case '&' -> out.append("&amp;");
      case '<' -> out.append("&lt;");
      case '>' -> out.append("&gt;");
      case '"' -> out.append("&quot;");
      case '\'' -> out.append("&apos;");
      case '\n' -> out.append("&#10;");
      case '\r' -> out.append("&#13;");
      case '\t' -> out.append("&#9;");
      default -> out.append(c < 0x20 || c == '\uFFFE' || c == '\uFFFF' ? REPLACEMENT : c);
    }
  }

  /** Plain, CLF-quoted and CSV text: control characters as C escapes, as Apache writes them. */
  private static void text(StringBuilder out, char c, Escaping escaping) {
    if (c == '"' && escaping == Escaping.QUOTED) {
      out.append("\\\"");
    } else if (c == '\\' && escaping == Escaping.QUOTED) {
      out.append("\\\\");
    } else if (c == '"' && escaping == Escaping.CSV_QUOTED) {
      out.append("\"\"");
    } else if (c == '\n') {
      out.append("\\n");
    } else if (c == '\r') {
      out.append("\\r");
    } else if (c == '\t') {
      out.append("\\t");
    } else if (c < 0x20 || c == 0x7f) {
      out.append("\\x").append(HEX[c >> 4]).append(HEX[c & 0xf]);
    } else {
      out.append(c);
    }
  }
}
