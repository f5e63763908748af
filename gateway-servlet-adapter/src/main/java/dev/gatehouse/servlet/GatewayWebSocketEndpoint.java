package dev.gatehouse.servlet;

import dev.gatehouse.websocket.WebSocketSession;
import dev.gatehouse.websocket.WebSocketUpgrade;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.Extension;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpointConfig;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The Jakarta WebSocket endpoint of one connection the gateway accepted: it opens the
 * {@link WebSocketUpgrade} with a channel over the session's async remote and hands every whole
 * message and the close to the gateway's {@link WebSocketSession}. {@link GatewayServlet} creates
 * one per connection; the container calls it from its I/O threads. It is public only because Jetty
 * refuses endpoint classes that are not; applications never create it.
 */
public final class GatewayWebSocketEndpoint extends Endpoint {
  private static final System.Logger LOG = System.getLogger(GatewayServlet.class.getName());
  /**
   * How much longer than the gateway the container lets a connection idle: the gateway closes an
   * idle connection itself, with its own code and its {@code $disconnect} route, and the container
   * (Jetty's default is 30 s) must not cut it first.
   */
  private static final Duration IDLE_SLACK = Duration.ofMinutes(1);
  private static final int TOO_BIG = CloseReason.CloseCodes.TOO_BIG.getCode();
  /**
   * How long Tomcat may wait to send the close frame of a connection it fails (a protocol error, a
   * message over the limit) while an earlier message is still being written. Its default, 50 ms, is
   * one turn of the loop in which it lets that write finish, so a close right after an echo often
   * goes out as a bare TCP close, and the client never reads its 1002 or 1009. A second still bounds
   * how long a container thread waits, as Tomcat's 20-second timeout for a normal close does, only
   * more tightly. Other containers ignore the property.
   */
  private static final String TOMCAT_ABNORMAL_CLOSE_SEND_TIMEOUT =
      "org.apache.tomcat.websocket.ABNORMAL_SESSION_CLOSE_SEND_TIMEOUT";
  private static final Long ABNORMAL_CLOSE_SEND_MILLIS = 1_000L;

  private final WebSocketUpgrade upgrade;
  private final AtomicBoolean closeReported = new AtomicBoolean();
  private final AtomicBoolean errorLogged = new AtomicBoolean();
  private volatile AsyncRemoteChannel channel;
  private volatile WebSocketSession gatewaySession;
  /** Set by onClose, so that a close that overtakes onOpen is still reported once it ends. */
  private volatile CloseReason closedWith;

  GatewayWebSocketEndpoint(WebSocketUpgrade upgrade) {
    this.upgrade = upgrade;
  }

  @Override
  public void onOpen(Session session, EndpointConfig config) {
    int maxBytes = upgrade.maxMessageBytes();
    AsyncRemoteChannel opened;
    WebSocketSession gateway;
    try {
      session.setMaxTextMessageBufferSize(maxBytes);
      session.setMaxBinaryMessageBufferSize(maxBytes);
      session.setMaxIdleTimeout(containerIdleMillis(upgrade.idleTimeout()));
      session.getUserProperties().put(TOMCAT_ABNORMAL_CLOSE_SEND_TIMEOUT, ABNORMAL_CLOSE_SEND_MILLIS);
      opened = new AsyncRemoteChannel(session);
    } catch (RuntimeException e) {
      upgrade.abandon();
      throw e;
    }
    channel = opened;
    try {
      gateway = upgrade.open(opened);
    } catch (RuntimeException e) {
      LOG.log(Level.ERROR, "the gateway failed to open WebSocket session " + session.getId(), e);
      opened.close(CloseReason.CloseCodes.UNEXPECTED_CONDITION.getCode(), "Internal server error");
      return;
    }
    gatewaySession = gateway;
    // the gateway may close the connection from inside upgrade.open (a post racing the open, a delete):
    // the container's onClose may then have run before gatewaySession was set
    reportClose(gateway, closedWith);
    session.addMessageHandler(String.class, (MessageHandler.Whole<String>) text -> {
      // Tomcat sizes its text buffer in chars, and a char is up to 3 UTF-8 bytes
      if (text.length() > maxBytes / 3 && AsyncRemoteChannel.Utf8.length(text) > maxBytes) {
        opened.close(TOO_BIG, "Message too big");
        return;
      }
      deliver(session, () -> gateway.onText(text));
    });
    session.addMessageHandler(ByteBuffer.class, (MessageHandler.Whole<ByteBuffer>) data -> {
      // the container may reuse its buffer once the handler returns; the gateway keeps this one
      ByteBuffer copy = ByteBuffer.allocate(data.remaining()).put(data).flip();
      deliver(session, () -> gateway.onBinary(copy));
    });
  }

