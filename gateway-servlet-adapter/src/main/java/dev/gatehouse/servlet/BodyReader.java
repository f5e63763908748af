package dev.gatehouse.servlet;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads a request body without blocking, up to a limit, and reports to its exchange exactly once:
 * the body, "too large", or the read failure. Called by the container, one callback at a time.
 *
 * <p>Bytes go into fixed-size chunks rather than one growing array, so that the body is never held
 * twice: at most the limit plus one chunk while reading, and the body plus one chunk while the
 * chunks are joined. Past the limit the chunks are dropped and reading stops.
 */
final class BodyReader implements ReadListener {
  static final int CHUNK_BYTES = 16 * 1024;

  private final ServletInputStream in;
  private final long limit;
  private final long declaredLength;
  private final AsyncExchange exchange;
  private final List<byte[]> filled = new ArrayList<>();
  private byte[] chunk;
  private int position;
  private long size;
  private boolean reported;

  /**
   * @param declaredLength the Content-Length, at most {@code limit}, or -1 when the body is chunked
   */
  BodyReader(ServletInputStream in, long limit, long declaredLength, AsyncExchange exchange) {
    this.in = in;
    this.limit = limit;
    this.declaredLength = declaredLength;
    this.exchange = exchange;
  }

  @Override
  public void onDataAvailable() throws IOException {
    while (!reported && in.isReady()) {
      if (chunk == null || position == chunk.length) {
        nextChunk();
      }
      int n = in.read(chunk, position, chunk.length - position);
      if (n < 0) {
        return;
      }
      position += n;
      size += n;
      if (size > limit) {
        reported = true;
        filled.clear();
        chunk = null;
        exchange.bodyTooLarge();
        return;
      }
    }
  }

  @Override
  public void onAllDataRead() {
    if (!reported) {
      reported = true;
      exchange.bodyRead(join());
    }
  }

  @Override
  public void onError(Throwable failure) {
    if (!reported) {
      reported = true;
      filled.clear();
      chunk = null;
      exchange.readFailed(failure);
    }
  }

  private void nextChunk() {
    if (chunk != null) {
      filled.add(chunk);
    }
    // a declared length that fits in one chunk gets an array of exactly that size: no copy at the end
    boolean exact = declaredLength > 0 && declaredLength <= CHUNK_BYTES && chunk == null;
    chunk = new byte[exact ? (int) declaredLength : CHUNK_BYTES];
    position = 0;
  }

  private byte[] join() {
    if (chunk != null && position > 0) {
      filled.add(position == chunk.length ? chunk : Arrays.copyOf(chunk, position));
    }
    chunk = null;
    if (filled.isEmpty()) {
      return new byte[0];
    }
    if (filled.size() == 1) {
      return filled.get(0);
    }
    byte[] body = new byte[Math.toIntExact(size)];
    int offset = 0;
    for (int i = 0; i < filled.size(); i++) {
      byte[] part = filled.set(i, null);
      System.arraycopy(part, 0, body, offset, part.length);
      offset += part.length;
    }
    return body;
  }
}
