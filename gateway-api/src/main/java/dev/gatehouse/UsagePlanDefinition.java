package dev.gatehouse;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * A usage plan, as AWS's: the API stages that API keys in the plan open, and the limits each key
 * gets there. A key's throttle and quota are counted across every stage of the plan together.
 *
 * <pre>{@code
 * Gateway.builder()
 *     .restApi("petstore", api -> api.stage("prod")
 *         .route("GET /pets", pets, route -> route.apiKeyRequired()))
 *     .usagePlan("basic", plan -> plan
 *         .stage("petstore", "prod", stage -> stage.throttle("GET /pets", 5, 10))
 *         .throttle(10, 20)
 *         .quota(10_000, QuotaPeriod.DAY)
 *         .apiKey("demo", "demo-key-value-not-a-secret"))    // a demo value
 *     .build();
 * }</pre>
 *
 * @param name the plan's name, unique in the gateway and used as its ID
 * @param stages the API stages the plan covers
 * @param throttle each key's bucket across the plan, or {@code null} for none
 * @param quota each key's quota across the plan, or {@code null} for none
 * @param apiKeys the keys declared with the plan; keys added at run time join through
 *     {@link ApiKey#usagePlans()}
 */
public record UsagePlanDefinition(
    String name, List<ApiStage> stages, Throttle throttle, Quota quota, List<ApiKey> apiKeys) {

  public UsagePlanDefinition {
    Objects.requireNonNull(name, "name");
    stages = List.copyOf(stages);
    apiKeys = List.copyOf(apiKeys);
  }

  /** The plan's entry for this API stage, or {@code null}. */
  public ApiStage stage(String api, String stage) {
    for (ApiStage entry : stages) {
      if (entry.api().equals(api) && entry.stage().equals(stage)) {
        return entry;
      }
    }
    return null;
  }

  /** A builder holding this plan; what it builds is checked again. */
  public Builder toBuilder() {
    Builder builder = new Builder(name);
    builder.stages.addAll(stages);
    builder.apiKeys.addAll(apiKeys);
    builder.throttle = throttle;
    builder.quota = quota;
    return builder;
  }

  /** Where this plan appears in messages: {@code usagePlan "basic"}. */
  public String label() {
    return "usagePlan " + Problems.describe(name);
  }

  /**
   * One API stage of a plan, with per-route throttles that replace the plan's throttle for those
   * routes (AWS's per-method throttling in a usage plan).
   *
   * @param api the API's name
   * @param stage the stage's name
   * @param routeThrottles route key as declared (such as {@code GET /pets}) to its throttle;
   *     unmodifiable, in declaration order
   */
  public record ApiStage(String api, String stage, Map<String, Throttle> routeThrottles) {
    public ApiStage {
      Objects.requireNonNull(api, "api");
      Objects.requireNonNull(stage, "stage");
      routeThrottles = Collections.unmodifiableMap(new LinkedHashMap<>(routeThrottles));
    }
  }

  /** Collects one plan; not thread-safe. */
  public static final class Builder {
    private final String name;
    private final List<ApiStage> stages = new ArrayList<>();
    private final List<ApiKey> apiKeys = new ArrayList<>();
    private Throttle throttle;
    private Quota quota;

    Builder(String name) {
      this.name = name;
    }

    /** Covers an API stage with the plan's throttle. */
    public Builder stage(String api, String stage) {
      return stage(api, stage, s -> {});
    }

    /** Covers an API stage and sets per-route throttles in it. */
    public Builder stage(String api, String stage, Consumer<StageLimits> configure) {
      StageLimits limits = new StageLimits();
      configure.accept(limits);
      stages.add(new ApiStage(api == null ? "" : api, stage == null ? "" : stage, limits.routeThrottles));
      return this;
    }

    /** Each key's bucket across the plan. */
    public Builder throttle(double rateLimit, long burstLimit) {
      this.throttle = new Throttle(rateLimit, burstLimit);
      return this;
    }

    public Builder quota(long limit, QuotaPeriod period) {
      return quota(Quota.of(limit, period));
    }

    public Builder quota(Quota quota) {
      this.quota = quota;
      return this;
    }

    /** Declares an enabled key in this plan. */
    public Builder apiKey(String id, String value) {
      return apiKey(ApiKey.of(id, value));
    }

    /** Declares a key in this plan (and in any other plans it names). */
    public Builder apiKey(ApiKey key) {
      apiKeys.add(Objects.requireNonNull(key, "key"));
      return this;
    }

    String name() {
      return name;
    }

    UsagePlanDefinition collect(Problems problems) {
      problems.checkId("name", name);
      if (throttle != null) {
        throttle.check(problems, "throttle");
      }
      if (quota != null) {
        quota.check(problems, "quota");
      }
      if (stages.isEmpty()) {
        problems.add("stages", List.of(), "at least one API stage");
      }
      List<ApiKey> keys = new ArrayList<>();
      for (ApiKey key : apiKeys) {
        key.check(problems.under("apiKey " + Problems.describe(key.id())));
        keys.add(key.usagePlans().contains(name) || name == null ? key
            : key.withUsagePlans(plus(key.usagePlans(), name)));
      }
      for (ApiStage stage : stages) {
        stage.routeThrottles().forEach((route, t) -> t.check(
            problems.under("stage " + Problems.describe(stage.api() + "/" + stage.stage())), "throttle " + route));
      }
      return new UsagePlanDefinition(name == null ? "" : name, stages, throttle, quota, keys);
    }

    private static Set<String> plus(Set<String> plans, String plan) {
      Set<String> all = new TreeSet<>(plans);
      all.add(plan);
      return all;
    }
  }

  /** Per-route throttles within one API stage of a plan. */
  public static final class StageLimits {
    private final Map<String, Throttle> routeThrottles = new LinkedHashMap<>();

    StageLimits() {}

    /** The throttle for one route key of the stage, such as {@code "GET /pets"}. */
    public StageLimits throttle(String routeKey, double rateLimit, long burstLimit) {
      routeThrottles.put(routeKey, new Throttle(rateLimit, burstLimit));
      return this;
    }
  }
}
