package dev.gatehouse.jdkserver;

import dev.gatehouse.websocket.WebSocketChannel;
import dev.gatehouse.websocket.WebSocketSession;
import dev.gatehouse.websocket.WebSocketUpgrade;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import org.java_websocket.WebSocketImpl;
import org.java_websocket.exceptions.InvalidDataException;
import org.java_websocket.exceptions.WebsocketNotConnectedException;
import org.java_websocket.framing.CloseFrame;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One accepted connection: the {@link WebSocketChannel} the gateway sends through, and the bridge
 * from Java-WebSocket's callbacks to the gateway's {@link WebSocketSession}. Kept as the
 * connection's attachment from the accepted handshake on.
 *
 * <p>Java-WebSocket reports the end of a connection on its selector thread and everything else on
 * the connection's decoder thread, so the close may overtake the open: the session's arrival and the
 * close are ordered under this object's lock, and the session hears of the close exactly once,
 * after it exists.
 */
final class JwsConnection implements WebSocketChannel {
  private static final Logger log = LoggerFactory.getLogger(JwsConnection.class);
  private static final int MAX_REASON_BYTES = 123;

  private final WebSocketImpl connection;
  private final WebSocketUpgrade upgrade;
  private final String description;
  private final AtomicBoolean failureLogged = new AtomicBoolean();
  // guarded by this
  private WebSocketSession session;
  private boolean closed;
  private int closeCode;
  private String closeReason;

  JwsConnection(WebSocketImpl connection, WebSocketUpgrade upgrade, String description) {
    this.connection = connection;
    this.upgrade = upgrade;
    this.description = description;
  }

  /** The handshake's 101 is queued: hand the gateway its channel, unless the client already left. */
  void open() {
    if (!connection.getChannel().isOpen()) {
      // the client hung up while the gateway decided; Java-WebSocket opens the connection anyway
      upgrade.abandon();
      connection.closeConnection(CloseFrame.ABNORMAL_CLOSE, "client left during the handshake", true);
      return;
    }
    WebSocketSession opened;
    try {
      opened = upgrade.open(this);
      if (opened == null) {
        throw new IllegalStateException("WebSocketUpgrade.open returned null");
      }
    } catch (RuntimeException e) {
      failed(e);
      close(CloseFrame.UNEXPECTED_CONDITION, "Internal server error");
      return;
    }
    int code;
    String reason;
    synchronized (this) {
      session = opened;
      if (!closed) {
        return;
      }
      code = closeCode;
      reason = closeReason;
    }
    notifyClose(opened, code, reason);
  }

  void onText(String message) {
    WebSocketSession current = session();
    if (current != null) {
      try {
        current.onText(message);
      } catch (RuntimeException e) {
        sessionFailed(e);
      }
    }
  }

  /**
   * Java-WebSocket allocates a new buffer for each frame and for each reassembled message
   * ({@code Draft_6455.translateSingleFrame}, {@code getPayloadFromByteBufferList}) and never
   * touches it again, so the session may keep it without a copy.
   */
  void onBinary(ByteBuffer message) {
    WebSocketSession current = session();
    if (current != null) {
      try {
        current.onBinary(message);
      } catch (RuntimeException e) {
        sessionFailed(e);
      }
    }
  }

  /** The connection ended, with the code Java-WebSocket reports (the peer's, ours, or 1006). */
  void onClose(int code, String reason) {
    WebSocketSession current;
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      closeCode = code;
      closeReason = reason == null ? "" : reason;
      current = session;
    }
    if (current != null) {
      notifyClose(current, code, closeReason);
    }
  }

  /** Logs the connection's first failure; later ones are consequences of it. */
  void failed(Exception e) {
    if (!failureLogged.compareAndSet(false, true)) {
      return;
    }
    if (e instanceof InvalidDataException) {
      log.info("Closing WebSocket {}: {} (close code {})", description, e.getMessage(),
          ((InvalidDataException) e).getCloseCode());
    } else {
      log.warn("WebSocket {} failed", description, e);
    }
  }

  @Override
  public CompletionStage<Void> sendText(String text) {
    try {
      connection.send(text);
      return CompletableFuture.completedFuture(null);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(notSent(e));
    }
  }

  @Override
  public CompletionStage<Void> sendBinary(ByteBuffer data) {
    try {
      // the frame is encoded from the buffer before send returns; a duplicate leaves its position alone
      connection.send(data.duplicate());
      return CompletableFuture.completedFuture(null);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(notSent(e));
    }
  }

  @Override
  public long bufferedBytes() {
    long bytes = 0;
    // weakly consistent: the selector thread drains the queue meanwhile, so this is a snapshot
    for (ByteBuffer buffer : connection.outQueue) {
      bytes += buffer.remaining();
    }
    return bytes;
  }

  @Override
  public void close(int statusCode, String reason) {
    // Java-WebSocket ignores a close once the connection is closing or closed
    connection.close(statusCode, truncate(reason));
  }

  @Override
  public String toString() {
    return description;
  }

  private synchronized WebSocketSession session() {
    return closed ? null : session;
  }

  private void sessionFailed(RuntimeException e) {
    failed(e);
    close(CloseFrame.UNEXPECTED_CONDITION, "Internal server error");
  }

  private void notifyClose(WebSocketSession current, int code, String reason) {
    try {
      current.onClose(code, reason);
    } catch (RuntimeException e) {
      failed(e);
    }
  }

  private RuntimeException notSent(RuntimeException e) {
    if (e instanceof WebsocketNotConnectedException) {
      return new IllegalStateException("WebSocket " + description + " is closed", e);
    }
    return e;
  }

  /** At most 123 UTF-8 bytes (RFC 6455 section 5.5), cut between characters. */
  static String truncate(String reason) {
    if (reason == null) {
      return "";
    }
    if (reason.getBytes(StandardCharsets.UTF_8).length <= MAX_REASON_BYTES) {
      return reason;
    }
    int end = reason.length();
    while (reason.substring(0, end).getBytes(StandardCharsets.UTF_8).length > MAX_REASON_BYTES) {
      end--;
      if (end > 0 && Character.isHighSurrogate(reason.charAt(end - 1))) {
        end--;
      }
    }
    return reason.substring(0, end);
  }
}
