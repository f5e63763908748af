package dev.gatehouse;

import dev.gatehouse.cache.RouteCache;
import dev.gatehouse.integration.Integration;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A route of an API: a route key, the integration its requests go to, and per-route options.
 *
 * @param key the route key, such as {@code GET /pets/{id}}
 * @param integration where matching requests go
 * @param timeout how long the integration may take before the gateway answers 504; AWS's 29 s by
 *     default, with no upper cap. For an HTTP answer streamed to the client, it bounds the time to
 *     the answer's head, then the time the body may go without progress
 * @param apiKeyRequired whether a request needs a valid {@code x-api-key} of a usage plan covering
 *     the stage (else 403 {@code INVALID_API_KEY}); only such requests count against usage plans
 * @param authorizer the name of the API's authorizer guarding this route; {@code null} for the API's
 *     default authorizer (if any); {@link #NO_AUTHORIZER} for none even where the API has a default
 * @param scopes OAuth scopes of which a JWT must carry at least one; empty for no scope check
 * @param routeResponse for a WebSocket route, whether the integration's answer is sent back to the
 *     caller (AWS's route response, which makes the route two-way)
 * @param cache the route's own cache settings, or {@code null} for the stage's
 */
public record RouteDefinition(RouteKey key, Integration integration, Duration timeout, boolean apiKeyRequired,
    String authorizer, List<String> scopes, boolean routeResponse, RouteCache cache) {
  /** The authorizer name that opts a route out of its API's default authorizer, as AWS's {@code NONE}. */
  public static final String NO_AUTHORIZER = "NONE";

  /** AWS's default integration timeout. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(29);

  public RouteDefinition {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(integration, "integration");
    Objects.requireNonNull(timeout, "timeout");
    scopes = List.copyOf(scopes);
  }

  /** A route with the given timeout, no API key required and the API's default authorizer. */
  public RouteDefinition(RouteKey key, Integration integration, Duration timeout) {
    this(key, integration, timeout, false, null, List.of(), false, null);
  }

  /** A REST or HTTP API's route. */
  public RouteDefinition(RouteKey key, Integration integration, Duration timeout, boolean apiKeyRequired,
      String authorizer, List<String> scopes) {
    this(key, integration, timeout, apiKeyRequired, authorizer, scopes, false, null);
  }

  /** Starts a standalone route definition, for use with {@code api.route(definition)}. */
  public static Builder builder(String key, Integration integration) {
    return new Builder(key, integration);
  }

  public Builder toBuilder() {
    Builder builder = new Builder(key.toString(), integration).timeout(timeout);
    builder.apiKeyRequired = apiKeyRequired;
    builder.authorizer = authorizer;
    builder.scopes.addAll(scopes);
    builder.routeResponse = routeResponse;
    builder.cache = cache == null ? null : cache.toBuilder();
    return builder;
  }

  /** Collects one route; not thread-safe. */
  public static final class Builder {
    private final String key;
    private final Integration integration;
    private Duration timeout = DEFAULT_TIMEOUT;
    private boolean apiKeyRequired;
    private String authorizer;
    private final List<String> scopes = new ArrayList<>();
    private boolean routeResponse;
    private RouteCache.Builder cache;

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

    /** Guards the route with the API's authorizer of this name, instead of the API's default. */
    public Builder authorizer(String name) {
      this.authorizer = name;
      return this;
    }

    /** Serves the route without an authorizer even where the API has a default one. */
    public Builder noAuthorizer() {
      this.authorizer = NO_AUTHORIZER;
      return this;
    }

    /** OAuth scopes of which the route's JWT must carry at least one ({@code scope} or {@code scp}). */
    public Builder scopes(String... scopes) {
      this.scopes.addAll(Arrays.asList(scopes));
      return this;
    }

    /**
     * Sends the integration's answer back to the WebSocket client that sent the message (AWS's
     * route response): the body of a function's or backend's answer becomes one message, text or
     * binary as the answer's body is. Without it a route is one-way and answers only with errors.
     */
    public Builder routeResponse() {
      this.routeResponse = true;
      return this;
    }

    /**
     * Caches this route where its stage has a cache, with the stage's settings; for a route of
     * another method than {@code GET} or {@code HEAD}, this opts its answers in.
     */
    public Builder cached() {
      return cached(cache -> {});
    }

    /** Caches this route where its stage has a cache, with its own TTL, key parameters or methods. */
    public Builder cached(java.util.function.Consumer<RouteCache.Builder> configure) {
      RouteCache.Builder settings = RouteCache.builder();
      configure.accept(settings);
      this.cache = settings;
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
      return collect(problems, false);
    }

    RouteDefinition collect(Problems problems, boolean webSocket) {
      RouteKey parsed = null;
      try {
        parsed = webSocket ? RouteKey.parseWebSocket(key) : RouteKey.parse(key);
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
      RouteCache builtCache = null;
      if (cache != null) {
        List<String> found = new ArrayList<>();
        builtCache = cache.build(found);
        found.forEach(problems::add);
      }
      for (String scope : scopes) {
        if (scope == null || scope.isEmpty() || scope.chars().anyMatch(c -> c <= 0x20 || c >= 0x7f)) {
          problems.add("scopes", scope, "scope tokens without spaces or controls");
        }
      }
      return new RouteDefinition(parsed, integration, timeout, apiKeyRequired, authorizer,
          scopes.stream().filter(Objects::nonNull).toList(), routeResponse, builtCache);
    }
  }
}
