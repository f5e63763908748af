package dev.gatehouse.websocket;

import dev.gatehouse.GatewayRequest;

/**
 * Decides who may call a WebSocket API's HTTP {@code @connections} endpoint
 * ({@code POST|GET|DELETE {mount}/{stage}/@connections/{id}}). AWS guards it with IAM; until
 * Gatehouse verifies SigV4, the application decides. The endpoint is off unless a guard is set;
 * a refused call gets 403 {@code ForbiddenException}.
 *
 * <pre>{@code
 * .connectionsEndpoint(request -> "demo-admin-token".equals(request.headers().first("x-admin-token")))
 * }</pre>
 */
@FunctionalInterface
public interface ConnectionsGuard {
  /** Whether {@code request} may manage connections. Called on the request's thread: must not block. */
  boolean allows(GatewayRequest request);
}
