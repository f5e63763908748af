package dev.gatehouse.runtime.internal.websocket;

import dev.gatehouse.websocket.WebSocketConnection;
import dev.gatehouse.websocket.WebSocketConnections;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.concurrent.CompletionStage;

/** {@code @connections} of one WebSocket API stage, in process. */
final class StageConnections implements WebSocketConnections {
  private final WebSocketRuntime runtime;
  private final String api;
  private final String stage;

  StageConnections(WebSocketRuntime runtime, String api, String stage) {
    this.runtime = runtime;
    this.api = api;
    this.stage = stage;
  }

  @Override
  public CompletionStage<Void> post(String connectionId, String text) {
    return runtime.post(api, stage, connectionId, Objects.requireNonNull(text, "text").getBytes(StandardCharsets.UTF_8),
        true);
  }

  @Override
  public CompletionStage<Void> post(String connectionId, byte[] data) {
    return runtime.post(api, stage, connectionId, Objects.requireNonNull(data, "data").clone(), false);
  }

  @Override
  public CompletionStage<WebSocketConnection> get(String connectionId) {
    return runtime.get(api, stage, connectionId);
  }

  @Override
  public CompletionStage<Void> delete(String connectionId) {
    return runtime.delete(api, stage, connectionId);
  }

  @Override
  public long refusedSends() {
    return runtime.refusedSends();
  }
}
