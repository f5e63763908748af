package dev.gatehouse.websocket;

import dev.gatehouse.GatewayResponse;
import dev.gatehouse.Headers;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * The gateway's answer to a WebSocket upgrade request, from {@code Gateway.upgrade(request)}:
 * refused, with the HTTP response the handshake must get instead (the {@code $connect} route's
 * status, an authorizer's 401 or 403, 404 for no WebSocket API there); or accepted, in which case
 * the transport completes the handshake with {@link #responseHeaders()}, then calls
 * {@link #open(WebSocketChannel)} — or {@link #abandon()} if the handshake could not complete.
 *
 * <pre>{@code
 * gateway.upgrade(request).thenAccept(upgrade -> {
 *   if (!upgrade.isAccepted()) {
 *     respond(upgrade.refusal());
 *   }
 * });
 * }</pre>
 */
public final class WebSocketUpgrade {
  private final GatewayResponse refusal;
  private final Headers responseHeaders;
  private final int maxMessageBytes;
  private final Duration idleTimeout;
  private final Function<WebSocketChannel, WebSocketSession> opener;
  private final Runnable abandoner;
  private final AtomicBoolean used = new AtomicBoolean();

  private WebSocketUpgrade(GatewayResponse refusal, Headers responseHeaders, int maxMessageBytes,
      Duration idleTimeout, Function<WebSocketChannel, WebSocketSession> opener, Runnable abandoner) {
    this.refusal = refusal;
    this.responseHeaders = responseHeaders;
    this.maxMessageBytes = maxMessageBytes;
    this.idleTimeout = idleTimeout;
    this.opener = opener;
    this.abandoner = abandoner;
  }

  /** An upgrade answered with {@code response} instead of a connection. */
  public static WebSocketUpgrade refused(GatewayResponse response) {
    return new WebSocketUpgrade(Objects.requireNonNull(response, "response"), Headers.empty(), 0, Duration.ZERO,
        null, null);
  }

  /**
   * An accepted upgrade.
   *
   * @param responseHeaders headers the handshake's 101 answer carries, such as {@code Sec-WebSocket-Protocol}
   * @param maxMessageBytes the largest message the transport may deliver; larger ones close with 1009
   * @param idleTimeout how long the gateway lets the connection idle; the transport's own idle timeout
   *     must not be shorter
   * @param opener called once with the open connection's channel
   * @param abandoner called instead of {@code opener} when the handshake could not complete
   */
  public static WebSocketUpgrade accepted(Headers responseHeaders, int maxMessageBytes, Duration idleTimeout,
      Function<WebSocketChannel, WebSocketSession> opener, Runnable abandoner) {
    return new WebSocketUpgrade(null, Objects.requireNonNull(responseHeaders, "responseHeaders"), maxMessageBytes,
        Objects.requireNonNull(idleTimeout, "idleTimeout"), Objects.requireNonNull(opener, "opener"),
        Objects.requireNonNull(abandoner, "abandoner"));
  }

  public boolean isAccepted() {
    return refusal == null;
  }

  /** The HTTP response for a refused upgrade; {@code null} when accepted. */
  public GatewayResponse refusal() {
    return refusal;
  }

  /** Headers for the 101 answer of an accepted upgrade. */
  public Headers responseHeaders() {
    return responseHeaders;
  }

  /** The subprotocol the {@code $connect} route chose ({@code Sec-WebSocket-Protocol}), or {@code null}. */
  public String subprotocol() {
    return responseHeaders.first("Sec-WebSocket-Protocol");
  }

  /** The largest message, in bytes, the connection may receive. */
  public int maxMessageBytes() {
    return maxMessageBytes;
  }

  /** How long the gateway lets the connection idle before it closes it. */
  public Duration idleTimeout() {
    return idleTimeout;
  }

  /**
   * The handshake completed: the connection exists from now on.
   *
   * @throws IllegalStateException if the upgrade was refused, or already opened or abandoned
   */
  public WebSocketSession open(WebSocketChannel channel) {
    claim();
    return opener.apply(Objects.requireNonNull(channel, "channel"));
  }

  /** The handshake could not complete (the client left first); the gateway forgets the connection. */
  public void abandon() {
    if (refusal == null && used.compareAndSet(false, true)) {
      abandoner.run();
    }
  }

  private void claim() {
    if (refusal != null) {
      throw new IllegalStateException("a refused upgrade cannot open a connection");
    }
    if (!used.compareAndSet(false, true)) {
      throw new IllegalStateException("this upgrade was already opened or abandoned");
    }
  }
}
