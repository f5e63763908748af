package dev.gatehouse;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;

/**
 * An immutable list of HTTP header fields: names compare case-insensitively, the order and the
 * spelling of the names as received are kept (AWS's payload 1.0 events show names as sent).
 *
 * <pre>{@code
 * Headers headers = Headers.builder().add("Accept", "text/html").add("accept", "text/plain").build();
 * headers.all("ACCEPT");   // [text/html, text/plain]
 * }</pre>
 */
public final class Headers {
  private static final Headers EMPTY = new Headers(new String[0], new String[0]);

  private final String[] names;
  private final String[] values;

  private Headers(String[] names, String[] values) {
    this.names = names;
    this.values = values;
  }

  /** No header fields. */
  public static Headers empty() {
    return EMPTY;
  }

  /** Headers from a map of single values, in the map's order. */
  public static Headers of(Map<String, String> fields) {
    Builder builder = builder();
    fields.forEach(builder::add);
    return builder.build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The first value of the named field, or {@code null}. */
  public String first(String name) {
    for (int i = 0; i < names.length; i++) {
      if (names[i].equalsIgnoreCase(name)) {
        return values[i];
      }
    }
    return null;
  }

  /** The last value of the named field, or {@code null}. */
  public String last(String name) {
    for (int i = names.length - 1; i >= 0; i--) {
      if (names[i].equalsIgnoreCase(name)) {
        return values[i];
      }
    }
    return null;
  }

  /** Every value of the named field in order; empty when absent. */
  public List<String> all(String name) {
    List<String> found = null;
    for (int i = 0; i < names.length; i++) {
      if (names[i].equalsIgnoreCase(name)) {
        if (found == null) {
          found = new ArrayList<>(2);
        }
        found.add(values[i]);
      }
    }
    return found == null ? List.of() : Collections.unmodifiableList(found);
  }

  public boolean contains(String name) {
    return first(name) != null;
  }

  /** Number of fields, counting repeated names once per occurrence. */
  public int size() {
    return names.length;
  }

  public boolean isEmpty() {
    return names.length == 0;
  }

  /** Name (as first spelled) to every value, in order of first appearance; unmodifiable. */
  public Map<String, List<String>> toMultiMap() {
    Map<String, List<String>> byLowerName = new LinkedHashMap<>();
    Map<String, List<String>> result = new LinkedHashMap<>();
    for (int i = 0; i < names.length; i++) {
      List<String> list = byLowerName.get(names[i].toLowerCase(Locale.ROOT));
      if (list == null) {
        list = new ArrayList<>(1);
        byLowerName.put(names[i].toLowerCase(Locale.ROOT), list);
        result.put(names[i], list);
      }
      list.add(values[i]);
    }
    result.replaceAll((k, v) -> List.copyOf(v));
    return Collections.unmodifiableMap(result);
  }

  /** Calls {@code action} with each field in order. */
  public void forEach(BiConsumer<String, String> action) {
    for (int i = 0; i < names.length; i++) {
      action.accept(names[i], values[i]);
    }
  }

  public Builder toBuilder() {
    // room for the field or two a caller adds to a copy, such as a request id
    Builder builder = new Builder(names.length + 2);
    System.arraycopy(names, 0, builder.names, 0, names.length);
    System.arraycopy(values, 0, builder.values, 0, values.length);
    builder.size = names.length;
    return builder;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Headers && Arrays.equals(names, ((Headers) o).names)
        && Arrays.equals(values, ((Headers) o).values);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(names) + Arrays.hashCode(values);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("Headers[");
    for (int i = 0; i < names.length; i++) {
      sb.append(i == 0 ? "" : ", ").append(names[i]).append(": ").append(values[i]);
    }
    return sb.append(']').toString();
  }

  /** Collects fields; not thread-safe. */
  public static final class Builder {
    // parallel arrays rather than lists: a request or response carries a dozen fields, and the
    // builder is on every request's path
    private String[] names;
    private String[] values;
    private int size;

    private Builder() {
      this(8);
    }

    private Builder(int capacity) {
      names = new String[capacity];
      values = new String[capacity];
    }

    /** Appends a field, keeping any earlier field of the same name. */
    public Builder add(String name, String value) {
      Objects.requireNonNull(name, "header name");
      if (value == null) {
        throw new NullPointerException("header " + name + " value");
      }
      if (size == names.length) {
        int capacity = Math.max(8, size * 2);
        names = Arrays.copyOf(names, capacity);
        values = Arrays.copyOf(values, capacity);
      }
      names[size] = name;
      values[size] = value;
      size++;
      return this;
    }

    /** Replaces every field of this name with one field. */
    public Builder set(String name, String value) {
      remove(name);
      return add(name, value);
    }

    public Builder remove(String name) {
      int kept = 0;
      for (int i = 0; i < size; i++) {
        if (!names[i].equalsIgnoreCase(name)) {
          names[kept] = names[i];
          values[kept] = values[i];
          kept++;
        }
      }
      Arrays.fill(names, kept, size, null);
      Arrays.fill(values, kept, size, null);
      size = kept;
      return this;
    }

    public boolean contains(String name) {
      for (int i = 0; i < size; i++) {
        if (names[i].equalsIgnoreCase(name)) {
          return true;
        }
      }
      return false;
    }

    public Headers build() {
      if (size == 0) {
        return EMPTY;
      }
      return new Headers(Arrays.copyOf(names, size), Arrays.copyOf(values, size));
    }
  }
}
