package dev.gatehouse.runtime.internal.websocket;

import dev.gatehouse.GatewayRequest;

/**
 * What a WebSocket event's exchange carries besides the request: the connection and the event, as
 * the function event and the route's answer need them.
 *
 * @param eventType {@code CONNECT}, {@code MESSAGE} or {@code DISCONNECT}
 * @param connectionId the connection's ID
 * @param connectedAt when the connection opened (for {@code CONNECT}: now), epoch milliseconds
 * @param upgrade the upgrade request, whose headers and query connect and disconnect events carry
 * @param messageId the message's ID, or {@code null}
 * @param body the message, or {@code null}
 * @param binary whether the message came as a binary frame
 * @param disconnectStatusCode the close status for {@code DISCONNECT}, else {@code null}
 * @param disconnectReason the close reason for {@code DISCONNECT}, else {@code null}
 */
public record WebSocketCall(String eventType, String connectionId, long connectedAt, GatewayRequest upgrade,
    String messageId, byte[] body, boolean binary, Integer disconnectStatusCode, String disconnectReason) {
  public static final String CONNECT = "CONNECT";
  public static final String MESSAGE = "MESSAGE";
  public static final String DISCONNECT = "DISCONNECT";

  static WebSocketCall connect(String connectionId, long connectedAt, GatewayRequest upgrade) {
    return new WebSocketCall(CONNECT, connectionId, connectedAt, upgrade, null, null, false, null, null);
  }

  static WebSocketCall message(Connection connection, String messageId, byte[] body, boolean binary) {
    return new WebSocketCall(MESSAGE, connection.id(), connection.connectedAt(), connection.upgrade(), messageId,
        body, binary, null, null);
  }

  static WebSocketCall disconnect(Connection connection, int statusCode, String reason) {
    return new WebSocketCall(DISCONNECT, connection.id(), connection.connectedAt(), connection.upgrade(), null, null,
        false, statusCode, reason == null ? "" : reason);
  }
}
