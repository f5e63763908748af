package dev.gatehouse.runtime.internal.routing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Parses a raw query string into decoded names and values, keeping order and repeats. */
public final class QueryParser {
  private QueryParser() {}

  /** Thrown for malformed percent-encoding; the gateway answers 400. */
  public static final class MalformedQueryException extends Exception {
    private static final long serialVersionUID = 1L;

    MalformedQueryException(String message) {
      super(message, null, false, false);
    }
  }

  /** Name to every value in order; empty for a {@code null} or empty query. Unmodifiable. */
  public static Map<String, List<String>> parse(String rawQuery) throws MalformedQueryException {
    if (rawQuery == null || rawQuery.isEmpty()) {
      return Map.of();
    }
    Map<String, List<String>> params = new LinkedHashMap<>();
    int start = 0;
    int length = rawQuery.length();
    while (start <= length) {
      int end = rawQuery.indexOf('&', start);
      if (end < 0) {
        end = length;
      }
      if (end > start) {
        int eq = rawQuery.indexOf('=', start);
        boolean hasValue = eq >= 0 && eq < end;
        String name = PercentDecoder.decode(rawQuery, start, hasValue ? eq : end, true);
        String value = hasValue ? PercentDecoder.decode(rawQuery, eq + 1, end, true) : "";
        if (name == null || value == null) {
          throw new MalformedQueryException("malformed percent-encoding in query");
        }
        params.computeIfAbsent(name, k -> new ArrayList<>(1)).add(value);
      }
      start = end + 1;
    }
    params.replaceAll((k, v) -> Collections.unmodifiableList(v));
    return Collections.unmodifiableMap(params);
  }
}
