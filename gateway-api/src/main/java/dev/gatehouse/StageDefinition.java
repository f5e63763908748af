package dev.gatehouse;

import dev.gatehouse.cache.CacheSettings;
import dev.gatehouse.log.AccessLogSettings;
import dev.gatehouse.log.ExecutionLogSettings;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A stage of an API: a name that appears in the URL ({@code {mount}/{stage}/...}) and the stage
 * variables that integrations and events read. The stage named {@code $default} (HTTP APIs only) is
 * served at the mount point itself, without a stage segment.
 *
 * <p>A stage may throttle its routes as AWS's stage and method throttling does: each route gets its
 * own token bucket, sized by the route's own throttle where one is set and by the stage's default
 * otherwise.
 *
 * <pre>{@code
 * api.stage("prod", stage -> stage
 *     .variable("petsUrl", "http://127.0.0.1:9000")
 *     .throttle(1_000, 2_000)                     // every route: 1,000 rps, burst 2,000
 *     .throttle("POST /pets", 10, 20));           // this route: 10 rps, burst 20
 * }</pre>
 *
 * @param name the stage name
 * @param variables the stage variables, in declaration order; unmodifiable
 * @param throttle each route's bucket unless the route has its own, or {@code null} for none
 * @param routeThrottles route key as declared (such as {@code POST /pets}) to that route's bucket;
 *     unmodifiable, in declaration order
 * @param cache the stage's response cache, or {@code null} for none
 * @param accessLog the stage's access log, or {@code null} for the gateway's fixed line on
 *     {@code dev.gatehouse.access}
 * @param detailedMetrics whether metrics are also kept per route ({@code Method} and {@code Resource}
 *     dimensions), AWS's detailed CloudWatch metrics
 * @param executionLog the stage's execution log, or {@code null} for none
 */
