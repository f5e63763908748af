package dev.gatehouse;

import java.util.Objects;
import java.util.Set;

/**
 * A route key as AWS writes it: a method and a path template ({@code "GET /pets/{id}"},
 * {@code "ANY /legacy/{proxy+}"}), or {@code "$default"}, which catches what no other route matches.
 *
 * @param method the upper-case method, {@code ANY}, or {@code null} for {@code $default}
 * @param path the path template, or {@code null} for {@code $default}
 */
public record RouteKey(String method, PathTemplate path) {
  /** The key of the catch-all route. */
  public static final String DEFAULT = "$default";

  private static final Set<String> METHODS =
      Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "ANY");
  private static final RouteKey DEFAULT_KEY = new RouteKey(null, null);

  public RouteKey {
    if ((method == null) != (path == null)) {
      throw new IllegalArgumentException("method: " + Problems.describe(method) + ", path: "
          + Problems.describe(path == null ? null : path.text())
          + " (expected: both set, or both null for $default)");
    }
  }

  /**
   * Parses {@code "METHOD /path"} or {@code "$default"}.
   *
   * @throws IllegalArgumentException naming the rule the key breaks
   */
  public static RouteKey parse(String key) {
    if (DEFAULT.equals(key)) {
      return DEFAULT_KEY;
    }
    int space = key == null ? -1 : key.indexOf(' ');
    if (space < 0) {
      throw new IllegalArgumentException("key: " + Problems.describe(key)
          + " (expected: \"METHOD /path\" with one space, or \"$default\")");
    }
    String method = key.substring(0, space);
    if (!METHODS.contains(method)) {
      throw new IllegalArgumentException("method: " + Problems.describe(method)
          + " (expected: one of " + String.join(", ", METHODS.stream().sorted().toList()) + ")");
    }
    return new RouteKey(method, PathTemplate.parse(key.substring(space + 1)));
  }

  public boolean isDefault() {
    return method == null;
  }

  public boolean isAnyMethod() {
    return "ANY".equals(method);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RouteKey && toString().equals(o.toString());
  }

  @Override
  public int hashCode() {
    return Objects.hashCode(toString());
  }

  @Override
  public String toString() {
    return isDefault() ? DEFAULT : method + " " + path.text();
  }
}
