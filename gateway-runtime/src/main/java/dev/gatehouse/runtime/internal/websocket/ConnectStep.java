package dev.gatehouse.runtime.internal.websocket;

import dev.gatehouse.ApiType;
import dev.gatehouse.GatewayResponse;
import dev.gatehouse.GatewayResponseType;
import dev.gatehouse.RouteKey;
import dev.gatehouse.runtime.internal.pipeline.CompiledRoute;
import dev.gatehouse.runtime.internal.pipeline.Exchange;
import dev.gatehouse.runtime.internal.pipeline.Step;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * An upgrade request at a WebSocket API's stage URL: a new connection ID, then the {@code $connect}
 * route (its guards, then its integration), whose 2xx accepts the connection. Without a
 * {@code $connect} route every upgrade is accepted, as in AWS. Upgrades at other APIs pass on.
 */
final class ConnectStep implements Step {
  private final WebSocketRuntime runtime;

  ConnectStep(WebSocketRuntime runtime) {
    this.runtime = runtime;
  }

  @Override
  public CompletionStage<GatewayResponse> apply(Exchange ex, Next next) {
    if (ex.api().definition().type() != ApiType.WEBSOCKET) {
      return next.proceed(ex);
    }
    if (ex.segments().size() != ex.stageSegments() || !"GET".equals(ex.request().method())) {
      // a WebSocket API is reached at its stage URL only
      return CompletableFuture.completedFuture(ex.api().responses().get(GatewayResponseType.FORBIDDEN));
    }
    CompiledRoute route = ex.api().route(RouteKey.CONNECT);
    ex.routeWebSocket(ex.api(), ex.stage(), route,
        WebSocketCall.connect(runtime.newConnectionId(), ex.receivedAtMillis(), ex.request()));
    return route == null ? CompletableFuture.completedFuture(GatewayResponse.builder(200).build()) : route.run(ex);
  }
}
