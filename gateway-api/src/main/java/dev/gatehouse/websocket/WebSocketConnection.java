package dev.gatehouse.websocket;

import java.time.Instant;
import java.util.Objects;

/**
 * What {@code @connections} tells about one open connection, as AWS's {@code GetConnection}.
 *
 * @param connectionId the connection's ID
 * @param connectedAt when the handshake completed
 * @param lastActiveAt when the client last sent a message (the connect time until it does)
 * @param sourceIp the client's address
 * @param userAgent the client's {@code User-Agent}, or {@code null}
 */
public record WebSocketConnection(String connectionId, Instant connectedAt, Instant lastActiveAt, String sourceIp,
    String userAgent) {
  public WebSocketConnection {
    Objects.requireNonNull(connectionId, "connectionId");
    Objects.requireNonNull(connectedAt, "connectedAt");
    Objects.requireNonNull(lastActiveAt, "lastActiveAt");
  }
}
