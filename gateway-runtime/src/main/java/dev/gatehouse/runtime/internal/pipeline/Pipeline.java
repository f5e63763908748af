package dev.gatehouse.runtime.internal.pipeline;

import dev.gatehouse.ApiKeySource;
import dev.gatehouse.ApiType;
import dev.gatehouse.GatewayDefinition;
import dev.gatehouse.GatewayResponse;
import dev.gatehouse.runtime.internal.iam.ResourcePolicyStep;
import dev.gatehouse.runtime.internal.limits.ApiKeyStep;
import dev.gatehouse.runtime.internal.limits.Limits;
import dev.gatehouse.runtime.internal.limits.ThrottleStep;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The request path, written in one place and in order. Every request runs the gateway steps; the
 * last of them hands it to the matched route's own steps.
 *
 * <ol>
 *   <li>{@link TargetStep}: mount point and base path → API and stage
 *   <li>{@link LimitsStep}: refusals the adapter made (payload limit, malformed request)
 *   <li>{@link RouteStep}: route key → route; the request context
 *   <li>the route's guards: the API's resource policy ({@link ResourcePolicyStep}) where it has
 *       one, {@link ApiKeyStep} where the route requires a key, the route's authorizer where it
 *       has one (the key check comes after it when a function authorizer names the key), then
 *       {@link ThrottleStep} (plan, route, stage and account buckets, then the quota); validation
 *       joins them in DESIGN.md's order when it lands
 *   <li>the cache where the stage has one ({@code CacheStep}): after the guards, so that a cached
 *       answer reaches only admitted, counted callers
 *   <li>the integration, which answers
 * </ol>
 */
public final class Pipeline {
  private static final Step.Next UNANSWERED = ex -> CompletableFuture.failedFuture(
      new IllegalStateException("no step answered " + ex.request()));

  private Pipeline() {}

  /** The gateway-level steps, ending in the matched route's chain. */
  static Step.Next gateway(WebSocketSteps webSockets) {
    return Chain.of(List.of(new TargetStep(), new LimitsStep(), webSockets.requests(), new RouteStep()),
        Pipeline::toRoute);
  }

  /** The steps of an upgrade request: a WebSocket API's {@code $connect}, else as any request. */
  static Step.Next upgrade(WebSocketSteps webSockets) {
    return Chain.of(List.of(new TargetStep(), new LimitsStep(), webSockets.connect(), new RouteStep()),
        Pipeline::toRoute);
  }

  /** The router's steps alone, ending without an answer: to find where a request would go. */
  static Step.Next routeOnly() {
    return Chain.of(List.of(new TargetStep(), new LimitsStep(), new RouteStep()),
        ex -> CompletableFuture.completedFuture(null));
  }

  /** A route's steps: its guards, its cache where it has one, then its integration. */
  static Step.Next assemble(CompiledRoute route, Step integration, Step authorizer, Step cache,
      GatewayDefinition definition, Limits limits) {
    List<Step> steps = new ArrayList<>();
    Step resourcePolicy = ResourcePolicyStep.forRoute(route);
    if (resourcePolicy != null) {
      steps.add(resourcePolicy);
    }
    boolean keyFromAuthorizer = route.api().definition().apiKeySource() == ApiKeySource.AUTHORIZER;
    if (route.definition().apiKeyRequired() && !keyFromAuthorizer) {
      steps.add(new ApiKeyStep(limits.apiKeys(definition), definition, false));
    }
    if (authorizer != null) {
      steps.add(authorizer);
    }
    if (route.definition().apiKeyRequired() && keyFromAuthorizer) {
      steps.add(new ApiKeyStep(limits.apiKeys(definition), definition, true));
    }
    steps.add(new ThrottleStep(route, definition, limits));
    if (cache != null) {
      steps.add(cache);
    }
    steps.add(new IntegrationTimer(integration, route.api().definition().type() == ApiType.WEBSOCKET));
    return Chain.of(steps, UNANSWERED);
  }

  /**
   * Runs the integration and records how long it took and what it answered, for
   * {@code $context.integrationLatency}; a WebSocket message answers its caller only with what the
   * integration said, so it also marks that the integration answered.
   */
  private record IntegrationTimer(Step integration, boolean webSocket) implements Step {
    @Override
    public CompletionStage<GatewayResponse> apply(Exchange ex, Step.Next next) {
      long started = System.nanoTime();
      CompletionStage<GatewayResponse> answer = integration.apply(ex, next);
      return answer == null ? null : answer.thenApply(response -> {
        ex.integrationAnswered(started, response);
        if (webSocket) {
          ex.markIntegrationAnswered();
        }
        return response;
      });
    }
  }

  private static CompletionStage<GatewayResponse> toRoute(Exchange ex) {
    return ex.route().chain().proceed(ex);
  }
}
