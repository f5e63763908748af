package dev.gatehouse.runtime.internal.pipeline;

import dev.gatehouse.GatewayResponse;
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
 *   <li>the route's guards (resource policy, API key, authorizer, throttle, validation: added by
 *       later features, in that order)
 *   <li>the integration, which answers
 * </ol>
 */
public final class Pipeline {
  private static final Step.Next UNANSWERED = ex -> CompletableFuture.failedFuture(
      new IllegalStateException("no step answered " + ex.request()));

  private Pipeline() {}

  /** The gateway-level steps, ending in the matched route's chain. */
  static Step.Next gateway() {
    return Chain.of(List.of(new TargetStep(), new LimitsStep(), new RouteStep()), Pipeline::toRoute);
  }

  /** A route's steps: its guards, then its integration. */
  static Step.Next assemble(CompiledRoute route, Step integration) {
    return Chain.of(List.of(integration), UNANSWERED);
  }

  private static CompletionStage<GatewayResponse> toRoute(Exchange ex) {
    return ex.route().chain().proceed(ex);
  }
}
