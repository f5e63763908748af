package dev.gatehouse.runtime.internal.pipeline;

import dev.gatehouse.GatewayResponse;
import java.util.concurrent.CompletionStage;

/**
 * One step of the request path. A step either answers (a gateway response or the integration's
 * answer) or passes the exchange on with {@code next.proceed(ex)}, at most once. A synchronous throw
 * or a {@code null} stage becomes a failed stage that names the step.
 */
@FunctionalInterface
public interface Step {
  CompletionStage<GatewayResponse> apply(Exchange ex, Next next);

  /** The rest of the path after a step. */
  @FunctionalInterface
  interface Next {
    CompletionStage<GatewayResponse> proceed(Exchange ex);
  }
}
