package dev.gatehouse.runtime.internal.integration;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Header names in lower case, as payload 2.0 and HTTP APIs show them, without a new string per
 * field for the names most requests carry: those come from a table that knows them as browsers and
 * Jetty spell them ({@code Content-Type}) and as the JDK's server does ({@code Content-type}).
 */
final class HeaderNames {
  private static final Map<String, String> COMMON = table(
      "Accept", "Accept-Charset", "Accept-Encoding", "Accept-Language", "Authorization", "Cache-Control",
      "Connection", "Content-Encoding", "Content-Length", "Content-Type", "Cookie", "DNT", "Forwarded", "Host",
      "If-Match", "If-Modified-Since", "If-None-Match", "Origin", "Pragma", "Priority", "Range", "Referer",
      "Sec-Fetch-Dest", "Sec-Fetch-Mode", "Sec-Fetch-Site", "Sec-Fetch-User", "TE", "Upgrade",
      "Upgrade-Insecure-Requests", "User-Agent", "Via", "X-Amzn-Trace-Id", "X-Api-Key", "X-Forwarded-For",
      "X-Forwarded-Host", "X-Forwarded-Port", "X-Forwarded-Proto", "X-Real-IP", "X-Request-Id",
      "X-Requested-With");

  private HeaderNames() {}

  private static Map<String, String> table(String... names) {
    Map<String, String> table = new HashMap<>(names.length * 6);
    for (String name : names) {
      String lower = name.toLowerCase(Locale.ROOT);
      table.put(name, lower);
      table.put(name.charAt(0) + lower.substring(1), lower); // the JDK server's spelling
      table.put(lower, lower);
    }
    return table;
  }

  /** {@code name} in lower case ({@link Locale#ROOT}). */
  static String lowerCase(String name) {
    String lower = COMMON.get(name);
    return lower != null ? lower : name.toLowerCase(Locale.ROOT);
  }
}
