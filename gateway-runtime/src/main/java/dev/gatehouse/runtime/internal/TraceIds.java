package dev.gatehouse.runtime.internal;

import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Trace IDs as AWS X-Ray writes them ({@code 1-{8 hex seconds}-{24 hex random}}): a request keeps
 * the {@code Root} its client sent in {@code X-Amzn-Trace-Id}, and gets a new one otherwise, so that
 * its backends and logs can join the client's trace. Only IDs of that exact shape are taken from a
 * client: anything else could carry text into logs and backend headers.
 */
public final class TraceIds {
  public static final String XRAY_HEADER = "X-Amzn-Trace-Id";
  public static final String W3C_HEADER = "traceparent";

  private static final Pattern ROOT = Pattern.compile("(?:^|;)\\s*Root=(1-[0-9a-f]{8}-[0-9a-f]{24})\\s*(?:;|$)");
  private static final char[] DIGITS = "0123456789abcdef".toCharArray();
  private static final Pattern TRACEPARENT = Pattern.compile("[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");

  private TraceIds() {}

  /** The {@code Root} of a valid {@code X-Amzn-Trace-Id}, or a new trace ID. */
  public static String xrayTraceId(String header) {
    if (header != null) {
      Matcher root = ROOT.matcher(header);
      if (root.find()) {
        return root.group(1);
      }
    }
    ThreadLocalRandom random = ThreadLocalRandom.current();
    // every request without a trace makes one: hex by hand, as String.format costs a microsecond here
    char[] id = new char[35];
    id[0] = '1';
    id[1] = '-';
    hex(id, 2, System.currentTimeMillis() / 1000, 8);
    id[10] = '-';
    hex(id, 11, random.nextInt() & 0xffffffffL, 8);
    hex(id, 19, random.nextLong(), 16);
    return new String(id);
  }

  /** Writes the low {@code digits} hex digits of {@code value} at {@code at}, zero-padded. */
  private static void hex(char[] out, int at, long value, int digits) {
    for (int i = digits - 1; i >= 0; i--) {
      out[at + i] = DIGITS[(int) (value & 0xf)];
      value >>>= 4;
    }
  }

  /** The client's W3C {@code traceparent} when it is well formed, else {@code null}. */
  public static String traceparent(String header) {
    return header != null && TRACEPARENT.matcher(header.trim()).matches() ? header.trim() : null;
  }
}
