package dev.gatehouse;

import java.util.Objects;
import java.util.Set;

/**
 * A route key as AWS writes it: a method and a path template ({@code "GET /pets/{id}"},
 * {@code "ANY /legacy/{proxy+}"}), or {@code "$default"}, which catches what no other route matches.
 * A WebSocket API's keys are names instead: {@code "$connect"}, {@code "$disconnect"},
 * {@code "$default"} or a value of its route selection expression, such as {@code "sendMessage"}.
 *
 * @param method the upper-case method, {@code ANY}, or {@code null} for {@code $default} and
 *     WebSocket keys
 * @param path the path template, or {@code null} for {@code $default} and WebSocket keys
 * @param selectionKey a WebSocket route's key other than {@code $default}, else {@code null}
 */
public record RouteKey(String method, PathTemplate path, String selectionKey) {
  /** The key of the catch-all route. */
  public static final String DEFAULT = "$default";
  /** The WebSocket route called while a client connects; it may refuse the connection. */
  public static final String CONNECT = "$connect";
  /** The WebSocket route called once after a connection closed, whatever closed it. */
  public static final String DISCONNECT = "$disconnect";

  private static final Set<String> METHODS =
      Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "ANY");
  private static final RouteKey DEFAULT_KEY = new RouteKey(null, null);

  public RouteKey {
    if (selectionKey != null && (method != null || path != null)) {
      throw new IllegalArgumentException("selectionKey: " + Problems.describe(selectionKey)
          + " (expected: none where a method and path are set)");
    }
    if ((method == null) != (path == null)) {
      throw new IllegalArgumentException("method: " + Problems.describe(method) + ", path: "
          + Problems.describe(path == null ? null : path.text())
          + " (expected: both set, or both null for $default)");
    }
  }

  /** A REST or HTTP API's key: a method and a path. */
  public RouteKey(String method, PathTemplate path) {
    this(method, path, null);
  }

  /**
   * Parses a WebSocket API's key: {@code $connect}, {@code $disconnect}, {@code $default}, or a
   * custom key of 1 to 128 printable characters that does not start with {@code $} (AWS reserves
   * that prefix).
   *
   * @throws IllegalArgumentException naming the rule the key breaks
   */
  public static RouteKey parseWebSocket(String key) {
    if (DEFAULT.equals(key)) {
      return DEFAULT_KEY;
    }
    if (CONNECT.equals(key) || DISCONNECT.equals(key)) {
      return new RouteKey(null, null, key);
    }
    if (key == null || key.isEmpty() || key.length() > 128 || key.startsWith("$")
        || key.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
      throw new IllegalArgumentException("key: " + Problems.describe(key) + " (expected: $connect, $disconnect,"
          + " $default, or 1 to 128 printable characters not starting with $)");
    }
    return new RouteKey(null, null, key);
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
    return method == null && selectionKey == null;
  }

  /** Whether this is a WebSocket API's key other than {@code $default}. */
  public boolean isSelectionKey() {
    return selectionKey != null;
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
    if (selectionKey != null) {
      return selectionKey;
    }
    return isDefault() ? DEFAULT : method + " " + path.text();
  }
}
