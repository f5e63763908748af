package dev.gatehouse;

import dev.gatehouse.iam.Cidr;
import dev.gatehouse.iam.IamSettings;
import dev.gatehouse.metrics.MetricsSink;
import dev.gatehouse.spi.ApiKeyStore;
import dev.gatehouse.spi.ConnectionRegistry;
import dev.gatehouse.spi.RateLimitStore;
import dev.gatehouse.spi.ResponseCacheStore;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * Everything a gateway serves: its APIs, base-path mappings and limits. Immutable and already
 * checked; obtain one from {@link GatewayBuilder#definition()} and hand it to
 * {@link Gateway#redeploy(GatewayDefinition)}.
 *
 * @param apis the APIs, in declaration order
 * @param basePathMappings the base-path mappings
 * @param maxRequestBodyBytes the payload limit; larger request bodies get 413
 * @param handlerExecutor where blocking function handlers run, or {@code null} for the runtime's
 *     default (virtual threads on Java 21+, a bounded pool on 17)
 * @param usagePlans the usage plans, in declaration order
 * @param accountThrottle the gateway-wide bucket every request takes a token from, AWS's
 *     account-level limit ({@link Throttle#ACCOUNT_DEFAULT} unless set)
 * @param rateLimitStore where buckets and quota counters live, or {@code null} for the runtime's
 *     in-process default
 * @param apiKeyStore where API keys live, or {@code null} for the runtime's in-memory default
 * @param connectionRegistry where WebSocket connections are known across instances, or {@code null}
 *     for the runtime's default, which knows this instance's only
 * @param responseCacheStore where stage caches keep their entries, or {@code null} for an in-process
 *     cache per stage
 * @param metrics where each answer is reported for metrics, or {@code null} to record nothing
 * @param iam the IAM settings of {@code AWS_IAM} routes, or {@code null} for a gateway without them
 * @param trustedProxies the proxies whose {@code X-Forwarded-For} sets the source IP; empty for none
 */
public record GatewayDefinition(
    List<ApiDefinition> apis,
    List<BasePathMapping> basePathMappings,
    long maxRequestBodyBytes,
    Executor handlerExecutor,
    List<UsagePlanDefinition> usagePlans,
    Throttle accountThrottle,
    RateLimitStore rateLimitStore,
    ApiKeyStore apiKeyStore,
    ConnectionRegistry connectionRegistry,
    ResponseCacheStore responseCacheStore,
    MetricsSink metrics,
    IamSettings iam,
    List<Cidr> trustedProxies) {

  /** AWS's payload limit: 10 MB. */
  public static final long DEFAULT_MAX_REQUEST_BODY_BYTES = 10L * 1024 * 1024;

  public GatewayDefinition {
    apis = List.copyOf(apis);
    basePathMappings = List.copyOf(basePathMappings);
    usagePlans = List.copyOf(usagePlans);
    Objects.requireNonNull(accountThrottle, "accountThrottle");
    trustedProxies = List.copyOf(trustedProxies);
  }

  /** A definition without usage plans, with AWS's account limit and the default stores. */
  public GatewayDefinition(List<ApiDefinition> apis, List<BasePathMapping> basePathMappings,
      long maxRequestBodyBytes, Executor handlerExecutor) {
    this(apis, basePathMappings, maxRequestBodyBytes, handlerExecutor, List.of(), Throttle.ACCOUNT_DEFAULT,
        null, null, null, null, null, null, List.of());
  }

  /**
   * What keeps {@code key} from joining this gateway's usage plans: a plan it names that does not
   * exist, or two of its plans covering one API stage (which plan's limits would apply is then
   * undecidable). Empty when it can join.
   */
  public List<String> usagePlanProblems(ApiKey key) {
    List<String> problems = new java.util.ArrayList<>();
    java.util.Map<String, String> stageToPlan = new java.util.HashMap<>();
    for (String planName : key.usagePlans()) {
      UsagePlanDefinition plan = usagePlan(planName);
      if (plan == null) {
        problems.add("usagePlans: " + Problems.describe(planName) + " (expected: one of "
            + usagePlans.stream().map(UsagePlanDefinition::name).toList() + ")");
        continue;
      }
      for (UsagePlanDefinition.ApiStage stage : plan.stages()) {
        String where = stage.api() + "/" + stage.stage();
        String earlier = stageToPlan.putIfAbsent(where, planName);
        if (earlier != null && !earlier.equals(planName)) {
          problems.add("usagePlans: " + key.usagePlans() + " (expected: at most one plan per API stage;"
              + " " + Problems.describe(earlier) + " and " + Problems.describe(planName) + " both cover "
              + Problems.describe(where) + ")");
        }
      }
    }
    return problems;
  }

  /**
   * The API keys declared in the usage plans, one per ID, each in every plan that declares it. The
   * gateway adds them to its key store when it starts or is redeployed, unless the store already
   * has a key with that ID: keys changed at run time keep their changes.
   */
  public List<ApiKey> apiKeys() {
    java.util.Map<String, ApiKey> byId = new java.util.LinkedHashMap<>();
    for (UsagePlanDefinition plan : usagePlans) {
      for (ApiKey key : plan.apiKeys()) {
        byId.merge(key.id(), key, (earlier, later) -> {
          java.util.Set<String> plans = new java.util.TreeSet<>(earlier.usagePlans());
          plans.addAll(later.usagePlans());
          return earlier.withUsagePlans(plans);
        });
      }
    }
    return List.copyOf(byId.values());
  }

  /** The usage plan of this name, or {@code null}. */
  public UsagePlanDefinition usagePlan(String name) {
    for (UsagePlanDefinition plan : usagePlans) {
      if (plan.name().equals(name)) {
        return plan;
      }
    }
    return null;
  }

  /**
   * A builder holding everything in this definition, to derive a changed one for
   * {@link Gateway#redeploy(GatewayDefinition)}; its {@code definition()} checks the result again.
   */
  public GatewayBuilder toBuilder() {
    GatewayBuilder builder = new GatewayBuilder();
    apis.forEach(builder::api);
    basePathMappings.forEach(m -> builder.basePathMapping(m.basePath(), m.api(), m.stage()));
    usagePlans.forEach(builder::usagePlan);
    if (iam != null) {
      builder.iam(iam.toBuilder());
    }
    builder.trustedProxies(trustedProxies.stream().map(Cidr::text).toArray(String[]::new));
    return builder.maxRequestBodyBytes(maxRequestBodyBytes).handlerExecutor(handlerExecutor)
        .accountThrottle(accountThrottle.rateLimit(), accountThrottle.burstLimit())
        .rateLimitStore(rateLimitStore).apiKeyStore(apiKeyStore).connectionRegistry(connectionRegistry)
        .responseCacheStore(responseCacheStore).metrics(metrics);
  }

  /** The API of this name, or {@code null}. */
  public ApiDefinition api(String name) {
    for (ApiDefinition api : apis) {
      if (api.name().equals(name)) {
        return api;
      }
    }
    return null;
  }
}
