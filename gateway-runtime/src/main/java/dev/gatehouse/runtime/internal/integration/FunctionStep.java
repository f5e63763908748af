package dev.gatehouse.runtime.internal.integration;

import dev.gatehouse.GatewayResponse;
import dev.gatehouse.GatewayResponseType;
import dev.gatehouse.event.ProxyEventV1;
import dev.gatehouse.event.ProxyEventV2;
import dev.gatehouse.event.ProxyResponseV1;
import dev.gatehouse.event.WebSocketEvent;
import dev.gatehouse.integration.AsyncWebSocketFunction;
import dev.gatehouse.integration.AsyncProxyFunction;
import dev.gatehouse.integration.AsyncProxyFunctionV2;
import dev.gatehouse.integration.FunctionIntegration;
import dev.gatehouse.integration.PayloadFormat;
import dev.gatehouse.integration.ProxyFunction;
import dev.gatehouse.integration.ProxyFunctionV2;
import dev.gatehouse.integration.WebSocketFunction;
import dev.gatehouse.runtime.internal.pipeline.CompiledRoute;
import dev.gatehouse.runtime.internal.pipeline.Exchange;
import dev.gatehouse.runtime.internal.pipeline.Step;
import dev.gatehouse.runtime.internal.response.GatewayResponses;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls an in-process function with the event object itself (no JSON round trip) and turns its
 * answer into a response. Blocking handlers run on the handler executor; async ones are called on
 * the request's thread. The route's timeout gives 504; a throw, a failed stage or a malformed
 * answer gives 502 and one log line with the stack; a full executor gives 429.
 */
final class FunctionStep implements Step {
  private static final Logger LOG = LoggerFactory.getLogger(FunctionStep.class);

  private final CompiledRoute route;
  private final FunctionIntegration integration;
  private final Executor executor;
  private final long timeoutNanos;

  FunctionStep(CompiledRoute route, FunctionIntegration integration, Executor executor) {
    this.route = route;
    this.integration = integration;
    this.executor = executor;
    this.timeoutNanos = route.definition().timeout().toNanos();
  }

  @Override
  public CompletionStage<GatewayResponse> apply(Exchange ex, Next next) {
    Object event = event(ex);
    CompletableFuture<Object> result;
    try {
      result = invoke(event);
    } catch (RejectedExecutionException e) {
      LOG.warn("{}: handler executor is full, answering 429 (request {})", route.label(), ex.requestId());
      return CompletableFuture.completedFuture(responses(ex).get(GatewayResponseType.THROTTLED));
    }
    if (result.isDone() && !result.isCompletedExceptionally()) {
      // an async function that answered at once: no timeout to arm, no stage to chain
      return CompletableFuture.completedFuture(answer(ex, result.getNow(null), null));
    }
    return Timeouts.within(result, timeoutNanos).handle((value, error) -> answer(ex, value, error));
  }

  private Object event(Exchange ex) {
    switch (integration.payloadFormat()) {
      case V1_0:
        return EventsV1.build(ex);
      case V2_0:
        return EventsV2.build(ex);
      default:
        return EventsWebSocket.build(ex);
    }
  }

  /**
   * A fresh future per call: the timeout must never complete a stage the user's code owns. A
   * future that is already complete is read, never completed, so it is returned as it is.
   */
  private CompletableFuture<Object> invoke(Object event) {
    Object handler = integration.handler();
    if (handler instanceof ProxyFunction) {
      ProxyFunction function = (ProxyFunction) handler;
      return CompletableFuture.supplyAsync(() -> call(() -> function.handle((ProxyEventV1) event)), executor);
    }
    if (handler instanceof ProxyFunctionV2) {
      ProxyFunctionV2 function = (ProxyFunctionV2) handler;
      return CompletableFuture.supplyAsync(() -> call(() -> function.handle((ProxyEventV2) event)), executor);
    }
    if (handler instanceof WebSocketFunction) {
      WebSocketFunction function = (WebSocketFunction) handler;
      return CompletableFuture.supplyAsync(() -> call(() -> function.handle((WebSocketEvent) event)), executor);
    }
    CompletionStage<?> stage;
    try {
      if (handler instanceof AsyncProxyFunction) {
        stage = ((AsyncProxyFunction) handler).handle((ProxyEventV1) event);
      } else if (handler instanceof AsyncProxyFunctionV2) {
        stage = ((AsyncProxyFunctionV2) handler).handle((ProxyEventV2) event);
      } else {
        stage = ((AsyncWebSocketFunction) handler).handle((WebSocketEvent) event);
      }
    } catch (Throwable t) {
      return CompletableFuture.failedFuture(t);
    }
    if (stage == null) {
      return CompletableFuture.failedFuture(new MalformedResponseException("the function returned a null stage"));
    }
    if (stage instanceof CompletableFuture && ((CompletableFuture<?>) stage).isDone()) {
      return done((CompletableFuture<?>) stage);
    }
    CompletableFuture<Object> copy = new CompletableFuture<>();
    stage.whenComplete((value, error) -> {
      if (error != null) {
        copy.completeExceptionally(error);
      } else {
        copy.complete(value);
      }
    });
    return copy;
  }

  @SuppressWarnings("unchecked")
  private static CompletableFuture<Object> done(CompletableFuture<?> future) {
    return (CompletableFuture<Object>) future;
  }

  private GatewayResponse answer(Exchange ex, Object value, Throwable error) {
    Throwable cause = unwrap(error);
    if (cause == null) {
      try {
        return translate(value, ex.requestId());
      } catch (MalformedResponseException | ClassCastException e) {
        cause = e;
      }
    }
    if (cause instanceof TimeoutException) {
      LOG.warn("{}: no answer within {} ms, answering 504 (request {})", route.label(),
          TimeUnit.NANOSECONDS.toMillis(timeoutNanos), ex.requestId());
      return responses(ex).get(GatewayResponseType.INTEGRATION_TIMEOUT);
    }
    if (cause instanceof MalformedResponseException) {
      LOG.error("{}: malformed function response, answering 502 (request {}): {}", route.label(), ex.requestId(),
          cause.getMessage());
    } else {
      LOG.error("{}: function failed, answering 502 (request {})", route.label(), ex.requestId(), cause);
    }
    return responses(ex).get(GatewayResponseType.BAD_GATEWAY);
  }

  private GatewayResponse translate(Object value, String requestId) throws MalformedResponseException {
    switch (integration.payloadFormat()) {
      case V1_0:
        return ResponsesV1.translate((ProxyResponseV1) value, requestId);
      case V2_0:
        return ResponsesV2.translate(value, requestId);
      default:
        // AWS lets a WebSocket function return nothing: the event was handled
        return value == null ? GatewayResponse.builder(200).build()
            : ResponsesV1.translate((ProxyResponseV1) value, requestId);
    }
  }

  private static GatewayResponses responses(Exchange ex) {
    return ex.api().responses();
  }

  private static Throwable unwrap(Throwable error) {
    Throwable cause = error;
    while (cause instanceof CompletionException && cause.getCause() != null) {
      cause = cause.getCause();
    }
    if (cause instanceof HandlerFailure) {
      cause = cause.getCause();
    }
    return cause;
  }

  private interface Call {
    Object run() throws Exception;
  }

  private static Object call(Call call) {
    try {
      return call.run();
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new HandlerFailure(e);
    }
  }

  /** Carries a checked exception out of a supplier; unwrapped before logging. */
  private static final class HandlerFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    HandlerFailure(Exception cause) {
      super(cause);
    }
  }
}