public record StageDefinition(String name, Map<String, String> variables, Throttle throttle,
    Map<String, Throttle> routeThrottles, CacheSettings cache, AccessLogSettings accessLog,
    boolean detailedMetrics, ExecutionLogSettings executionLog) {
  /** The name of the stage served without a stage segment. */
  public static final String DEFAULT = "$default";

  private static final int MAX_VALUE_LENGTH = 2048;

  public StageDefinition {
    Objects.requireNonNull(name, "name");
    variables = Collections.unmodifiableMap(new LinkedHashMap<>(variables));
    routeThrottles = Collections.unmodifiableMap(new LinkedHashMap<>(routeThrottles));
  }

  /** A stage without throttles. */
  public StageDefinition(String name, Map<String, String> variables) {
    this(name, variables, null, Map.of(), null, null, false, null);
  }

  /** A stage without a cache. */
  public StageDefinition(String name, Map<String, String> variables, Throttle throttle,
      Map<String, Throttle> routeThrottles) {
    this(name, variables, throttle, routeThrottles, null, null, false, null);
  }

  /** A stage without an access log of its own and without detailed metrics. */
  public StageDefinition(String name, Map<String, String> variables, Throttle throttle,
      Map<String, Throttle> routeThrottles, CacheSettings cache) {
    this(name, variables, throttle, routeThrottles, cache, null, false, null);
  }

  /** The throttle of the route with this key as declared: its own, else the stage's; {@code null} for none. */
  public Throttle throttleFor(String routeKey) {
    Throttle own = routeThrottles.get(routeKey);
    return own != null ? own : throttle;
  }

  /** Starts a standalone stage definition, for use with {@code api.stage(definition)}. */
  public static Builder builder(String name) {
    return new Builder(name);
  }

  public Builder toBuilder() {
    Builder builder = new Builder(name);
    builder.variables.putAll(variables);
    builder.throttle = throttle;
    builder.routeThrottles.putAll(routeThrottles);
    builder.cache = cache == null ? null : cache.toBuilder();
    builder.accessLog = accessLog == null ? null : accessLog.toBuilder();
    builder.detailedMetrics = detailedMetrics;
    builder.executionLog = executionLog == null ? null : executionLog.toBuilder();
    return builder;
  }

  /** Collects one stage; not thread-safe. */
  public static final class Builder {
    private final String name;
    private final Map<String, String> variables = new LinkedHashMap<>();
    private final Map<String, Throttle> routeThrottles = new LinkedHashMap<>();
    private Throttle throttle;
    private CacheSettings.Builder cache;
    private AccessLogSettings.Builder accessLog;
    private boolean detailedMetrics;
    private ExecutionLogSettings.Builder executionLog;

    Builder(String name) {
      this.name = name;
    }

    /** Sets a stage variable, read as {@code ${stageVariables.name}} and in events. */
    public Builder variable(String name, String value) {
      variables.put(name, value);
      return this;
    }

    /** Every route's bucket in this stage, unless the route has its own. */
    public Builder throttle(double rateLimit, long burstLimit) {
      this.throttle = new Throttle(rateLimit, burstLimit);
      return this;
    }

    /** One route's bucket in this stage; {@code routeKey} as declared, such as {@code "POST /pets"}. */
    public Builder throttle(String routeKey, double rateLimit, long burstLimit) {
      routeThrottles.put(routeKey, new Throttle(rateLimit, burstLimit));
      return this;
    }

    /**
     * Turns on the stage's response cache: every route's {@code GET} and {@code HEAD} answers are
     * cached (300 s by default), as AWS's stage cache; routes refine it with {@code cached(...)}.
     */
    public Builder cache(java.util.function.Consumer<CacheSettings.Builder> configure) {
      CacheSettings.Builder settings = CacheSettings.builder();
      configure.accept(settings);
      this.cache = settings;
      return this;
    }

    /** Logs what happens to requests, as AWS's execution logs; see {@link ExecutionLogSettings}. */
    public Builder executionLog(java.util.function.Consumer<ExecutionLogSettings.Builder> configure) {
      ExecutionLogSettings.Builder settings = ExecutionLogSettings.builder();
      configure.accept(settings);
      this.executionLog = settings;
      return this;
    }

    /** Keeps metrics per route too ({@code Method} and {@code Resource}), as AWS's detailed metrics. */
    public Builder detailedMetrics() {
      this.detailedMetrics = true;
      return this;
    }

    /**
     * Turns on the stage's access log: one line per request in a format of {@code $context}
     * variables, written off the request thread (see {@link AccessLogSettings}).
     */
    public Builder accessLog(java.util.function.Consumer<AccessLogSettings.Builder> configure) {
      AccessLogSettings.Builder settings = AccessLogSettings.builder();
      configure.accept(settings);
      this.accessLog = settings;
      return this;
    }

    /**
     * Builds the stage.
     *
     * @throws GatewayDefinitionException naming each broken rule
     */
    public StageDefinition build() {
      Problems problems = Problems.root();
      StageDefinition stage = collect(problems.under("stage " + Problems.describe(name)));
      problems.throwIfAny();
      return stage;
    }

    String name() {
      return name;
    }

    StageDefinition collect(Problems problems) {
      if (name == null || !(DEFAULT.equals(name) || name.matches("[A-Za-z0-9_-]{1,128}"))) {
        problems.add("name", name, "[A-Za-z0-9_-]{1,128} or $default");
      }
      variables.forEach((key, value) -> {
        if (key == null || !key.matches("[A-Za-z0-9_]{1,64}")) {
          problems.add("variable name", key, "[A-Za-z0-9_]{1,64}");
        } else if (value == null || value.length() > MAX_VALUE_LENGTH) {
          problems.add("variable " + key + ": " + (value == null ? "null" : value.length() + " characters")
              + " (expected: a value of at most " + MAX_VALUE_LENGTH + " characters)");
        }
      });
      if (throttle != null) {
        throttle.check(problems, "throttle");
      }
      routeThrottles.forEach((route, t) -> t.check(problems, "throttle " + Problems.describe(route)));
      CacheSettings settings = null;
      if (cache != null) {
        List<String> found = new ArrayList<>();
        settings = cache.build(found);
        found.forEach(p -> problems.add("cache " + p));
      }
      AccessLogSettings log = null;
      if (accessLog != null) {
        List<String> found = new ArrayList<>();
        log = accessLog.build(found);
        found.forEach(p -> problems.add("accessLog " + p));
      }
      ExecutionLogSettings execution = null;
      if (executionLog != null) {
        List<String> found = new ArrayList<>();
        execution = executionLog.build(found);
        found.forEach(p -> problems.add("executionLog " + p));
      }
      return name == null ? null : new StageDefinition(name, variables, throttle, routeThrottles, settings, log,
          detailedMetrics, execution);
    }
  }
}
