package dev.gatehouse.runtime.internal.integration;

import dev.gatehouse.GatewayResponse;
import dev.gatehouse.GatewayResponseType;
import dev.gatehouse.integration.CustomIntegration;
import dev.gatehouse.integration.IntegrationRequest;
import dev.gatehouse.runtime.internal.pipeline.CompiledRoute;
import dev.gatehouse.runtime.internal.pipeline.Exchange;
import dev.gatehouse.runtime.internal.pipeline.Step;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls a user's {@link CustomIntegration} on the request's thread. The route's timeout gives 504;
 * a throw, a failed or {@code null} stage, or a {@code null} response gives 502 with one log line.
 * A response that arrives after the timeout is dropped, its streamed body released.
 */
final class CustomStep implements Step {
  private static final Logger LOG = LoggerFactory.getLogger(CustomStep.class);

  private final CompiledRoute route;
  private final CustomIntegration integration;
  private final long timeoutNanos;

  CustomStep(CompiledRoute route, CustomIntegration integration) {
    this.route = route;
    this.integration = integration;
    this.timeoutNanos = route.definition().timeout().toNanos();
  }

  @Override
  public CompletionStage<GatewayResponse> apply(Exchange ex, Next next) {
    CompletionStage<GatewayResponse> stage;
    try {
      stage = integration.call(new IntegrationRequest(ex.request(), ex.context(), ex.pathParameters(), ex.query()));
    } catch (Throwable t) {
      return CompletableFuture.completedFuture(failed(ex, t));
    }
    if (stage == null) {
      return CompletableFuture.completedFuture(failed(ex, new NullPointerException("the integration returned no stage")));
    }
    // our own future: the timeout must never complete a stage the user's code owns
    CompletableFuture<GatewayResponse> answer = new CompletableFuture<>();
    stage.whenComplete((response, error) -> {
      if (error != null) {
        answer.completeExceptionally(error);
      } else if (!answer.complete(response) && response != null) {
        // too late, the client got the 504: a streamed body must let go of what it holds
        response.releaseBody();
      }
    });
    return Timeouts.within(answer, timeoutNanos).handle((response, error) -> {
      if (error == null && response != null) {
        return response;
      }
      return failed(ex, error != null ? error : new NullPointerException("the integration answered null"));
    });
  }

  private GatewayResponse failed(Exchange ex, Throwable error) {
    Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    if (cause instanceof TimeoutException) {
      LOG.warn("{}: no answer within {} ms, answering 504 (request {})", route.label(),
          TimeUnit.NANOSECONDS.toMillis(timeoutNanos), ex.requestId());
      return ex.api().responses().get(GatewayResponseType.INTEGRATION_TIMEOUT);
    }
    LOG.error("{}: custom integration failed, answering 502 (request {})", route.label(), ex.requestId(), cause);
    return ex.api().responses().get(GatewayResponseType.BAD_GATEWAY);
  }
}
