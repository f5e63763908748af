package dev.gatehouse.runtime.internal.pipeline;

import dev.gatehouse.ApiType;
import dev.gatehouse.GatewayResponse;
import dev.gatehouse.GatewayResponseType;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * What a deployment asks of the WebSocket runtime, which outlives it: an answer to HTTP requests
 * that reached a WebSocket API's URL ({@code @connections}, or 403), and to upgrade requests.
 * Each step passes requests for other APIs on.
 *
 * @param requests runs after the API and stage are known, before routing, for every HTTP request
 * @param connect runs in the same place for upgrade requests
 */
public record WebSocketSteps(Step requests, Step connect) {
  /** For a gateway that serves no WebSocket APIs: their URLs answer 403 {@code Forbidden}. */
  public static final WebSocketSteps NONE = new WebSocketSteps(WebSocketSteps::forbidden, WebSocketSteps::forbidden);

  private static CompletionStage<GatewayResponse> forbidden(Exchange ex,
      Step.Next next) {
    if (ex.api().definition().type() != ApiType.WEBSOCKET) {
      return next.proceed(ex);
    }
    return CompletableFuture.completedFuture(ex.api().responses().get(GatewayResponseType.FORBIDDEN));
  }
}
