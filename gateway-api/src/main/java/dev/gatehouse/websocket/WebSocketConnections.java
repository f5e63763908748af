package dev.gatehouse.websocket;

import java.util.concurrent.CompletionStage;

/**
 * AWS's {@code @connections} for one WebSocket API stage, in process: send to a connected client,
 * look one up, or disconnect it. Obtained from {@code gateway.connections(api, stage)}; thread-safe.
 * A failed stage carries a {@link ConnectionException}: {@code GONE} for a closed or unknown
 * connection, {@code PAYLOAD_TOO_LARGE} above the API's message limit, {@code LIMIT_EXCEEDED} when
 * the client's send buffer is full (the message is then not sent, and the failure is counted).
 *
 * <pre>{@code
 * WebSocketConnections connections = gateway.connections("chat", "prod");
 * connections.post(connectionId, "{\"text\":\"hello\"}");
 * }</pre>
 */
public interface WebSocketConnections {
  /** Sends a text message; completes once the connection's transport has taken it. */
  CompletionStage<Void> post(String connectionId, String text);

  /** Sends a binary message; completes once the connection's transport has taken it. */
  CompletionStage<Void> post(String connectionId, byte[] data);

  /** The connection's facts. */
  CompletionStage<WebSocketConnection> get(String connectionId);

  /** Closes the connection (status 1000); its {@code $disconnect} route runs as for any close. */
  CompletionStage<Void> delete(String connectionId);

  /**
   * Messages the gateway refused to send since it started, in every API, because a client was not
   * reading and its send buffer was full.
   */
  long refusedSends();
}
