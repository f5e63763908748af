package dev.gatehouse.cache;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * A route's own cache settings, AWS's method cache override: a TTL instead of the stage's, the
 * request parameters that split the cache key, and the methods cached. Only takes effect in stages
 * with a cache.
 *
 * <pre>{@code
 * api.route("GET /pets", Integrations.http("http://127.0.0.1:9000/pets"), route -> route
 *     .cached(cache -> cache
 *         .ttl(Duration.ofSeconds(30))
 *         .keyParameters("method.request.querystring.type", "method.request.header.Accept-Language")));
 * }</pre>
 *
 * @param ttl this route's TTL, or {@code null} for the stage's; 0 turns its caching off
 * @param keyParameters the request parameters that split the key besides the method and the
 *     resource path with its path parameters, in AWS's names: {@code method.request.querystring.NAME},
 *     {@code method.request.multivaluequerystring.NAME}, {@code method.request.header.NAME},
 *     {@code method.request.multivalueheader.NAME}; any other parameter does not split it
 * @param methods the methods whose answers are cached; empty for the default: {@code GET} and
 *     {@code HEAD}, or the route's own method when that is another one (declaring the cache opts it in)
 */
public record RouteCache(Duration ttl, List<String> keyParameters, Set<String> methods) {
  private static final List<String> SOURCES = List.of("method.request.querystring.",
      "method.request.multivaluequerystring.", "method.request.header.", "method.request.multivalueheader.");
  private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

  public RouteCache {
    keyParameters = List.copyOf(keyParameters);
    methods = Collections.unmodifiableSet(new TreeSet<>(methods));
  }

  /** The methods cached for a route declared with {@code routeMethod} ({@code ANY} included). */
  public Set<String> methodsFor(String routeMethod) {
    if (!methods.isEmpty()) {
      return methods;
    }
    return routeMethod == null || "ANY".equals(routeMethod) || "GET".equals(routeMethod) || "HEAD".equals(routeMethod)
        ? Set.of("GET", "HEAD") : Set.of(routeMethod);
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    Builder builder = new Builder().ttl(ttl);
    builder.keyParameters.addAll(keyParameters);
    builder.methods.addAll(methods);
    return builder;
  }

  /** Collects a route's cache settings; not thread-safe. */
  public static final class Builder {
    private Duration ttl;
    private final List<String> keyParameters = new ArrayList<>();
    private final Set<String> methods = new LinkedHashSet<>();

    Builder() {}

    /** This route's TTL instead of the stage's; 0 turns caching off for it. */
    public Builder ttl(Duration ttl) {
      this.ttl = ttl;
      return this;
    }

    /** Request parameters that split the cache key, such as {@code method.request.querystring.type}. */
    public Builder keyParameters(String... parameters) {
      keyParameters.addAll(List.of(parameters));
      return this;
    }

    /** The methods cached, replacing the default; naming {@code POST} opts POST answers in. */
    public Builder methods(String... methods) {
      for (String method : methods) {
        this.methods.add(method == null ? null : method.toUpperCase(Locale.ROOT));
      }
      return this;
    }

    /** The settings, or {@code null} with the problems, each as {@code field: value (expected: rule)}. */
    public RouteCache build(List<String> problems) {
      List<String> found = new ArrayList<>();
      if (ttl != null && ttl.isNegative()) {
        found.add("cache ttl: " + ttl + " (expected: a duration >= 0; 0 turns caching off)");
      }
      for (String parameter : keyParameters) {
        if (parameter == null || SOURCES.stream().noneMatch(parameter::startsWith)
            || SOURCES.stream().anyMatch(parameter::equals)) {
          found.add("cache keyParameters: " + parameter + " (expected: method.request.querystring.NAME,"
              + " method.request.multivaluequerystring.NAME, method.request.header.NAME or"
              + " method.request.multivalueheader.NAME)");
        }
      }
      for (String method : methods) {
        if (!METHODS.contains(method)) {
          found.add("cache methods: " + method + " (expected: one of " + new TreeSet<>(METHODS) + ")");
        }
      }
      problems.addAll(found);
      return found.isEmpty() ? new RouteCache(ttl, keyParameters, methods) : null;
    }
  }
}
