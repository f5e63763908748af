package dev.gatehouse.event;

import java.util.List;
import java.util.Map;

/**
 * The event a WebSocket API's function receives, with AWS's field names: one per connect, message
 * and disconnect. Headers and the query string come with {@code $connect} only (and are repeated on
 * {@code $disconnect}, as AWS does); {@code body} with messages only.
 *
 * @param headers the upgrade request's headers, repeated ones joined with commas; or {@code null}
 * @param multiValueHeaders the upgrade request's headers, every value; or {@code null}
 * @param queryStringParameters the upgrade request's query, last value of each; or {@code null}
 * @param multiValueQueryStringParameters the upgrade request's query, every value; or {@code null}
 * @param stageVariables the stage's variables, or {@code null}
 * @param requestContext the connection and this event
 * @param body the message as text, or base64 for a binary one; {@code null} without a message
 * @param isBase64Encoded whether {@code body} is base64
 */
public record WebSocketEvent(
    Map<String, String> headers,
    Map<String, List<String>> multiValueHeaders,
    Map<String, String> queryStringParameters,
    Map<String, List<String>> multiValueQueryStringParameters,
    Map<String, String> stageVariables,
    RequestContext requestContext,
    String body,
    boolean isBase64Encoded) {

  /**
   * The {@code requestContext} of a WebSocket event.
   *
   * @param routeKey the route that takes the event: {@code $connect}, {@code $disconnect},
   *     {@code $default} or a custom key
   * @param eventType {@code CONNECT}, {@code MESSAGE} or {@code DISCONNECT}
   * @param messageId the message's ID; {@code null} for connect and disconnect
   * @param extendedRequestId as {@code requestId}
   * @param requestTime the event's time in CLF format
   * @param messageDirection always {@code IN}
   * @param stage the stage name
   * @param connectedAt when the connection opened, epoch milliseconds
   * @param requestTimeEpoch the event's time, epoch milliseconds
   * @param identity the client
   * @param requestId the event's ID
   * @param domainName the host the client connected to
   * @param connectionId the connection's ID, the one {@code @connections} takes
   * @param apiId the API's name
   * @param authorizer what the {@code $connect} authorizer returned, on every event of the
   *     connection; or {@code null}
   * @param disconnectStatusCode the close status on {@code DISCONNECT}, else {@code null}
   * @param disconnectReason the close reason on {@code DISCONNECT}, else {@code null}
   */
  public record RequestContext(
      String routeKey,
      String eventType,
      String messageId,
      String extendedRequestId,
      String requestTime,
      String messageDirection,
      String stage,
      long connectedAt,
      long requestTimeEpoch,
      Identity identity,
      String requestId,
      String domainName,
      String connectionId,
      String apiId,
      Map<String, Object> authorizer,
      Integer disconnectStatusCode,
      String disconnectReason) {}

  /**
   * The client of a WebSocket event.
   *
   * @param sourceIp the client's address
   * @param userAgent its {@code User-Agent}, or {@code null}
   */
  public record Identity(String sourceIp, String userAgent) {}
}
