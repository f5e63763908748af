package dev.gatehouse.runtime.internal.http;

import java.nio.charset.StandardCharsets;

/** Percent-encoding for the parts of a backend URI (RFC 3986), from decoded values. */
final class UriEncoding {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();
  private static final boolean[] PCHAR = table("-._~!$&'()*+,;=:@");
  private static final boolean[] QUERY_COMPONENT = table("-._~!$'()*,;:@/?");
  private static final boolean[] RAW_QUERY = table("-._~!$&'()*+,;=:@/?");

  private UriEncoding() {}

  private static boolean[] table(String extra) {
    boolean[] allowed = new boolean[128];
    for (char c = 'a'; c <= 'z'; c++) {
      allowed[c] = true;
      allowed[Character.toUpperCase(c)] = true;
    }
    for (char c = '0'; c <= '9'; c++) {
      allowed[c] = true;
    }
    extra.chars().forEach(c -> allowed[c] = true);
    return allowed;
  }

  /** A decoded path segment, encoded so that it stays one segment. */
  static void segment(StringBuilder out, String value) {
    encode(out, value, PCHAR, false);
  }

  /** A decoded query name or value, encoded so that it cannot end the pair or the query. */
  static void queryComponent(StringBuilder out, String value) {
    encode(out, value, QUERY_COMPONENT, false);
  }

  /**
   * A query string as the client sent it, with only the characters a URI may not carry encoded:
   * the backend sees the client's own encoding, and no space, CR or LF reaches its request line.
   */
  static void rawQuery(StringBuilder out, String raw) {
    encode(out, raw, RAW_QUERY, true);
  }

  private static void encode(StringBuilder out, String value, boolean[] allowed, boolean keepEscapes) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 128 && allowed[c]) {
        out.append(c);
      } else if (c == '%' && keepEscapes && i + 2 < value.length() && isHex(value.charAt(i + 1))
          && isHex(value.charAt(i + 2))) {
        out.append(c);
      } else if (c < 128) {
        escape(out, c);
      } else {
        int end = Character.isHighSurrogate(c) && i + 1 < value.length() ? i + 2 : i + 1;
        for (byte b : value.substring(i, end).getBytes(StandardCharsets.UTF_8)) {
          escape(out, b & 0xff);
        }
        i = end - 1;
      }
    }
  }

  private static boolean isHex(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }

  private static void escape(StringBuilder out, int b) {
    out.append('%').append(HEX[b >> 4]).append(HEX[b & 0xf]);
  }
}
