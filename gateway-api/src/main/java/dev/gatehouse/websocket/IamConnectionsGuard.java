package dev.gatehouse.websocket;

import dev.gatehouse.GatewayRequest;

/** The marker {@link ConnectionsGuard#iam()} returns; the runtime recognises it and verifies SigV4. */
enum IamConnectionsGuard implements ConnectionsGuard {
  INSTANCE;

  @Override
  public boolean allows(GatewayRequest request) {
    return false;
  }

  @Override
  public String toString() {
    return "ConnectionsGuard.iam()";
  }
}
