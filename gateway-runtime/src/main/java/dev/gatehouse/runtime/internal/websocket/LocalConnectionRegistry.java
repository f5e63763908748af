package dev.gatehouse.runtime.internal.websocket;

import dev.gatehouse.spi.ConnectionRegistry;
import dev.gatehouse.websocket.WebSocketConnection;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The default registry of a gateway that runs alone: no other instance holds connections, so a
 * connection this one does not hold is gone.
 */
final class LocalConnectionRegistry implements ConnectionRegistry {
  @Override
  public void start(Local local) {}

  @Override
  public CompletionStage<Void> connected(String api, String stage, WebSocketConnection connection) {
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public CompletionStage<Void> disconnected(String api, String stage, String connectionId) {
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public CompletionStage<Void> post(String api, String stage, String connectionId, ByteBuffer data, boolean text) {
    return WebSocketRuntime.gone(connectionId);
  }

  @Override
  public CompletionStage<WebSocketConnection> get(String api, String stage, String connectionId) {
    return WebSocketRuntime.gone(connectionId);
  }

  @Override
  public CompletionStage<Void> delete(String api, String stage, String connectionId) {
    return WebSocketRuntime.gone(connectionId);
  }
}
