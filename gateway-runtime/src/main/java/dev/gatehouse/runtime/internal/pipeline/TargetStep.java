package dev.gatehouse.runtime.internal.pipeline;

import dev.gatehouse.GatewayResponse;
import dev.gatehouse.GatewayResponseType;
import dev.gatehouse.runtime.internal.routing.PathDecoder;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Decodes and normalises the path once, then finds the API and stage from its first segment (a
 * stage name or a base path) or the mount's catch-all ({@code $default} stage, empty base path).
 */
final class TargetStep implements Step {
  @Override
  public CompletionStage<GatewayResponse> apply(Exchange ex, Next next) {
    Deployment deployment = ex.deployment();
    List<String> segments;
    try {
      segments = PathDecoder.segments(ex.request().rawPath());
    } catch (PathDecoder.MalformedPathException e) {
      return CompletableFuture.completedFuture(
          deployment.unmatchedResponses().get(GatewayResponseType.BAD_REQUEST));
    }
    Deployment.Target target = deployment.target(segments.isEmpty() ? null : segments.get(0));
    if (target == null) {
      if (ex.request().refusal() != null) {
        return CompletableFuture.completedFuture(deployment.unmatchedResponses().get(ex.request().refusal()));
      }
      return CompletableFuture.completedFuture(
          deployment.unmatchedResponses().get(deployment.unmatchedType().noRouteResponse()));
    }
    String path = PathDecoder.path(ex.request().rawPath(), segments);
    ex.target(target.api(), target.stage(), segments, path, target.segments());
    return next.proceed(ex);
  }
}
