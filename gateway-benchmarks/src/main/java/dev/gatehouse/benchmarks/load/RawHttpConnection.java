package dev.gatehouse.benchmarks.load;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;

/**
 * One blocking keep-alive HTTP/1.1 connection that writes prebuilt request bytes and reads the
 * answer, discarding its body: the closed-loop fallback generator's and the pre-run check's
 * client. Deliberately minimal, so that the generator spends its core on the wire rather than on
 * a client library: no pipelining, no redirects, no TLS. Reconnects by itself after a
 * {@code Connection: close} answer or a failure. Not thread-safe: one thread per connection.
 */
final class RawHttpConnection implements Closeable {
  private static final int BUFFER = 16 * 1024;

  private final InetSocketAddress address;
  private final int readTimeoutMillis;
  private final byte[] array = new byte[BUFFER];
  private final ByteBuffer buffer = ByteBuffer.wrap(array).limit(0);
  private final ResponseParser parser = new ResponseParser();
  private Socket socket;
  private InputStream in;
  private OutputStream out;
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
    buffer.limit(0);
    connects++;
  }

  /** How many times this connection was opened: more than once means the server closed it. */
  long connects() {
    return connects;
  }

  /**
   * Sends {@code request} and reads the whole answer.
   *
   * @param method the request's method, which tells whether the answer has a body
   * @return the final status code
   * @throws IOException if the exchange failed; the connection is then closed and reopens on the
   *     next call
   */
  int exchange(byte[] request, String method) throws IOException {
    try {
      connect();
      out.write(request);
      out.flush();
      parser.expect(method);
      while (!parser.feed(buffer)) {
        int n = in.read(array, 0, array.length);
        if (n < 0) {
          if (parser.endOfStream()) {
            break;
          }
          throw new EOFException("connection closed in the middle of an answer");
        }
        buffer.limit(n).position(0);
      }
      if (parser.closesConnection()) {
        close();
      }
      return parser.status();
    } catch (IOException e) {
      close();
      throw e;
    }
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
