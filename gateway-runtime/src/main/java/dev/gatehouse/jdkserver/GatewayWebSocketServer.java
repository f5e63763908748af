package dev.gatehouse.jdkserver;

import dev.gatehouse.Gateway;
import dev.gatehouse.GatewayRequest;
import dev.gatehouse.GatewayResponseType;
import dev.gatehouse.websocket.WebSocketUpgrade;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedSelectorException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.java_websocket.WebSocket;
import org.java_websocket.WebSocketAdapter;
import org.java_websocket.WebSocketImpl;
import org.java_websocket.drafts.Draft;
import org.java_websocket.exceptions.InvalidDataException;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.handshake.ServerHandshakeBuilder;
import org.java_websocket.server.DefaultWebSocketServerFactory;
import org.java_websocket.server.WebSocketServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Java-WebSocket server behind {@link JdkWebSocketServer}: decides each handshake with
 * {@link Gateway#upgrade} and bridges each accepted connection to its {@link JwsConnection}.
 */
final class GatewayWebSocketServer extends WebSocketServer {
  private static final Logger log = LoggerFactory.getLogger(GatewayWebSocketServer.class);
  private static final String GOING_AWAY = "Going away";

  private final Gateway gateway;
  private final HandshakeTranslator translator;
  private final int maxMessageBytes;
  private final Duration handshakeTimeout;
  private final TrackingFactory factory = new TrackingFactory();
  private final CompletableFuture<Void> started = new CompletableFuture<>();
  private final AtomicBoolean ceilingWarned = new AtomicBoolean();

  GatewayWebSocketServer(InetSocketAddress address, int decoderThreads, String mountPath, Gateway gateway,
      int maxMessageBytes, Duration handshakeTimeout) {
    super(address, decoderThreads, List.<Draft>of(new GatewayDraft(maxMessageBytes)));
    this.gateway = gateway;
    this.translator = new HandshakeTranslator(mountPath);
    this.maxMessageBytes = maxMessageBytes;
    this.handshakeTimeout = handshakeTimeout;
    setTcpNoDelay(true);
    setWebSocketFactory(factory);
  }

  /** Completes when the port is bound, or fails with why it could not be. */
  CompletableFuture<Void> started() {
    return started;
  }

  /**
   * Sends 1001 "Going away" to every open connection, waits up to {@code timeout} for the server's
   * thread to end, then closes what is left: Java-WebSocket leaves the sockets of clients that did
   * not answer the close, and of those still in their handshake, open.
   */
  void shutdown(Duration timeout) throws InterruptedException {
    // stop() closes the connections while its selector thread may already be closing the selector
    // (seen with a thousand connections: ClosedSelectorException); closed first, they are not written to again
    for (WebSocket connection : getConnections()) {
      connection.close(CloseFrame.GOING_AWAY, GOING_AWAY);
    }
    try {
      // at least 1 ms: Java-WebSocket joins its thread with this, and 0 would wait for ever
      stop((int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis())), GOING_AWAY);
    } catch (ClosedSelectorException e) {
      log.debug("the selector closed while connections were closing; closing the rest below", e);
    } finally {
      for (WebSocketImpl socket : factory.sockets) {
        socket.closeConnection(CloseFrame.GOING_AWAY, GOING_AWAY, false);
      }
    }
  }

  @Override
  public ServerHandshakeBuilder onWebsocketHandshakeReceivedAsServer(WebSocket conn, Draft draft,
      ClientHandshake handshake) throws InvalidDataException {
    ServerHandshakeBuilder response = super.onWebsocketHandshakeReceivedAsServer(conn, draft, handshake);
    WebSocketImpl socket = (WebSocketImpl) conn;
    InetSocketAddress remote = conn.getRemoteSocketAddress();
    String description = "GET " + path(handshake.getResourceDescriptor()) + " from "
        + HandshakeTranslator.sourceIp(remote);
    WebSocketUpgrade upgrade = decide(translator.translate(handshake, remote), handshake, description);
    if (!upgrade.isAccepted()) {
      ((GatewayDraft) draft).refuse(upgrade.refusal());
      return response;
    }
    if (upgrade.maxMessageBytes() > maxMessageBytes && ceilingWarned.compareAndSet(false, true)) {
      log.warn("The WebSocket API that accepted {} takes messages of {} bytes, but this server closes any message past "
          + "its ceiling of {} bytes with 1009; raise JdkWebSocketServer's maxMessageBytes", description,
          upgrade.maxMessageBytes(), maxMessageBytes);
    }
    upgrade.responseHeaders().toMultiMap().forEach((name, values) -> response.put(name, String.join(", ", values)));
    socket.setAttachment(new JwsConnection(socket, upgrade, description));
    return response;
  }

  private WebSocketUpgrade decide(GatewayRequest request, ClientHandshake handshake, String description) {
    if (request == null) {
      // outside the mount: no API here, and the gateway must not see a neighbour's paths
      return WebSocketUpgrade.refused(HandshakeTranslator.plain(GatewayResponseType.RESOURCE_NOT_FOUND));
    }
    String key = handshake.getFieldValue("Sec-WebSocket-Key");
    if (key == null || key.isBlank()) {
      // Java-WebSocket would fail the 101 after $connect had run; refuse before the gateway sees it
      return WebSocketUpgrade.refused(HandshakeTranslator.plain(GatewayResponseType.BAD_REQUEST));
    }
    CompletableFuture<WebSocketUpgrade> answer = new CompletableFuture<>();
    try {
      CompletionStage<WebSocketUpgrade> stage = gateway.upgrade(request);
      if (stage == null) {
        throw new IllegalStateException("gateway " + gateway.getClass().getName() + " returned null from upgrade");
      }
      stage.whenComplete((upgrade, failure) -> {
        if (failure != null) {
          answer.completeExceptionally(failure);
        } else {
          answer.complete(upgrade);
        }
      });
    } catch (RuntimeException e) {
      answer.completeExceptionally(e);
    }
    try {
      // Java-WebSocket decides the handshake synchronously on this decoder thread and offers no way
      // to answer later: the wait is bounded, and other connections of this decoder wait with it
      WebSocketUpgrade upgrade = answer.get(handshakeTimeout.toNanos(), TimeUnit.NANOSECONDS);
      if (upgrade == null) {
        throw new ExecutionException(new IllegalStateException("gateway completed upgrade with null"));
      }
      return upgrade;
    } catch (TimeoutException e) {
      log.warn("The gateway did not answer the WebSocket upgrade {} within {}; answering 504", description,
          handshakeTimeout);
      abandonWhenAnswered(answer);
      return WebSocketUpgrade.refused(HandshakeTranslator.plain(GatewayResponseType.INTEGRATION_TIMEOUT));
    } catch (InterruptedException e) {
      // the server is stopping
      Thread.currentThread().interrupt();
      abandonWhenAnswered(answer);
      return WebSocketUpgrade.refused(HandshakeTranslator.plain(GatewayResponseType.INTEGRATION_CIRCUIT_OPEN));
    } catch (ExecutionException e) {
      // Gateway.upgrade promises a normal completion; a broken promise is a bug worth one stack trace
      log.error("Gateway failed the WebSocket upgrade {}", description, e.getCause());
      return WebSocketUpgrade.refused(HandshakeTranslator.plain(GatewayResponseType.API_CONFIGURATION_ERROR));
    }
  }

  /** An answer that comes after the handshake was refused must not leave the gateway waiting for an open. */
  private static void abandonWhenAnswered(CompletableFuture<WebSocketUpgrade> answer) {
    answer.whenComplete((late, failure) -> {
      if (late != null) {
        late.abandon();
      }
    });
  }

  @Override
  public void onOpen(WebSocket conn, ClientHandshake handshake) {
    if (conn.getDraft() instanceof GatewayDraft && ((GatewayDraft) conn.getDraft()).isRefused()) {
      // the refusal is queued in place of the 101: close once it is written, without a close frame
      ((WebSocketImpl) conn).flushAndClose(CloseFrame.NEVER_CONNECTED, "handshake refused", false);
      return;
    }
    JwsConnection connection = conn.getAttachment();
    connection.open();
  }

  @Override
  public void onMessage(WebSocket conn, String message) {
    JwsConnection connection = conn.getAttachment();
    if (connection != null) {
      connection.onText(message);
    }
  }

  @Override
  public void onMessage(WebSocket conn, ByteBuffer message) {
    JwsConnection connection = conn.getAttachment();
    if (connection != null) {
      connection.onBinary(message);
    }
  }

  @Override
  public void onClose(WebSocket conn, int code, String reason, boolean remote) {
    JwsConnection connection = conn.getAttachment();
    if (connection != null) {
      connection.onClose(code, reason);
    }
  }

  @Override
  public void onError(WebSocket conn, Exception ex) {
    if (conn == null) {
      if (!started.completeExceptionally(ex)) {
        log.error("The WebSocket server at {} failed", getAddress(), ex);
      }
      return;
    }
    JwsConnection connection = conn.getAttachment();
    if (connection != null) {
      connection.failed(ex);
    } else if (ex instanceof InvalidDataException) {
      log.info("WebSocket handshake from {} failed: {}", conn.getRemoteSocketAddress(), ex.getMessage());
    } else {
      log.warn("WebSocket handshake from {} failed", conn.getRemoteSocketAddress(), ex);
    }
  }

  @Override
  public void onStart() {
    started.complete(null);
  }

  @Override
  protected boolean removeConnection(WebSocket ws) {
    factory.sockets.remove(ws);
    return super.removeConnection(ws);
  }

  /** The path alone for logs: the query may carry keys or tokens. */
  private static String path(String target) {
    int question = target.indexOf('?');
    return question < 0 ? target : target.substring(0, question);
  }

  /** Remembers every socket from its accept on, handshake done or not, so that shutdown can close it. */
  private static final class TrackingFactory extends DefaultWebSocketServerFactory {
    final Set<WebSocketImpl> sockets = ConcurrentHashMap.newKeySet();

    @Override
    public WebSocketImpl createWebSocket(WebSocketAdapter adapter, List<Draft> drafts) {
      WebSocketImpl socket = super.createWebSocket(adapter, drafts);
      sockets.add(socket);
      return socket;
    }
  }
}
