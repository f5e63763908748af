package dev.gatehouse.integration;

import dev.gatehouse.RouteKey;
import dev.gatehouse.StageDefinition;
import java.util.List;

/**
 * What a route sends its requests to. Create one with {@link Integrations}, or implement
 * {@link CustomIntegration}; each is an immutable value that the runtime turns into a running
 * integration when the gateway is built.
 */
public interface Integration {
  /**
   * Problems with this integration's own fields, each as {@code field: value (expected: rule)};
   * the route that uses it reports them at {@code build()} under its own name.
   */
  default List<String> problems() {
    return List.of();
  }

  /**
   * Problems with this integration on {@code route} in an API with {@code stages}, such as a stage
   * variable a stage does not define; reported at {@code build()} under the route's name.
   */
  default List<String> problems(RouteKey route, List<StageDefinition> stages) {
    return List.of();
  }
}
