package dev.gatehouse;

import dev.gatehouse.authorizer.IamAuthorizer;
import dev.gatehouse.iam.Cidr;
import dev.gatehouse.iam.IamSettings;
import dev.gatehouse.metrics.MetricsSink;
import dev.gatehouse.spi.ApiKeyStore;
import dev.gatehouse.spi.ConnectionRegistry;
import dev.gatehouse.spi.GatewayEngine;
import dev.gatehouse.spi.ResponseCacheStore;
import dev.gatehouse.spi.RateLimitStore;
import dev.gatehouse.websocket.ConnectionsGuard;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Collects a gateway definition; obtained from {@link Gateway#builder()}. Not thread-safe. Nothing
 * is checked until {@link #definition()} or {@link #build()}, which report every problem at once.
 */
public final class GatewayBuilder {
  private static final String RUNTIME_ARTIFACT = "dev.gatehouse:gateway-runtime";

  private final List<ApiDefinition.Builder> apis = new ArrayList<>();
  private final List<BasePathMapping> mappings = new ArrayList<>();
  private long maxRequestBodyBytes = GatewayDefinition.DEFAULT_MAX_REQUEST_BODY_BYTES;
  private Executor handlerExecutor;
  private final List<UsagePlanDefinition.Builder> usagePlans = new ArrayList<>();
  private Throttle accountThrottle = Throttle.ACCOUNT_DEFAULT;
  private RateLimitStore rateLimitStore;
  private ApiKeyStore apiKeyStore;
  private ConnectionRegistry connectionRegistry;
  private ResponseCacheStore responseCacheStore;
  private MetricsSink metrics;
  private IamSettings.Builder iam;
  private final List<String> trustedProxies = new ArrayList<>();

  GatewayBuilder() {}

  /** Declares a REST API (payload format 1.0; 403 {@code Missing Authentication Token} for no route). */
  public GatewayBuilder restApi(String name, Consumer<ApiDefinition.Builder> configure) {
    return declare(ApiType.REST, name, configure);
  }

  /** Declares an HTTP API (payload format 2.0; 404 {@code Not Found} for no route; {@code $default} stage). */
  public GatewayBuilder httpApi(String name, Consumer<ApiDefinition.Builder> configure) {
    return declare(ApiType.HTTP, name, configure);
  }

  /**
   * Declares a WebSocket API: messages routed by a route selection expression, {@code $connect} and
   * {@code $disconnect} routes, and {@code @connections} to send to clients.
   *
   * <pre>{@code
   * Gateway.builder().webSocketApi("chat", ws -> ws
   *     .stage("prod")
   *     .routeSelectionExpression("$request.body.action")
   *     .route("$connect", Integrations.webSocketFunction(Chat::connect))
   *     .route("sendMessage", Integrations.webSocketFunction(Chat::send)))
   * }</pre>
   */
  public GatewayBuilder webSocketApi(String name, Consumer<ApiDefinition.Builder> configure) {
    return declare(ApiType.WEBSOCKET, name, configure);
  }

  /** Adds a prebuilt API; it is checked again with the rest of the definition. */
  public GatewayBuilder api(ApiDefinition api) {
    apis.add(java.util.Objects.requireNonNull(api, "api").toBuilder());
    return this;
  }

  /** Maps {@code {mount}/{basePath}/...} to an API's stage; an empty base path maps the mount itself. */
  public GatewayBuilder basePathMapping(String basePath, String api, String stage) {
    mappings.add(new BasePathMapping(basePath, api, stage));
    return this;
  }

  /** The payload limit; 10 MB by default, as AWS. */
  public GatewayBuilder maxRequestBodyBytes(long bytes) {
    this.maxRequestBodyBytes = bytes;
    return this;
  }

  /** Where blocking function handlers run; by default virtual threads on Java 21+, a bounded pool on 17. */
  public GatewayBuilder handlerExecutor(Executor executor) {
    this.handlerExecutor = executor;
    return this;
  }

  /** Declares a usage plan: the API stages its keys open and the limits they get there. */
  public GatewayBuilder usagePlan(String name, Consumer<UsagePlanDefinition.Builder> configure) {
    UsagePlanDefinition.Builder plan = new UsagePlanDefinition.Builder(name);
    configure.accept(plan);
    usagePlans.add(plan);
    return this;
  }

  /** Adds a prebuilt usage plan; it is checked again with the rest of the definition. */
  public GatewayBuilder usagePlan(UsagePlanDefinition plan) {
    usagePlans.add(java.util.Objects.requireNonNull(plan, "plan").toBuilder());
    return this;
  }

  /** The gateway-wide bucket, AWS's account-level limit: 10,000 requests per second, burst 5,000 by default. */
  public GatewayBuilder accountThrottle(double rateLimit, long burstLimit) {
    this.accountThrottle = new Throttle(rateLimit, burstLimit);
    return this;
  }

  /** Where buckets and quota counters live; the runtime's in-process store by default. */
  public GatewayBuilder rateLimitStore(RateLimitStore store) {
    this.rateLimitStore = store;
    return this;
  }

  /** Where API keys live; the runtime's in-memory store (SHA-256 digests) by default. */
  public GatewayBuilder apiKeyStore(ApiKeyStore store) {
    this.apiKeyStore = store;
    return this;
  }

  /**
   * Where WebSocket connections are known across instances, so {@code @connections} reaches a
   * client connected to another one; this instance's connections only, by default.
   */
  public GatewayBuilder connectionRegistry(ConnectionRegistry registry) {
    this.connectionRegistry = registry;
    return this;
  }

  /**
   * Where stage caches keep their entries, shared by every cached stage; by default each stage has
   * its own in-process cache of {@code maxBytes}.
   */
  public GatewayBuilder responseCacheStore(ResponseCacheStore store) {
    this.responseCacheStore = store;
    return this;
  }

  /**
   * Where the gateway reports each answer for metrics, such as the runtime's
   * {@code MicrometerMetrics.of(meterRegistry)}; nothing is recorded without one.
   */
  public GatewayBuilder metrics(MetricsSink sink) {
    this.metrics = sink;
    return this;
  }

  /**
   * IAM authorization for {@code AWS_IAM} routes: the region, account, credentials and identity
   * policies (see {@link IamSettings}).
   */
  public GatewayBuilder iam(IamSettings.Builder settings) {
    this.iam = java.util.Objects.requireNonNull(settings, "settings");
    return this;
  }

  /**
   * The proxies in front of the gateway whose {@code X-Forwarded-For} is believed: for a request from
   * one of these blocks, the source IP ({@code $context.identity.sourceIp}, {@code aws:SourceIp}) is
   * the right-most address of {@code X-Forwarded-For} that is not itself a trusted proxy. None by
   * default, so a client cannot choose its own source IP by sending the header.
   *
   * <pre>{@code
   * Gateway.builder().trustedProxies("10.0.0.0/8", "fd00::/8")
   * }</pre>
   */
  public GatewayBuilder trustedProxies(String... blocks) {
    trustedProxies.addAll(List.of(blocks));
    return this;
  }

  /**
   * Checks everything and returns the immutable definition without starting anything.
   *
   * @throws GatewayDefinitionException listing every problem, one per line
   */
  public GatewayDefinition definition() {
    Problems problems = Problems.root();
    List<ApiDefinition> built = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (ApiDefinition.Builder entry : apis) {
      ApiDefinition api = entry.collect(problems);
      if (!names.add(api.name())) {
        problems.under(api.label()).add("name", api.name(), "an API name not declared before");
        continue;
      }
      built.add(api);
    }
    if (maxRequestBodyBytes <= 0) {
      problems.add("maxRequestBodyBytes", maxRequestBodyBytes, "> 0");
    }
    accountThrottle.check(problems, "accountThrottle");
    List<UsagePlanDefinition> plans = UsagePlans.collect(usagePlans, built, problems);
    IamSettings iamSettings = collectIam(built, problems);
    List<Cidr> proxies = new ArrayList<>();
    for (String block : trustedProxies) {
      try {
        proxies.add(Cidr.parse(block));
      } catch (IllegalArgumentException | NullPointerException e) {
        problems.add("trustedProxies: " + e.getMessage());
      }
    }
    GatewayDefinition definition = new GatewayDefinition(built, mappings, maxRequestBodyBytes, handlerExecutor,
        plans, accountThrottle, rateLimitStore, apiKeyStore, connectionRegistry, responseCacheStore, metrics,
        iamSettings, proxies);
    checkUrls(definition, problems);
    UsagePlans.checkKeys(definition, problems);
    problems.throwIfAny();
    return definition;
  }

  /**
   * Checks the definition and starts a gateway with the engine found on the class path.
   *
   * @throws GatewayDefinitionException listing every problem, one per line
   * @throws IllegalStateException if no engine is on the class path
   */
  public Gateway build() {
    GatewayDefinition definition = definition();
    Iterator<GatewayEngine> engines = ServiceLoader.load(GatewayEngine.class).iterator();
    if (!engines.hasNext()) {
      throw new IllegalStateException("No Gatehouse engine found on the class path (expected: the "
          + RUNTIME_ARTIFACT + " artifact as a dependency, which provides " + GatewayEngine.class.getName()
          + " through ServiceLoader)");
    }
    return engines.next().start(definition);
  }

  /** The IAM settings, which every route authorized with {@code AWS_IAM} needs. */
  private IamSettings collectIam(List<ApiDefinition> built, Problems problems) {
    if (iam != null) {
      List<String> own = iam.problems();
      own.forEach(problem -> problems.add("iam " + problem));
      return own.isEmpty() ? iam.build() : null;
    }
    for (ApiDefinition api : built) {
      if (api.webSocket() != null && api.webSocket().connectionsEndpoint() == ConnectionsGuard.iam()) {
        problems.under(api.label()).add("connectionsEndpoint: ConnectionsGuard.iam() (expected: the gateway's"
            + " iam(IamSettings.builder()...) with the credentials and identity policies it checks callers against)");
      }
      for (RouteDefinition route : api.routes()) {
        if (api.authorizerOf(route) instanceof IamAuthorizer) {
          problems.under(api.label()).under("route " + Problems.describe(route.key().toString()))
              .add("authorizer: " + IamAuthorizer.NAME + " (expected: the gateway's iam(IamSettings.builder()...)"
                  + " with the region, credentials and identity policies it checks callers against)");
        }
      }
    }
    return null;
  }

  private GatewayBuilder declare(ApiType type, String name, Consumer<ApiDefinition.Builder> configure) {
    ApiDefinition.Builder api = new ApiDefinition.Builder(type, name);
    configure.accept(api);
    apis.add(api);
    return this;
  }

  /** The first path segment under the mount selects an API and stage: no two may claim one segment. */
  private static void checkUrls(GatewayDefinition definition, Problems problems) {
    Map<String, String> claimedBy = new HashMap<>();
    for (ApiDefinition api : definition.apis()) {
      if (!api.executeApiEndpoint()) {
        continue;
      }
      for (StageDefinition stage : api.stages()) {
        String segment = StageDefinition.DEFAULT.equals(stage.name()) ? "" : stage.name();
        claim(claimedBy, segment, api.label() + " stage " + Problems.describe(stage.name()),
            problems.under(api.label()).under("stage " + Problems.describe(stage.name())));
      }
    }
    for (BasePathMapping mapping : definition.basePathMappings()) {
      Problems here = problems.under("basePathMapping " + Problems.describe(mapping.basePath()));
      // "." and ".." would vanish when the router normalises the path, so they can never match
      if (mapping.basePath() == null || !mapping.basePath().matches("[A-Za-z0-9._~-]{0,128}")
          || mapping.basePath().equals(".") || mapping.basePath().equals("..")) {
        here.add("basePath", mapping.basePath(), "one path segment of [A-Za-z0-9._~-] other than . and .., or empty");
        continue;
      }
      ApiDefinition api = definition.api(mapping.api());
      if (api == null) {
        here.add("api", mapping.api(), "one of " + definition.apis().stream().map(ApiDefinition::name).toList());
        continue;
      }
      if (api.stage(mapping.stage()) == null) {
        here.add("stage", mapping.stage(), "one of "
            + api.stages().stream().map(StageDefinition::name).toList() + " of " + api.label());
        continue;
      }
      claim(claimedBy, mapping.basePath(), "basePathMapping " + Problems.describe(mapping.basePath()), here);
    }
  }

  private static void claim(Map<String, String> claimedBy, String segment, String claimant, Problems here) {
    String earlier = claimedBy.putIfAbsent(segment, claimant);
    if (earlier != null) {
      here.add("url", "{mount}/" + segment, "a path segment not already served by " + earlier
          + "; use distinct stage names, base-path mappings or disableExecuteApiEndpoint()");
    }
  }
}
