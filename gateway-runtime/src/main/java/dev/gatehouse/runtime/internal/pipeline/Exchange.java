package dev.gatehouse.runtime.internal.pipeline;

import dev.gatehouse.ApiKey;
import dev.gatehouse.GatewayRequest;
import dev.gatehouse.GatewayResponse;
import dev.gatehouse.GatewayResponseType;
import dev.gatehouse.RequestContext;
import dev.gatehouse.RouteKey;
import dev.gatehouse.StageDefinition;
import dev.gatehouse.UsagePlanDefinition;
import dev.gatehouse.iam.IamPrincipal;
import dev.gatehouse.metrics.RequestMetrics;
import dev.gatehouse.runtime.internal.RequestContexts;
import dev.gatehouse.runtime.internal.SourceIps;
import dev.gatehouse.runtime.internal.routing.QueryParser;
import java.util.List;
import java.util.Map;

/**
 * One request on its way through the steps: the request, what the router found, and the
 * request's context. Steps hand it on in order, so it is confined to one step at a time; fields set
 * by a step happen-before the next step's reads through the stage that links them.
 */
public final class Exchange {
  private final GatewayRequest request;
  private final long receivedAtMillis;
  private final String requestId;
  private final Deployment deployment;

  private CompiledApi api;
  private StageDefinition stage;
  private CompiledRoute route;
  private List<String> segments;
  private String path;
  private int stageSegments;
  private Map<String, String> pathParameters = Map.of();
  private Map<String, List<String>> query = Map.of();
  private RequestContext context;
  private ApiKey apiKey;
  private UsagePlanDefinition usagePlan;
  private String usageIdentifierKey;
  private Object webSocket;
  private boolean integrationAnswered;
  private boolean mayInvalidateCache;
  private long integrationNanos = -1;
  private int integrationStatus = -1;
  private GatewayResponseType gatewayResponseType;
  private RequestMetrics.Cache cacheOutcome = RequestMetrics.Cache.NONE;
  private RequestMetrics.Refusal refusal = RequestMetrics.Refusal.NONE;
  private String sourceIp;

  Exchange(GatewayRequest request, long receivedAtMillis, String requestId, Deployment deployment) {
    this.request = request;
    this.receivedAtMillis = receivedAtMillis;
    this.requestId = requestId;
    this.deployment = deployment;
  }

  public GatewayRequest request() {
    return request;
  }

  public long receivedAtMillis() {
    return receivedAtMillis;
  }

  public String requestId() {
    return requestId;
  }

  public Deployment deployment() {
    return deployment;
  }

  /** The caller's address: the peer's, or from {@code X-Forwarded-For} behind a trusted proxy. */
  public String sourceIp() {
    if (sourceIp == null) {
      sourceIp = SourceIps.of(request, deployment.definition().trustedProxies());
    }
    return sourceIp;
  }

  /** The API the request reached, or {@code null} before routing or when it reached none. */
  public CompiledApi api() {
    return api;
  }

  public StageDefinition stage() {
    return stage;
  }

  /** The matched route, or {@code null} before routing. */
  public CompiledRoute route() {
    return route;
  }

  /** The decoded, normalised path segments after the mount, including the stage or base path. */
  public List<String> segments() {
    return segments;
  }

  /** The decoded, normalised path after the mount, including the stage or base path: the segments joined. */
  public String path() {
    return path;
  }

  /** How many leading segments name the stage or base path (0 or 1). */
  public int stageSegments() {
    return stageSegments;
  }

  public Map<String, String> pathParameters() {
    return pathParameters;
  }

  /** Decoded query parameters, every value in order. */
  public Map<String, List<String>> query() {
    return query;
  }

  /** The request context, set by the router once a route matched. */
  public RequestContext context() {
    return context;
  }

  /** The API key the request was admitted with, or {@code null} on a route that requires none. */
  public ApiKey apiKey() {
    return apiKey;
  }

  /** The usage plan of {@link #apiKey()} covering the request's API stage, or {@code null}. */
  public UsagePlanDefinition usagePlan() {
    return usagePlan;
  }

  /** Records the key the API key guard admitted, and puts its ID into the request context. */
  public void admit(ApiKey key, UsagePlanDefinition plan) {
    this.apiKey = key;
    this.usagePlan = plan;
    this.context = context.withApiKeyId(key.id());
  }

