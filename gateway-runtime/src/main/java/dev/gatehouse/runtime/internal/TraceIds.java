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
    return String.format("1-%08x-%08x%016x", System.currentTimeMillis() / 1000, random.nextInt(), random.nextLong());
  }

  /** The client's W3C {@code traceparent} when it is well formed, else {@code null}. */
  public static String traceparent(String header) {
    return header != null && TRACEPARENT.matcher(header.trim()).matches() ? header.trim() : null;
  }
}
