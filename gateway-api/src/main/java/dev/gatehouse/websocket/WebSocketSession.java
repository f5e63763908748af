package dev.gatehouse.websocket;

import java.nio.ByteBuffer;

/**
 * The gateway's side of one open connection: what a transport calls as messages arrive and when
 * the connection ends. Obtained from {@link WebSocketUpgrade#open(WebSocketChannel)}.
 *
 * <p>A transport delivers whole messages (it reassembles fragmented ones and enforces
 * {@link WebSocketUpgrade#maxMessageBytes()} itself, closing with 1009 past it) and answers pings.
 * The methods never block and may be called from the transport's I/O threads.
 */
public interface WebSocketSession {
  /** One complete text message. */
  void onText(String message);

  /** One complete binary message; the buffer is the gateway's to keep. */
  void onBinary(ByteBuffer message);

  /**
   * The connection ended: closed by the client (its status code), by the server (the code it
   * sent), or lost (1006). A transport calls it once; later calls are ignored.
   */
  void onClose(int statusCode, String reason);
}
