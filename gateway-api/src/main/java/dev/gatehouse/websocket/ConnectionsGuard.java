package dev.gatehouse.websocket;

import dev.gatehouse.GatewayRequest;

/**
 * Decides who may call a WebSocket API's HTTP {@code @connections} endpoint
 * ({@code POST|GET|DELETE {mount}/{stage}/@connections/{id}}). AWS guards it with IAM, which
 * {@link #iam()} does too; any other guard is the application's own check. The endpoint is off unless
 * a guard is set; a refused call gets 403 {@code ForbiddenException}.
 *
 * <pre>{@code
 * .connectionsEndpoint(request -> "demo-admin-token".equals(request.headers().first("x-admin-token")))
 * }</pre>
 */
@FunctionalInterface
public interface ConnectionsGuard {
  /** Whether {@code request} may manage connections. Called on the request's thread: must not block. */
  boolean allows(GatewayRequest request);

  /**
   * AWS's guard: callers sign with SigV4, as AWS's {@code ApiGatewayManagementApi} clients do, and
   * their policies must allow {@code execute-api:ManageConnections} on
   * {@code arn:aws:execute-api:{region}:{account}:{api}/{stage}/{METHOD}/@connections/{id}}. It needs
   * the gateway's {@code iam(...)} settings; the runtime checks the signature itself, so this guard's
   * own {@link #allows} refuses everyone.
   *
   * <pre>{@code
   * .connectionsEndpoint(ConnectionsGuard.iam())
   * }</pre>
   */
  static ConnectionsGuard iam() {
    return IamConnectionsGuard.INSTANCE;
  }
}
