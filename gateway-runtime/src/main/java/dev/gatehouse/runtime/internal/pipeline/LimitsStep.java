package dev.gatehouse.runtime.internal.pipeline;

import dev.gatehouse.GatewayResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Answers what the adapter already refused (a body past the payload limit, a request without
 * {@code Host}) with the API's own gateway response for it.
 */
final class LimitsStep implements Step {
  @Override
  public CompletionStage<GatewayResponse> apply(Exchange ex, Next next) {
    if (ex.request().refusal() != null) {
      return CompletableFuture.completedFuture(ex.api().responses().get(ex.request().refusal()));
    }
    return next.proceed(ex);
  }
}
