package dev.gatehouse;

import dev.gatehouse.websocket.ConnectionsGuard;
import dev.gatehouse.websocket.RouteSelectionExpression;
import java.time.Duration;
import java.util.Objects;

/**
 * A WebSocket API's own settings: how messages find their route, and the limits AWS sets (each
 * may be raised here, which AWS does not allow).
 *
 * <pre>{@code
 * Gateway.builder().webSocketApi("chat", ws -> ws
 *     .stage("prod")
 *     .routeSelectionExpression("$request.body.action")
 *     .idleTimeout(Duration.ofMinutes(30))
 *     .route("sendMessage", Integrations.webSocketFunction(Chat::send)))
 * }</pre>
 *
 * @param routeSelectionExpression picks a message's route key, such as {@code $request.body.action}
 * @param idleTimeout a connection without a message from its client for this long is closed (1001);
 *     AWS's 10 minutes by default
 * @param maxConnectionDuration a connection is closed (1001) after this long; AWS's 2 hours by default
 * @param maxMessageBytes the largest message in either direction; AWS's 128 KB by default. A larger
 *     incoming one closes the connection with 1009; a larger post fails with {@code PayloadTooLargeException}
 * @param sendBufferBytes how much may wait for a slow client; a send that would exceed it fails with
 *     {@code LimitExceededException} and is counted; 1 MiB by default, at least {@code maxMessageBytes}
 * @param messageThrottle each connection's own bucket for its messages, or {@code null} for none;
 *     a message past it gets AWS's error message and is not routed
 * @param connectionsEndpoint who may call the HTTP {@code @connections} endpoint, or {@code null}
 *     to leave it off (the in-process {@code gateway.connections(...)} is always there)
 */
public record WebSocketSettings(
    RouteSelectionExpression routeSelectionExpression,
    Duration idleTimeout,
    Duration maxConnectionDuration,
    int maxMessageBytes,
    long sendBufferBytes,
    Throttle messageThrottle,
    ConnectionsGuard connectionsEndpoint) {

  /** AWS's idle connection timeout. */
  public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofMinutes(10);
  /** AWS's connection duration limit. */
  public static final Duration DEFAULT_MAX_CONNECTION_DURATION = Duration.ofHours(2);
  /** AWS's message payload limit: 128 KB. */
  public static final int DEFAULT_MAX_MESSAGE_BYTES = 128 * 1024;
  /** Room for eight full-size messages waiting for a slow client. */
  public static final long DEFAULT_SEND_BUFFER_BYTES = 1024 * 1024;

  public WebSocketSettings {
    Objects.requireNonNull(routeSelectionExpression, "routeSelectionExpression");
    Objects.requireNonNull(idleTimeout, "idleTimeout");
    Objects.requireNonNull(maxConnectionDuration, "maxConnectionDuration");
  }

  /** Collects a WebSocket API's settings, through {@link ApiDefinition.Builder}; not thread-safe. */
  static final class Builder {
    /** Stands in for settings that failed their checks, in a definition that is then refused. */
    static final WebSocketSettings UNUSABLE = new WebSocketSettings(RouteSelectionExpression.parse("\\$default"),
        DEFAULT_IDLE_TIMEOUT, DEFAULT_MAX_CONNECTION_DURATION, DEFAULT_MAX_MESSAGE_BYTES, DEFAULT_SEND_BUFFER_BYTES,
        null, null);

    String routeSelectionExpression;
    Duration idleTimeout = DEFAULT_IDLE_TIMEOUT;
    Duration maxConnectionDuration = DEFAULT_MAX_CONNECTION_DURATION;
    int maxMessageBytes = DEFAULT_MAX_MESSAGE_BYTES;
    long sendBufferBytes = DEFAULT_SEND_BUFFER_BYTES;
    Throttle messageThrottle;
    ConnectionsGuard connectionsEndpoint;
    /** Whether any option was set, to refuse them on REST and HTTP APIs. */
    boolean touched;

    static Builder of(WebSocketSettings settings) {
      Builder builder = new Builder();
      builder.routeSelectionExpression = settings.routeSelectionExpression().text();
      builder.idleTimeout = settings.idleTimeout();
      builder.maxConnectionDuration = settings.maxConnectionDuration();
      builder.maxMessageBytes = settings.maxMessageBytes();
      builder.sendBufferBytes = settings.sendBufferBytes();
      builder.messageThrottle = settings.messageThrottle();
      builder.connectionsEndpoint = settings.connectionsEndpoint();
      builder.touched = true;
      return builder;
    }

    WebSocketSettings collect(Problems problems) {
      RouteSelectionExpression expression = null;
      if (routeSelectionExpression == null) {
        problems.add("routeSelectionExpression", null, "an expression such as $request.body.action");
      } else {
        try {
          expression = RouteSelectionExpression.parse(routeSelectionExpression);
        } catch (IllegalArgumentException e) {
          problems.add("routeSelectionExpression", routeSelectionExpression, e.getMessage());
        }
      }
      checkPositive(problems, "idleTimeout", idleTimeout);
      checkPositive(problems, "maxConnectionDuration", maxConnectionDuration);
      if (maxMessageBytes <= 0) {
        problems.add("maxMessageBytes", maxMessageBytes, "> 0");
      }
      if (sendBufferBytes < maxMessageBytes) {
        problems.add("sendBufferBytes", sendBufferBytes, ">= maxMessageBytes (" + maxMessageBytes
            + "), or the largest message could never be sent");
      }
      if (messageThrottle != null) {
        messageThrottle.check(problems, "messageThrottle");
      }
      if (expression == null || idleTimeout == null || maxConnectionDuration == null) {
        return null;
      }
      return new WebSocketSettings(expression, idleTimeout, maxConnectionDuration, maxMessageBytes, sendBufferBytes,
          messageThrottle, connectionsEndpoint);
    }

    private static void checkPositive(Problems problems, String field, Duration value) {
      if (value == null || value.isNegative() || value.isZero()) {
        problems.add(field, value, "a positive duration");
      }
    }
  }
}
