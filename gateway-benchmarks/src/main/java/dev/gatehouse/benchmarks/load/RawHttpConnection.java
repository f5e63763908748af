package dev.gatehouse.benchmarks.load;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One keep-alive HTTP/1.1 connection that writes prebuilt request bytes and reads the answer,
 * discarding its body. Deliberately minimal, so that the load generator spends its core on the
 * wire rather than on a client library: no pipelining, no redirects, no TLS. Reconnects by itself
 * after a {@code Connection: close} answer or a failure. Not thread-safe: one thread per connection.
 */
final class RawHttpConnection implements Closeable {
  private static final int BUFFER = 16 * 1024;

  private final InetSocketAddress address;
  private final int readTimeoutMillis;
  private final byte[] buffer = new byte[BUFFER];
  private Socket socket;
  private InputStream in;
  private OutputStream out;
  private int pos;
  private int limit;
  private long connects;

  RawHttpConnection(InetSocketAddress address, int readTimeoutMillis) {
    this.address = address;
    this.readTimeoutMillis = readTimeoutMillis;
  }

  /** Opens the connection now, so that the first timed request does not pay for the handshake. */
  void connect() throws IOException {
    if (socket != null) {
      return;
    }
    Socket opened = new Socket();
    try {
      opened.setTcpNoDelay(true);
      opened.setSoTimeout(readTimeoutMillis);
      opened.connect(address, readTimeoutMillis);
      in = opened.getInputStream();
      out = opened.getOutputStream();
    } catch (IOException e) {
      opened.close();
      throw e;
    }
    socket = opened;
    pos = 0;
    limit = 0;
    connects++;
  }

  /** How many times this connection was opened: more than once means the server closed it. */
  long connects() {
    return connects;
  }

  /**
   * Sends {@code request} and reads the whole answer.
   *
   * @return the final status code
   * @throws IOException if the exchange failed; the connection is then closed and reopens on the
   *     next call
   */
  int exchange(byte[] request) throws IOException {
    try {
      connect();
      out.write(request);
      out.flush();
      int status;
      boolean close;
      do {
        String statusLine = readLine();
        if (!statusLine.startsWith("HTTP/1.") || statusLine.length() < 12) {
          throw new IOException("not an HTTP/1.x status line: " + statusLine);
        }
        status = Integer.parseInt(statusLine.substring(9, 12));
        close = readHeadersAndBody(status, statusLine.startsWith("HTTP/1.0"));
      } while (status < 200);
      if (close) {
        close();
      }
      return status;
    } catch (IOException | RuntimeException e) {
      close();
      throw e instanceof IOException io ? io : new IOException("malformed answer", e);
    }
  }

  /** Reads the header fields and skips the body; returns whether the server closes the connection. */
  private boolean readHeadersAndBody(int status, boolean http10) throws IOException {
    long length = -1;
    boolean chunked = false;
    boolean close = http10;
    for (String line = readLine(); !line.isEmpty(); line = readLine()) {
      int colon = line.indexOf(':');
      if (colon <= 0) {
        throw new IOException("malformed header field: " + line);
      }
      String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
      String value = line.substring(colon + 1).trim().toLowerCase(Locale.ROOT);
      switch (name) {
        case "content-length" -> length = Long.parseLong(value);
        case "transfer-encoding" -> chunked = value.endsWith("chunked");
        case "connection" -> close = value.contains("close") || (http10 && !value.contains("keep-alive"));
        default -> {
          // Other fields do not affect framing.
        }
      }
    }
    if (status < 200 || status == 204 || status == 304) {
      return close;
    }
    if (chunked) {
      skipChunks();
    } else if (length >= 0) {
      skip(length);
    } else {
      while (fill() > 0) {
        pos = limit;
      }
      return true;
    }
    return close;
  }

  private void skipChunks() throws IOException {
    while (true) {
      String sizeLine = readLine();
      int semicolon = sizeLine.indexOf(';');
      long size = Long.parseLong((semicolon >= 0 ? sizeLine.substring(0, semicolon) : sizeLine).trim(), 16);
      if (size == 0) {
        while (!readLine().isEmpty()) {
          // Trailer fields are read and ignored.
        }
        return;
      }
      skip(size);
      readLine();
    }
  }

  private void skip(long count) throws IOException {
    long left = count;
    while (left > 0) {
      if (pos == limit && fill() < 0) {
        throw new EOFException("connection closed with " + left + " body bytes unread");
      }
      int n = (int) Math.min(left, limit - pos);
      pos += n;
      left -= n;
    }
  }

  /** A line without its CR LF, read from the buffer, refilled as needed. */
  private String readLine() throws IOException {
    int start = pos;
    int scanned = pos;
    while (true) {
      for (int i = scanned; i < limit; i++) {
        if (buffer[i] == '\n') {
          int end = i > start && buffer[i - 1] == '\r' ? i - 1 : i;
          pos = i + 1;
          return new String(buffer, start, end - start, StandardCharsets.ISO_8859_1);
        }
      }
      if (start > 0) {
        System.arraycopy(buffer, start, buffer, 0, limit - start);
        limit -= start;
        start = 0;
      }
      scanned = limit;
      pos = limit;
      if (limit == buffer.length) {
        throw new IOException("a line of the answer is longer than " + buffer.length + " bytes");
      }
      int n = in.read(buffer, limit, buffer.length - limit);
      if (n < 0) {
        throw new EOFException("connection closed in the middle of an answer");
      }
      limit += n;
      pos = start;
    }
  }

  /** Replaces the buffer's content with the next bytes; -1 at end of stream. */
  private int fill() throws IOException {
    int n = in.read(buffer, 0, buffer.length);
    pos = 0;
    limit = Math.max(n, 0);
    return n;
  }

  @Override
  public void close() {
    if (socket != null) {
      try {
        socket.close();
      } catch (IOException e) {
        // Closing a failed socket can fail too; the connection is gone either way.
      }
      socket = null;
      in = null;
      out = null;
    }
  }
}
