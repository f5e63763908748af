package dev.gatehouse.benchmarks.load;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Locale;

/**
 * Finds where one HTTP/1.1 answer ends, fed with bytes as they arrive, and discards its body:
 * interim 1xx answers, Content-Length, chunked bodies with trailers, and bodies that end with the
 * connection. Knows only framing, which is all a load generator needs. Not thread-safe.
 */
final class ResponseParser {
  /** A status line or header field longer than this is not an answer from the servers measured. */
  private static final int MAX_LINE = 16 * 1024;

  private enum State { STATUS_LINE, HEADERS, FIXED_BODY, CHUNK_SIZE, CHUNK_DATA, CHUNK_END, TRAILERS, UNTIL_CLOSE, DONE }

  private final StringBuilder line = new StringBuilder(128);
  private State state = State.DONE;
  private boolean head;
  private int status;
  private boolean http10;
  private long contentLength;
  private boolean chunked;
  private boolean close;
  private long remaining;

  /** Expects the answer to a new request with {@code method}: a HEAD answer has no body. */
  void expect(String method) {
    state = State.STATUS_LINE;
    head = method.equals("HEAD");
    line.setLength(0);
    close = false;
  }

  /** The final status of the answer; valid once {@link #feed} has returned true. */
  int status() {
    return status;
  }

  /** Whether the server closes the connection after this answer. */
  boolean closesConnection() {
    return close;
  }

  /**
   * Consumes bytes of the answer from {@code bytes}, and no more than that: what follows the
   * answer stays in the buffer.
   *
   * @return whether the answer is complete
   * @throws IOException if the bytes are not an HTTP/1.x answer
   */
  boolean feed(ByteBuffer bytes) throws IOException {
    while (state != State.DONE && bytes.hasRemaining()) {
      switch (state) {
        case FIXED_BODY, CHUNK_DATA -> {
          int n = (int) Math.min(remaining, bytes.remaining());
          bytes.position(bytes.position() + n);
          remaining -= n;
          if (remaining == 0) {
            state = state == State.FIXED_BODY ? State.DONE : State.CHUNK_END;
          }
        }
        case UNTIL_CLOSE -> bytes.position(bytes.limit());
        default -> {
          if (readLine(bytes)) {
            onLine(line.toString());
            line.setLength(0);
          }
        }
      }
    }
    return state == State.DONE;
  }

  /** The connection reached its end: completes an answer whose body runs until the close. */
  boolean endOfStream() {
    if (state == State.UNTIL_CLOSE) {
      state = State.DONE;
      return true;
    }
    return state == State.DONE;
  }

  /** Appends bytes to the current line up to its LF; returns whether the line is complete. */
  private boolean readLine(ByteBuffer bytes) throws IOException {
    while (bytes.hasRemaining()) {
      char c = (char) (bytes.get() & 0xff);
      if (c == '\n') {
        int end = line.length();
        if (end > 0 && line.charAt(end - 1) == '\r') {
          line.setLength(end - 1);
        }
        return true;
      }
      if (line.length() == MAX_LINE) {
        throw new IOException("a line of the answer is longer than " + MAX_LINE + " bytes");
      }
      line.append(c);
    }
    return false;
  }

  private void onLine(String text) throws IOException {
    switch (state) {
      case STATUS_LINE -> {
        if (!text.startsWith("HTTP/1.") || text.length() < 12) {
          throw new IOException("not an HTTP/1.x status line: " + text);
        }
        status = parseStatus(text);
        http10 = text.startsWith("HTTP/1.0");
        close = http10;
        contentLength = -1;
        chunked = false;
        state = State.HEADERS;
      }
      case HEADERS -> {
        if (text.isEmpty()) {
          endOfHeaders();
        } else {
          header(text);
        }
      }
      case CHUNK_SIZE -> {
        int semicolon = text.indexOf(';');
        remaining = parseLong((semicolon >= 0 ? text.substring(0, semicolon) : text).trim(), 16, text);
        state = remaining == 0 ? State.TRAILERS : State.CHUNK_DATA;
      }
      case CHUNK_END -> {
        if (!text.isEmpty()) {
          throw new IOException("chunk data longer than its size: " + text);
        }
        state = State.CHUNK_SIZE;
      }
      case TRAILERS -> state = text.isEmpty() ? State.DONE : State.TRAILERS;
      default -> throw new IllegalStateException("no line expected in state " + state);
    }
  }

  private void header(String text) throws IOException {
    int colon = text.indexOf(':');
    if (colon <= 0) {
      throw new IOException("malformed header field: " + text);
    }
    String name = text.substring(0, colon).trim().toLowerCase(Locale.ROOT);
    String value = text.substring(colon + 1).trim().toLowerCase(Locale.ROOT);
    switch (name) {
      case "content-length" -> contentLength = parseLong(value, 10, text);
      case "transfer-encoding" -> chunked = value.endsWith("chunked");
      case "connection" -> close = value.contains("close") || (http10 && !value.contains("keep-alive"));
      default -> {
        // Other fields do not affect framing.
      }
    }
  }

  private void endOfHeaders() {
    if (status < 200) {
      state = State.STATUS_LINE;
    } else if (head || status == 204 || status == 304) {
      state = State.DONE;
    } else if (chunked) {
      state = State.CHUNK_SIZE;
    } else if (contentLength >= 0) {
      remaining = contentLength;
      state = contentLength == 0 ? State.DONE : State.FIXED_BODY;
    } else {
      close = true;
      state = State.UNTIL_CLOSE;
    }
  }

  private static int parseStatus(String statusLine) throws IOException {
    return (int) parseLong(statusLine.substring(9, 12), 10, statusLine);
  }

  private static long parseLong(String text, int radix, String line) throws IOException {
    try {
      long value = Long.parseLong(text, radix);
      if (value < 0) {
        throw new NumberFormatException("negative");
      }
      return value;
    } catch (NumberFormatException e) {
      throw new IOException("not a number in: " + line, e);
    }
  }
}
