package dev.gatehouse.jdkserver;

import java.nio.ByteBuffer;
import org.java_websocket.exceptions.InvalidFrameException;

/**
 * Follows the frame boundaries of a client's byte stream, header by header, and fails the first
 * unmasked frame (RFC 6455 section 5.1: a server must close the connection on one). It only reads:
 * the bytes are then decoded by Java-WebSocket, which skips this check. Fed every buffer of one
 * connection in order, from one thread.
 */
final class ClientFrameScanner {
  private static final int MAX_HEADER = 10;

  private final byte[] header = new byte[MAX_HEADER];
  private int headerLength;
  /** Bytes of the current frame after its header (masking key and payload) not yet seen. */
  private long toSkip;

  /**
   * Reads {@code buffer}'s remaining bytes without moving its position.
   *
   * @throws InvalidFrameException (1002) at the first frame without the mask bit
   */
  void scan(ByteBuffer buffer) throws InvalidFrameException {
    int at = buffer.position();
    int end = buffer.limit();
    while (at < end) {
      if (toSkip > 0) {
        int skipped = (int) Math.min(toSkip, end - at);
        toSkip -= skipped;
        at += skipped;
        continue;
      }
      header[headerLength++] = buffer.get(at++);
      if (headerLength < 2) {
        continue;
      }
      if ((header[1] & 0x80) == 0) {
        throw new InvalidFrameException("unmasked client frame");
      }
      int code = header[1] & 0x7f;
      int needed = code == 126 ? 4 : code == 127 ? 10 : 2;
      if (headerLength < needed) {
        continue;
      }
      long payload = code < 126 ? code : 0;
      for (int i = 2; i < needed; i++) {
        payload = (payload << 8) | (header[i] & 0xff);
      }
      // a length past 2^63 reads as negative; the decoder refuses it with 1009 in the same buffer
      toSkip = payload < 0 || payload > Long.MAX_VALUE - 4 ? Long.MAX_VALUE : payload + 4;
      headerLength = 0;
    }
  }
}
