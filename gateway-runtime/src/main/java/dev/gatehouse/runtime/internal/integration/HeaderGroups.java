package dev.gatehouse.runtime.internal.integration;

import dev.gatehouse.Headers;
import dev.gatehouse.runtime.internal.ArrayMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * A request's header fields grouped by name, ignoring case, in order of first appearance and with
 * each name as first spelled: what the events' header maps are made from. Grouping scans the names
 * seen so far (a request has a dozen); past {@value #MAX_SCANNED} fields it indexes them by their
 * lower-case name.
 */
final class HeaderGroups implements BiConsumer<String, String> {
  private static final int MAX_SCANNED = 16;

  private final String[] names;
  /** One field's value as a {@code String}, a repeated field's values as an {@code ArrayList}. */
  private final Object[] values;
  private Map<String, Integer> index;
  private int size;

  private HeaderGroups(int fields) {
    this.names = new String[fields];
    this.values = new Object[fields];
    if (fields > MAX_SCANNED) {
      index = new HashMap<>(fields * 2);
    }
  }

  static HeaderGroups of(Headers headers) {
    HeaderGroups groups = new HeaderGroups(headers.size());
    headers.forEach(groups);
    return groups;
  }

  /** Adds one field; called by {@link Headers#forEach}. */
  @Override
  public void accept(String name, String value) {
    int i = indexOf(name);
    if (i < 0) {
      names[size] = name;
      values[size] = value;
      size++;
    } else if (values[i] instanceof String) {
      List<String> repeated = new ArrayList<>(4);
      repeated.add((String) values[i]);
      repeated.add(value);
      values[i] = repeated;
    } else {
      list(values[i]).add(value);
    }
  }

  private int indexOf(String name) {
    if (index != null) {
      Integer i = index.putIfAbsent(name.toLowerCase(Locale.ROOT), size);
      return i == null ? -1 : i;
    }
    for (int i = 0; i < size; i++) {
      if (names[i].equalsIgnoreCase(name)) {
        return i;
      }
    }
    return -1;
  }

  @SuppressWarnings("unchecked")
  private static List<String> list(Object values) {
    return (List<String>) values;
  }

  /** How many distinct names. */
  int size() {
    return size;
  }

  /** The {@code i}th name, as first spelled. */
  String name(int i) {
    return names[i];
  }

  /** The {@code i}th name's values in order. */
  List<String> all(int i) {
    return values[i] instanceof String ? List.of((String) values[i]) : List.copyOf(list(values[i]));
  }

  /** The {@code i}th name's last value. */
  String last(int i) {
    if (values[i] instanceof String) {
      return (String) values[i];
    }
    List<String> all = list(values[i]);
    return all.get(all.size() - 1);
  }

  /** The {@code i}th name's values joined with commas. */
  String joined(int i) {
    return values[i] instanceof String ? (String) values[i] : String.join(",", list(values[i]));
  }

  /** The names in order, in lower case when {@code lowerCase}; shared by the maps built from them. */
  String[] names(boolean lowerCase) {
    String[] keys = new String[size];
    for (int i = 0; i < size; i++) {
      keys[i] = lowerCase ? HeaderNames.lowerCase(names[i]) : names[i];
    }
    return keys;
  }

  /** Name to every value, AWS's {@code multiValueHeaders}; {@code null} for no fields. */
  Map<String, List<String>> multiValues(String[] keys) {
    if (size == 0) {
      return null;
    }
    Object[] all = new Object[size];
    for (int i = 0; i < size; i++) {
      all[i] = all(i);
    }
    return ArrayMap.of(keys, all, size);
  }

  /** Name to its last value, AWS's payload 1.0 {@code headers}; {@code null} for no fields. */
  Map<String, String> lastValues(String[] keys) {
    if (size == 0) {
      return null;
    }
    Object[] last = new Object[size];
    for (int i = 0; i < size; i++) {
      last[i] = last(i);
    }
    return ArrayMap.of(keys, last, size);
  }
}
