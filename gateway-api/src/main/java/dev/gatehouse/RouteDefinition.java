package dev.gatehouse;

import dev.gatehouse.integration.Integration;
import java.time.Duration;
import java.util.Objects;

/**
 * A route of an API: a route key, the integration its requests go to, and per-route options.
 *
 * @param key the route key, such as {@code GET /pets/{id}}
 * @param integration where matching requests go
 * @param timeout how long the integration may take before the gateway answers 504; AWS's 29 s by
 *     default, with no upper cap
 * @param apiKeyRequired whether a request needs a valid {@code x-api-key} of a usage plan covering
 *     the stage (else 403 {@code INVALID_API_KEY}); only such requests count against usage plans
 */
public record RouteDefinition(RouteKey key, Integration integration, Duration timeout, boolean apiKeyRequired) {
  /** AWS's default integration timeout. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(29);

  public RouteDefinition {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(integration, "integration");
    Objects.requireNonNull(timeout, "timeout");
  }

  /** A route with the given timeout and no API key required. */
  public RouteDefinition(RouteKey key, Integration integration, Duration timeout) {
    this(key, integration, timeout, false);
  }

  /** Starts a standalone route definition, for use with {@code api.route(definition)}. */
  public static Builder builder(String key, Integration integration) {
    return new Builder(key, integration);
  }

  public Builder toBuilder() {
    Builder builder = new Builder(key.toString(), integration).timeout(timeout);
    builder.apiKeyRequired = apiKeyRequired;
    return builder;
  }

  /** Collects one route; not thread-safe. */
  public static final class Builder {
    private final String key;
    private final Integration integration;
    private Duration timeout = DEFAULT_TIMEOUT;
    private boolean apiKeyRequired;

    Builder(String key, Integration integration) {
      this.key = key;
      this.integration = integration;
    }

    /** The integration timeout; must be positive. */
    public Builder timeout(Duration timeout) {
      this.timeout = timeout;
      return this;
    }

    /**
     * Requires an API key: a request without a valid, enabled {@code x-api-key} belonging to a usage
     * plan that covers the stage gets 403 {@code INVALID_API_KEY}; the plan's throttle and quota apply.
     */
    public Builder apiKeyRequired() {
      this.apiKeyRequired = true;
      return this;
    }

    /**
     * Builds the route.
     *
     * @throws GatewayDefinitionException naming each broken rule
     */
    public RouteDefinition build() {
      Problems problems = Problems.root();
      RouteDefinition route = collect(problems.under("route " + Problems.describe(key)));
      problems.throwIfAny();
      return route;
    }

    String key() {
      return key;
    }

    RouteDefinition collect(Problems problems) {
      RouteKey parsed = null;
      try {
        parsed = RouteKey.parse(key);
      } catch (IllegalArgumentException e) {
        problems.add(e.getMessage());
      }
      if (integration == null) {
        problems.add("integration", null, "an integration from Integrations");
      } else {
        integration.problems().forEach(p -> problems.add("integration " + p));
      }
      if (timeout == null || timeout.isNegative() || timeout.isZero()) {
        problems.add("timeout", timeout, "a positive duration");
      }
      if (parsed == null || integration == null || timeout == null) {
        return null;
      }
      return new RouteDefinition(parsed, integration, timeout, apiKeyRequired);
    }
  }
}
