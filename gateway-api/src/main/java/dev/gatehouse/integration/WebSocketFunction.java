package dev.gatehouse.integration;

import dev.gatehouse.event.ProxyResponseV1;
import dev.gatehouse.event.WebSocketEvent;

/**
 * A blocking WebSocket route handler, run on the gateway's handler executor. It answers with a
 * {@link ProxyResponseV1} (AWS's {@code APIGatewayV2WebSocketResponse} has the same fields) or
 * {@code null} for a plain 200: on {@code $connect} a status outside 2xx refuses the connection; on
 * a route with a route response the body goes back to the caller. An exception becomes AWS's
 * {@code Internal server error} (a refused connection on {@code $connect}).
 */
@FunctionalInterface
public interface WebSocketFunction {
  ProxyResponseV1 handle(WebSocketEvent event) throws Exception;
}
