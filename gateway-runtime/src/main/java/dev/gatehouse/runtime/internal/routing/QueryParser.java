package dev.gatehouse.runtime.internal.routing;

import dev.gatehouse.runtime.internal.ArrayMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses a raw query string into decoded names and values, keeping order and repeats. The result
 * is an {@link ArrayMap} of immutable lists: a query has a few parameters.
 */
public final class QueryParser {
  /** Up to this many pairs, names are found by scanning; past it, through a hash index. */
  private static final int MAX_SCANNED = 16;

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
    int length = rawQuery.length();
    int pairs = 1;
    for (int i = 0; i < length; i++) {
      if (rawQuery.charAt(i) == '&') {
        pairs++;
      }
    }
    Object[] names = new Object[pairs];
    // one value as a String, a repeated name's values as an ArrayList; lists once all are in
    Object[] values = new Object[pairs];
    Map<String, Integer> index = pairs > MAX_SCANNED ? new HashMap<>(pairs * 2) : null;
    int size = 0;
    int start = 0;
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
        int i = index != null ? index.getOrDefault(name, -1) : indexOf(names, size, name);
        if (i < 0) {
          if (index != null) {
            index.put(name, size);
          }
          names[size] = name;
          values[size++] = value;
        } else if (values[i] instanceof String) {
          List<String> repeated = new ArrayList<>(4);
          repeated.add((String) values[i]);
          repeated.add(value);
          values[i] = repeated;
        } else {
          list(values[i]).add(value);
        }
      }
      start = end + 1;
    }
    for (int i = 0; i < size; i++) {
      values[i] = values[i] instanceof String ? List.of((String) values[i]) : List.copyOf(list(values[i]));
    }
    return ArrayMap.of(names, values, size);
  }

  private static int indexOf(Object[] names, int size, String name) {
    for (int i = 0; i < size; i++) {
      if (names[i].equals(name)) {
        return i;
      }
    }
    return -1;
  }

  @SuppressWarnings("unchecked")
  private static List<String> list(Object values) {
    return (List<String>) values;
  }
}