  /** Records what the route's authorizer established, into the request context. */
  public void authorize(RequestContext.Authorization authorization) {
    this.context = context.withAuthorizer(authorization);
  }

  /** As {@link #authorize(RequestContext.Authorization)}, with the API key a function authorizer named. */
  public void authorize(RequestContext.Authorization authorization, String usageIdentifierKey) {
    authorize(authorization);
    this.usageIdentifierKey = usageIdentifierKey;
  }

  /** Records the IAM caller that signed the request, into {@code $context.identity}. */
  public void identify(String accessKey, IamPrincipal principal) {
    this.context = context.withIamCaller(accessKey, principal);
  }

  /** The authorizer's policy allows {@code execute-api:InvalidateCache} on this request. */
  public void allowCacheInvalidation() {
    this.mayInvalidateCache = true;
  }

  /** Whether an authorizer allowed this request to refetch a cached answer. */
  public boolean mayInvalidateCache() {
    return mayInvalidateCache;
  }

  /** The API key value a function authorizer answered with, or {@code null}. */
  public String usageIdentifierKey() {
    return usageIdentifierKey;
  }

  /**
   * Routes a WebSocket event: the connection's API and stage, the route the event takes ({@code null}
   * for a connect without a {@code $connect} route), and what
   * the WebSocket runtime needs to build its event ({@code call}, read back with {@link #webSocket()}).
   */
  public void routeWebSocket(CompiledApi api, StageDefinition stage, CompiledRoute route, Object call) {
    this.api = api;
    this.stage = stage;
    this.segments = List.of(stage.name());
    this.path = "/" + stage.name();
    this.stageSegments = 1;
    this.route = route;
    this.webSocket = call;
    try {
      // authorizers and events read the upgrade's query from here
      this.query = QueryParser.parse(request.rawQuery());
    } catch (QueryParser.MalformedQueryException e) {
      this.query = Map.of();
    }
    String key = route != null ? route.routeKey() : RouteKey.CONNECT;
    this.context = RequestContexts.create(this, key, key);
  }

  /** What {@link #routeWebSocket} attached; {@code null} for an HTTP request. */
  public Object webSocket() {
    return webSocket;
  }

  /** Whether the route's integration answered, rather than a guard before it. */
  public boolean integrationAnswered() {
    return integrationAnswered;
  }

  void markIntegrationAnswered() {
    this.integrationAnswered = true;
  }

  /** How long the integration took, or {@code -1} when it was not called (a refusal, a cache hit) or failed. */
  public long integrationNanos() {
    return integrationNanos;
  }

  /** As {@link #integrationNanos()}, in ms, as access logs write it. */
  public long integrationLatencyMillis() {
    return integrationNanos < 0 ? -1 : integrationNanos / 1_000_000;
  }

  /** The status the integration answered with, or -1. */
  public int integrationStatus() {
    return integrationStatus;
  }

  void integrationAnswered(long startedNanos, GatewayResponse response) {
    this.integrationNanos = System.nanoTime() - startedNanos;
    this.integrationStatus = response == null ? -1 : response.status();
  }

  /** The gateway response the request was answered with, or {@code null} for an integration's answer. */
  public GatewayResponseType gatewayResponseType() {
    return gatewayResponseType;
  }

  /** Records which gateway response answered, for {@code $context.error.*}; {@code null} for none. */
  public void answeredWith(GatewayResponseType type) {
    this.gatewayResponseType = type;
  }

  /** What the route's cache did, for metrics. */
  public RequestMetrics.Cache cacheOutcome() {
    return cacheOutcome;
  }

  public void cacheOutcome(RequestMetrics.Cache outcome) {
    this.cacheOutcome = outcome;
  }

  /** Which limit refused the request, for metrics. */
  public RequestMetrics.Refusal refusal() {
    return refusal;
  }

  public void refused(RequestMetrics.Refusal refusal) {
    this.refusal = refusal;
  }

  void target(CompiledApi api, StageDefinition stage, List<String> segments, String path, int stageSegments) {
    this.api = api;
    this.stage = stage;
    this.segments = segments;
    this.path = path;
    this.stageSegments = stageSegments;
  }

  void routed(CompiledRoute route, Map<String, String> pathParameters, Map<String, List<String>> query,
      RequestContext context) {
    this.route = route;
    this.pathParameters = pathParameters;
    this.query = query;
    this.context = context;
  }
}
