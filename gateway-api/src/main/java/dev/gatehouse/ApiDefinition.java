package dev.gatehouse;

import dev.gatehouse.authorizer.AuthorizerDefinition;
import dev.gatehouse.authorizer.FunctionAuthorizer;
import dev.gatehouse.authorizer.IamAuthorizer;
import dev.gatehouse.authorizer.JwtAuthorizer;
import dev.gatehouse.iam.IamPolicy;
import dev.gatehouse.integration.FunctionIntegration;
import dev.gatehouse.integration.Integration;
import dev.gatehouse.integration.PayloadFormat;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * One API: its kind, stages, routes and gateway-response overrides. Immutable; built by
 * {@code Gateway.builder().restApi(name, api -> ...)} or {@link #builder(ApiType, String)}.
 *
 * @param name the API's name, unique in the gateway and used as its ID
 * @param type REST or HTTP, which sets defaults
 * @param stages the stages, in declaration order
 * @param routes the routes, in declaration order
 * @param gatewayResponses overrides by response type
 * @param executeApiEndpoint whether the stage URLs {@code {mount}/{stage}/...} are served; when
 *     disabled, the API is reached through base-path mappings only, as AWS's
 *     {@code disableExecuteApiEndpoint}
 * @param rateLimitHeaders whether answers carry {@code X-RateLimit-Limit}, {@code X-RateLimit-Remaining}
 *     and {@code X-RateLimit-Reset}, and 429s a {@code Retry-After} (AWS sends none of them)
 * @param authorizers the API's authorizers, in declaration order
 * @param defaultAuthorizer the authorizer of routes that name none, or {@code null}
 * @param apiKeySource where routes that require an API key find it
 * @param webSocket a WebSocket API's settings; {@code null} for REST and HTTP APIs
 * @param resourcePolicy who may call the API from where, checked before any other guard as AWS's
 *     resource policy; {@code null} for none
 */
public record ApiDefinition(
    String name,
    ApiType type,
    List<StageDefinition> stages,
    List<RouteDefinition> routes,
    Map<GatewayResponseType, GatewayResponseOverride> gatewayResponses,
    boolean executeApiEndpoint,
    boolean rateLimitHeaders,
    List<AuthorizerDefinition> authorizers,
    String defaultAuthorizer,
    ApiKeySource apiKeySource,
    WebSocketSettings webSocket,
    IamPolicy resourcePolicy) {

  public ApiDefinition {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    stages = List.copyOf(stages);
    routes = List.copyOf(routes);
    gatewayResponses = gatewayResponses.isEmpty() ? Map.of()
        : Collections.unmodifiableMap(new EnumMap<>(gatewayResponses));
    authorizers = List.copyOf(authorizers);
    Objects.requireNonNull(apiKeySource, "apiKeySource");
    if ((type == ApiType.WEBSOCKET) != (webSocket != null)) {
      throw new IllegalArgumentException(type.label() + " " + Problems.describe(name) + ": webSocket: " + webSocket
          + " (expected: settings for a webSocketApi, none for other APIs)");
    }
  }

  /** An API without rate-limit headers or authorizers. */
  public ApiDefinition(String name, ApiType type, List<StageDefinition> stages, List<RouteDefinition> routes,
      Map<GatewayResponseType, GatewayResponseOverride> gatewayResponses, boolean executeApiEndpoint) {
    this(name, type, stages, routes, gatewayResponses, executeApiEndpoint, false, List.of(), null, ApiKeySource.HEADER,
        null, null);
  }

  /** The authorizer of this name ({@value IamAuthorizer#NAME} whether declared or not), or {@code null}. */
  public AuthorizerDefinition authorizer(String name) {
    for (AuthorizerDefinition authorizer : authorizers) {
      if (authorizer.name().equals(name)) {
        return authorizer;
      }
    }
    return IamAuthorizer.NAME.equals(name) ? IamAuthorizer.INSTANCE : null;
  }

  /**
   * The authorizer guarding {@code route}: its own, else the API's default; {@code null} for none.
   * In a WebSocket API only {@code $connect} has one, as in AWS: it guards the whole connection.
   */
  public AuthorizerDefinition authorizerOf(RouteDefinition route) {
    if (type == ApiType.WEBSOCKET && !RouteKey.CONNECT.equals(route.key().selectionKey())) {
      return null;
    }
    String name = route.authorizer() != null ? route.authorizer() : defaultAuthorizer;
    return name == null || RouteDefinition.NO_AUTHORIZER.equals(name) ? null : authorizer(name);
  }

  /** The route with this key as declared, such as {@code GET /pets}, or {@code null}. */
  public RouteDefinition route(String key) {
    for (RouteDefinition route : routes) {
      if (route.key().toString().equals(key)) {
        return route;
      }
    }
    return null;
  }

  /** Starts a standalone API definition, for use with {@code Gateway.builder().api(definition)}. */
  public static Builder builder(ApiType type, String name) {
    return new Builder(type, name);
  }

  /**
   * A builder holding this API's stages, routes, overrides and options. What it builds is checked
   * again, so a definition made with the canonical constructor gets the same checks as a built one.
   */
  public Builder toBuilder() {
    Builder builder = new Builder(type, name);
    stages.forEach(builder::stage);
    routes.forEach(builder::route);
    gatewayResponses.forEach((t, override) -> builder.responses.put(t, override.toBuilder()));
    builder.executeApiEndpoint = executeApiEndpoint;
    builder.rateLimitHeaders = rateLimitHeaders;
    builder.authorizers.addAll(authorizers);
    builder.defaultAuthorizer = defaultAuthorizer;
    builder.apiKeySource = apiKeySource;
    if (webSocket != null) {
      builder.webSocket = WebSocketSettings.Builder.of(webSocket);
    }
    builder.resourcePolicy = resourcePolicy == null ? null : resourcePolicy.toBuilder();
    return builder;
  }

  /** The stage of this name, or {@code null}. */
  public StageDefinition stage(String name) {
    for (StageDefinition stage : stages) {
      if (stage.name().equals(name)) {
        return stage;
      }
    }
    return null;
  }

  /** The payload format a function integration uses unless it says otherwise. */
  public PayloadFormat defaultPayloadFormat() {
    return type == ApiType.REST ? PayloadFormat.V1_0 : PayloadFormat.V2_0;
  }

  /** Where this API appears in messages: {@code restApi "petstore"}. */
  public String label() {
    return type.label() + " " + Problems.describe(name);
  }

  /** Collects one API; not thread-safe. */
  public static final class Builder {
    private final ApiType type;
    private final String name;
    private final List<StageDefinition.Builder> stages = new ArrayList<>();
    private final List<RouteDefinition.Builder> routes = new ArrayList<>();
    private final Map<GatewayResponseType, GatewayResponseOverride.Builder> responses =
        new EnumMap<>(GatewayResponseType.class);
    private boolean executeApiEndpoint = true;
    private boolean rateLimitHeaders;
    private final List<AuthorizerDefinition> authorizers = new ArrayList<>();
    private String defaultAuthorizer;
    private IamPolicy.Builder resourcePolicy;
    private ApiKeySource apiKeySource = ApiKeySource.HEADER;
    private WebSocketSettings.Builder webSocket = new WebSocketSettings.Builder();

    Builder(ApiType type, String name) {
      this.type = Objects.requireNonNull(type, "type");
      this.name = name;
    }

    /** Declares a stage without variables. */
    public Builder stage(String name) {
      return stage(name, stage -> {});
    }

    /** Declares a stage and configures it. */
    public Builder stage(String name, Consumer<StageDefinition.Builder> configure) {
      StageDefinition.Builder stage = new StageDefinition.Builder(name);
      configure.accept(stage);
      stages.add(stage);
      return this;
    }

    /** Adds a prebuilt stage; it is checked again with the API. */
    public Builder stage(StageDefinition stage) {
      stages.add(Objects.requireNonNull(stage, "stage").toBuilder());
      return this;
    }

    /** Declares a route with default options. */
    public Builder route(String key, Integration integration) {
      return route(key, integration, route -> {});
    }

    /** Declares a route and configures its options. */
    public Builder route(String key, Integration integration, Consumer<RouteDefinition.Builder> configure) {
      RouteDefinition.Builder route = new RouteDefinition.Builder(key, integration);
      configure.accept(route);
      routes.add(route);
      return this;
    }

    /** Adds a prebuilt route; it is checked again with the API. */
    public Builder route(RouteDefinition route) {
      routes.add(Objects.requireNonNull(route, "route").toBuilder());
      return this;
    }

    /** Replaces parts of one gateway response type for this API. */
    public Builder gatewayResponse(GatewayResponseType type, Consumer<GatewayResponseOverride.Builder> configure) {
      GatewayResponseOverride.Builder override = new GatewayResponseOverride.Builder();
      configure.accept(override);
      responses.put(Objects.requireNonNull(type, "type"), override);
      return this;
    }

    /** Serves this API only through base-path mappings, not at {@code {mount}/{stage}}. */
    public Builder disableExecuteApiEndpoint() {
      this.executeApiEndpoint = false;
      return this;
    }

    /** Declares an authorizer that routes name with {@code route.authorizer(name)}. */
    public Builder authorizer(JwtAuthorizer.Builder authorizer) {
      return authorizer(authorizer.build());
    }

    /** Declares a function authorizer that routes name with {@code route.authorizer(name)}. */
    public Builder authorizer(FunctionAuthorizer.Builder authorizer) {
      return authorizer(authorizer.build());
    }

    /** Declares a prebuilt authorizer; it is checked with the API. */
    public Builder authorizer(AuthorizerDefinition authorizer) {
      authorizers.add(Objects.requireNonNull(authorizer, "authorizer"));
      return this;
    }

    /** Where routes that require an API key find it: {@code x-api-key} by default. */
    public Builder apiKeySource(ApiKeySource source) {
      this.apiKeySource = source;
      return this;
    }

    /**
     * The API's resource policy: checked before any other guard, it allows or denies callers by
     * source address ({@code aws:SourceIp}) and, on {@code AWS_IAM} routes, by principal. An explicit
     * {@code Deny} always wins; on routes without an authorizer an {@code Allow} must apply. Every
     * statement names its principals ({@code *} for anyone); resources may be written
     * {@code execute-api:/STAGE/METHOD/PATH}. See {@link IamPolicy} and the README's IAM example.
     */
    public Builder resourcePolicy(IamPolicy.Builder policy) {
      this.resourcePolicy = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /** As {@link #resourcePolicy(IamPolicy.Builder)}, with a built policy; it is checked with the API. */
    public Builder resourcePolicy(IamPolicy policy) {
      return resourcePolicy(policy.toBuilder());
    }

    /** Guards every route that names no authorizer (and does not opt out with {@code noAuthorizer()}). */
    public Builder defaultAuthorizer(String name) {
      this.defaultAuthorizer = name;
      return this;
    }

    /**
     * Adds {@code X-RateLimit-Limit}, {@code X-RateLimit-Remaining} and {@code X-RateLimit-Reset} to
     * throttled routes' answers and {@code Retry-After} to 429s. AWS sends none of them; clients that
     * back off well need them.
     */
    public Builder rateLimitHeaders() {
      this.rateLimitHeaders = true;
      return this;
    }

    /**
     * A WebSocket API's route selection expression, evaluated over each message's JSON body:
     * {@code $request.body.action}, {@code ${request.body.service}/${request.body.action}}; see
     * {@link dev.gatehouse.websocket.RouteSelectionExpression}. Required for a {@code webSocketApi}.
     */
    public Builder routeSelectionExpression(String expression) {
      return webSocket(w -> w.routeSelectionExpression = expression);
    }

    /** Closes a WebSocket connection whose client sent nothing for this long; 10 minutes by default. */
    public Builder idleTimeout(java.time.Duration timeout) {
      return webSocket(w -> w.idleTimeout = timeout);
    }

    /** Closes a WebSocket connection this long after it opened; 2 hours by default. */
    public Builder maxConnectionDuration(java.time.Duration duration) {
      return webSocket(w -> w.maxConnectionDuration = duration);
    }

    /** The largest WebSocket message in either direction; 128 KB by default. */
    public Builder maxMessageBytes(int bytes) {
      return webSocket(w -> w.maxMessageBytes = bytes);
    }

    /** How much may wait for a slow WebSocket client before sends to it fail; 1 MiB by default. */
    public Builder sendBufferBytes(long bytes) {
      return webSocket(w -> w.sendBufferBytes = bytes);
    }

    /** Gives each WebSocket connection its own bucket for the messages it sends. */
    public Builder messageThrottle(double rateLimit, long burstLimit) {
      return webSocket(w -> w.messageThrottle = new Throttle(rateLimit, burstLimit));
    }

    /** Serves the HTTP {@code @connections} endpoint to callers {@code guard} allows; off by default. */
    public Builder connectionsEndpoint(dev.gatehouse.websocket.ConnectionsGuard guard) {
      return webSocket(w -> w.connectionsEndpoint = guard);
    }

    private Builder webSocket(Consumer<WebSocketSettings.Builder> change) {
      change.accept(webSocket);
      webSocket.touched = true;
      return this;
    }

    /**
     * Builds the API.
     *
     * @throws GatewayDefinitionException naming each broken rule
     */
    public ApiDefinition build() {
      Problems problems = Problems.root();
      ApiDefinition api = collect(problems);
      problems.throwIfAny();
      return api;
    }

    ApiDefinition collect(Problems root) {
      Problems problems = root.under(type.label() + " " + Problems.describe(name));
      if (name == null || name.isBlank()) {
        problems.add("name", name, "a non-blank name");
      }
      List<StageDefinition> builtStages = ApiChecks.stages(type, stages, problems);
      List<RouteDefinition> builtRoutes = collectRoutes(problems);
      Map<GatewayResponseType, GatewayResponseOverride> overrides = new EnumMap<>(GatewayResponseType.class);
      responses.forEach((t, b) -> overrides.put(t, b.collect(problems.under("gatewayResponse " + t))));
      ApiChecks.routeThrottles(builtStages, builtRoutes, problems);
      ApiChecks.authorizers(authorizers, defaultAuthorizer, apiKeySource, builtRoutes, problems);
      ApiChecks.caches(type, builtStages, builtRoutes, problems);
      ApiChecks.accessLogs(type, builtStages, problems);
      IamPolicy policy = ApiChecks.resourcePolicy(type, resourcePolicy, problems);
      WebSocketSettings settings = null;
      if (type == ApiType.WEBSOCKET) {
        settings = webSocket.collect(problems);
        WebSocketRoutes.check(builtRoutes, problems);
      } else {
        if (webSocket.touched) {
          problems.add("WebSocket settings: set (expected: none on a " + type.label()
              + "; route selection and connection limits belong to webSocketApi)");
        }
        WebSocketRoutes.checkNone(builtRoutes, problems);
      }
      ApiChecks.integrations(builtRoutes, builtStages, problems);
      return new ApiDefinition(name == null ? "" : name, type, builtStages, builtRoutes, overrides,
          executeApiEndpoint, rateLimitHeaders, authorizers, defaultAuthorizer,
          apiKeySource == null ? ApiKeySource.HEADER : apiKeySource,
          settings == null && type == ApiType.WEBSOCKET ? WebSocketSettings.Builder.UNUSABLE : settings, policy);
    }

    private List<RouteDefinition> collectRoutes(Problems problems) {
      List<RouteDefinition> built = new ArrayList<>();
      Map<String, String> shapes = new HashMap<>();
      for (RouteDefinition.Builder entry : routes) {
        Problems here = problems.under("route " + Problems.describe(entry.key()));
        RouteDefinition route = entry.collect(here, type == ApiType.WEBSOCKET);
        if (route == null) {
          continue;
        }
        String shape = route.key().isDefault() || route.key().isSelectionKey() ? route.key().toString()
            : route.key().method() + " " + route.key().path().shape();
        String earlier = shapes.putIfAbsent(shape, route.key().toString());
        if (earlier != null) {
          here.add("key", route.key().toString(), earlier.equals(route.key().toString())
              ? "a route key not declared before in this API"
              : "a path not already matched by " + Problems.describe(earlier));
        }
        if (route.integration() instanceof FunctionIntegration function) {
          ApiChecks.payloadFormat(type, function, here);
        }
        built.add(route);
      }
      return built;
    }
  }
}
