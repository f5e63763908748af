package dev.gatehouse.integration;

import java.util.List;

/**
 * What a route sends its requests to. Create one with {@link Integrations}; each is an immutable
 * value that the runtime turns into a running integration when the gateway is built.
 */
public interface Integration {
  /**
   * Problems with this integration's own fields, each as {@code field: value (expected: rule)};
   * the route that uses it reports them at {@code build()} under its own name.
   */
  default List<String> problems() {
    return List.of();
  }
}
