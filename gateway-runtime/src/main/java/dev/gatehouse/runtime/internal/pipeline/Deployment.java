package dev.gatehouse.runtime.internal.pipeline;

import dev.gatehouse.ApiDefinition;
import dev.gatehouse.ApiType;
import dev.gatehouse.BasePathMapping;
import dev.gatehouse.GatewayDefinition;
import dev.gatehouse.GatewayRequest;
import dev.gatehouse.StageDefinition;
import dev.gatehouse.runtime.internal.limits.Limits;
import dev.gatehouse.runtime.internal.response.GatewayResponses;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * One definition compiled for serving: APIs with their routing tables, the URL map from the first
 * path segment to an API and stage, and the linked steps. Immutable once built; a redeploy builds
 * a new one and swaps it in whole.
 */
public final class Deployment {
  private final GatewayDefinition definition;
  private final Map<String, CompiledApi> apis = new LinkedHashMap<>();
  private final Map<String, Target> bySegment = new HashMap<>();
  private final Target root;
  private final GatewayResponses unmatched;
  private final ApiType unmatchedType;
  private final Step.Next entry;
  private final Step.Next upgradeEntry;
  private final Step.Next routeOnly;

  /** Where the first path segment leads. */
  record Target(CompiledApi api, StageDefinition stage, int segments) {}

  /**
   * Compiles a checked definition.
   *
   * @param integrations makes the integration step of a route; may throw
   *     {@link dev.gatehouse.GatewayDefinitionException} for an integration it cannot run
   */
  public Deployment(GatewayDefinition definition, Function<CompiledRoute, Step> integrations) {
    this(definition, integrations, new Limits(Clock.systemUTC()));
  }

  /** A deployment whose routes have no authorizers (a route that names one fails to compile). */
  public Deployment(GatewayDefinition definition, Function<CompiledRoute, Step> integrations, Limits limits) {
    this(definition, integrations, limits, Deployment::noAuthorizer);
  }

  /**
   * Compiles a checked definition whose guards keep their state in {@code limits} and whose
   * authorizer steps come from {@code authorizers} ({@code null} for a route without one); both
   * outlive the deployment.
   */
  public Deployment(GatewayDefinition definition, Function<CompiledRoute, Step> integrations, Limits limits,
      Function<CompiledRoute, Step> authorizers) {
    this(definition, integrations, limits, authorizers, WebSocketSteps.NONE);
  }

  /** As above, with the WebSocket runtime's steps for WebSocket APIs. */
  public Deployment(GatewayDefinition definition, Function<CompiledRoute, Step> integrations, Limits limits,
      Function<CompiledRoute, Step> authorizers, WebSocketSteps webSockets) {
    this(definition, integrations, limits, authorizers, webSockets, route -> null);
  }

  /** As above, with each route's cache step from {@code caches} ({@code null} for a route without one). */
  public Deployment(GatewayDefinition definition, Function<CompiledRoute, Step> integrations, Limits limits,
      Function<CompiledRoute, Step> authorizers, WebSocketSteps webSockets, Function<CompiledRoute, Step> caches) {
    this.definition = definition;
    limits.deploying(definition);
    Target rootTarget = null;
    for (ApiDefinition api : definition.apis()) {
      CompiledApi compiled = new CompiledApi(api);
      apis.put(api.name(), compiled);
      for (CompiledRoute route : compiled.routes()) {
        route.link(Pipeline.assemble(route, integrations.apply(route), authorizers.apply(route), caches.apply(route),
            definition, limits));
      }
      if (!api.executeApiEndpoint()) {
        continue;
      }
      for (StageDefinition stage : api.stages()) {
        if (StageDefinition.DEFAULT.equals(stage.name())) {
          rootTarget = new Target(compiled, stage, 0);
        } else {
          bySegment.put(stage.name(), new Target(compiled, stage, 1));
        }
      }
    }
    for (BasePathMapping mapping : definition.basePathMappings()) {
      CompiledApi api = apis.get(mapping.api());
      Target target = new Target(api, api.definition().stage(mapping.stage()), mapping.basePath().isEmpty() ? 0 : 1);
      if (mapping.basePath().isEmpty()) {
        rootTarget = target;
      } else {
        bySegment.put(mapping.basePath(), target);
      }
    }
    this.root = rootTarget;
    // with one API, a request that reaches no stage still gets that API's kind of answer
    CompiledApi only = apis.size() == 1 ? apis.values().iterator().next() : null;
    this.unmatched = only != null ? only.responses() : GatewayResponses.defaults();
    this.unmatchedType = only != null ? only.definition().type() : ApiType.REST;
    this.entry = Pipeline.gateway(webSockets);
    this.upgradeEntry = Pipeline.upgrade(webSockets);
    this.routeOnly = Pipeline.routeOnly();
  }

  private static Step noAuthorizer(CompiledRoute route) {
    if (route.api().definition().authorizerOf(route.definition()) != null) {
      throw new IllegalStateException(route.label() + " has an authorizer, and this deployment was given no way to run one");
    }
    return null;
  }

  /** Starts the exchange of a request that this deployment will serve. */
  public Exchange exchange(dev.gatehouse.GatewayRequest request, long receivedAtMillis, String requestId) {
    return new Exchange(request, receivedAtMillis, requestId, this);
  }

  public GatewayDefinition definition() {
    return definition;
  }

  /** The steps every request starts with. */
  public Step.Next entry() {
    return entry;
  }

  /** The steps every upgrade request starts with. */
  public Step.Next upgradeEntry() {
    return upgradeEntry;
  }

  /**
   * {@code request} routed as it would be, without running any route: its exchange, or {@code null}
   * when it reaches no route. The router's steps answer at once, so this does not wait.
   */
  public Exchange route(GatewayRequest request) {
    Exchange ex = exchange(request, 0, "");
    routeOnly.proceed(ex);
    return ex.route() == null ? null : ex;
  }

  /** The compiled API of this name, or {@code null}. */
  public CompiledApi api(String name) {
    return apis.get(name);
  }

  /** The responses for a request that reached no API. */
  public GatewayResponses unmatchedResponses() {
    return unmatched;
  }

  ApiType unmatchedType() {
    return unmatchedType;
  }

  /** The target of a request whose first decoded segment is {@code first} ({@code null} for none). */
  Target target(String first) {
    Target target = first == null ? null : bySegment.get(first);
    return target != null ? target : root;
  }
}
