package dev.gatehouse.websocket;

import java.nio.ByteBuffer;
import java.util.concurrent.CompletionStage;

/**
 * The transport's side of one open connection: how the gateway sends to it and closes it. A
 * WebSocket transport (the JDK adapter's Java-WebSocket server, the servlet adapter's Jakarta
 * endpoint, or one of your own) implements it and hands it to {@link WebSocketUpgrade#open}.
 *
 * <p>Every method may be called from any thread and must not block. The gateway keeps
 * {@link #bufferedBytes()} under the API's send buffer limit, so a transport need not bound its own
 * queue; it must only count what it holds.
 */
public interface WebSocketChannel {
  /**
   * Sends one text message. The stage completes once the transport has taken the message (written,
   * or queued and counted in {@link #bufferedBytes()} until written), not when the client read it,
   * and fails if the connection is closed.
   */
  CompletionStage<Void> sendText(String text);

  /** Sends one binary message; as {@link #sendText(String)}. The buffer is not used after the call returns. */
  CompletionStage<Void> sendBinary(ByteBuffer data);

  /** Bytes accepted by the send methods and not yet written to the network. */
  long bufferedBytes();

  /**
   * Starts the closing handshake with this status code and reason (at most 123 UTF-8 bytes);
   * calling it again, or on a closed connection, does nothing. The transport then reports the close
   * with {@link WebSocketSession#onClose(int, String)}.
   */
  void close(int statusCode, String reason);
}