  /**
   * Hands a message to the gateway. Its session must not throw; if it does, that is a bug worth a
   * stack trace, and the connection closes with 1011 rather than reaching the container's onError,
   * which is left to the client's own faults.
   */
  private void deliver(Session session, Runnable delivery) {
    try {
      delivery.run();
    } catch (RuntimeException e) {
      LOG.log(Level.ERROR, "the gateway failed on a message of WebSocket session " + session.getId(), e);
      channel.close(CloseReason.CloseCodes.UNEXPECTED_CONDITION.getCode(), "Internal server error");
    }
  }

  @Override
  public void onClose(Session session, CloseReason closeReason) {
    AsyncRemoteChannel opened = channel;
    if (opened != null) {
      opened.closed();
    }
    closedWith = closeReason;
    reportClose(gatewaySession, closeReason);
  }

  private void reportClose(WebSocketSession gateway, CloseReason reason) {
    if (gateway != null && reason != null && closeReported.compareAndSet(false, true)) {
      gateway.onClose(reason.getCloseCode().getCode(), reason.getReasonPhrase());
    }
  }

  @Override
  public void onError(Session session, Throwable failure) {
    // what reaches here is the connection's or the client's fault (a lost connection, a protocol
    // error, a message over the limit): the container closes, onClose tells the gateway, and the
    // gateway counts it, so one line at DEBUG is enough
    if (errorLogged.compareAndSet(false, true)) {
      LOG.log(Level.DEBUG, "WebSocket session " + session.getId() + " failed", failure);
    }
  }

  private static long containerIdleMillis(Duration gatewayIdle) {
    if (gatewayIdle.isZero() || gatewayIdle.isNegative()) {
      return 0;
    }
    try {
      return gatewayIdle.plus(IDLE_SLACK).toMillis();
    } catch (ArithmeticException e) {
      return 0;
    }
  }

  /**
   * Creates the endpoint for one accepted upgrade and shapes its handshake: the subprotocol the
   * gateway chose, the gateway's other 101 headers, and extensions as the container offers them.
   * Every method is overridden, so that none falls back to the platform default configurator,
   * which Jakarta loads once per JVM from whichever container comes first on the class path.
   */
  static final class Configurator extends ServerEndpointConfig.Configurator {
    /** Fields the container writes for the handshake itself. */
    private static final Set<String> HANDSHAKE_FIELDS = Set.of("upgrade", "connection", "sec-websocket-accept",
        "sec-websocket-protocol", "sec-websocket-extensions", "content-length", "transfer-encoding");

    private final WebSocketUpgrade upgrade;

    Configurator(WebSocketUpgrade upgrade) {
      this.upgrade = upgrade;
    }

    @Override
    public <T> T getEndpointInstance(Class<T> endpointClass) throws InstantiationException {
      if (!endpointClass.isAssignableFrom(GatewayWebSocketEndpoint.class)) {
        throw new InstantiationException("endpoint class: " + endpointClass.getName()
            + " (expected: " + GatewayWebSocketEndpoint.class.getName() + ")");
      }
      return endpointClass.cast(new GatewayWebSocketEndpoint(upgrade));
    }

    @Override
    public String getNegotiatedSubprotocol(List<String> supported, List<String> requested) {
      String chosen = upgrade.subprotocol();
      return chosen != null && requested.contains(chosen) ? chosen : "";
    }

    @Override
    public List<Extension> getNegotiatedExtensions(List<Extension> installed, List<Extension> requested) {
      Set<String> names = new HashSet<>();
      installed.forEach(extension -> names.add(extension.getName()));
      List<Extension> negotiated = new ArrayList<>();
      for (Extension extension : requested) {
        if (names.contains(extension.getName())) {
          negotiated.add(extension);
        }
      }
      return negotiated;
    }

    @Override
    public boolean checkOrigin(String originHeaderValue) {
      // whether an origin may connect is the $connect route's decision, already taken
      return true;
    }

    @Override
    public void modifyHandshake(ServerEndpointConfig config, HandshakeRequest request, HandshakeResponse response) {
      upgrade.responseHeaders().forEach((name, value) -> {
        if (!HANDSHAKE_FIELDS.contains(name.toLowerCase(Locale.ROOT))) {
          response.getHeaders().computeIfAbsent(name, key -> new ArrayList<>()).add(value);
        }
      });
    }
  }
}
