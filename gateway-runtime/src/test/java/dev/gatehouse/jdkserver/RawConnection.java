package dev.gatehouse.jdkserver;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A plain socket to a test server, for requests no well-behaved client sends: every byte is the
 * test's. Reads are bounded by a socket timeout so a broken server fails the test instead of
 * hanging it.
 */
final class RawConnection implements AutoCloseable {
  private static final int MAX_HEAD = 64 * 1024;

  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;

  RawConnection(int port) throws IOException {
    this(port, 0);
  }

  /** A connection whose receive buffer is about {@code receiveBuffer} bytes; 0 for the default. */
  RawConnection(int port, int receiveBuffer) throws IOException {
    socket = new Socket();
    if (receiveBuffer > 0) {
      // Set before connecting, so that the advertised TCP window is small from the start.
      socket.setReceiveBufferSize(receiveBuffer);
    }
    socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 10_000);
    socket.setSoTimeout(10_000);
    in = socket.getInputStream();
    out = socket.getOutputStream();
  }

  RawConnection send(String latin1) throws IOException {
    return send(latin1.getBytes(StandardCharsets.ISO_8859_1));
  }

  RawConnection send(byte[] bytes) throws IOException {
    out.write(bytes);
    out.flush();
    return this;
  }

  /** Reads one response whose body length is given by its Content-Length (none when absent). */
  Response readResponse() throws IOException {
    return read(true);
  }

  /** Reads one response to a HEAD request: its Content-Length describes a body that is not sent. */
  Response readHeadResponse() throws IOException {
    return read(false);
  }

  /** True when the server has closed the connection: the next read finds the end of the stream. */
  boolean serverClosed() throws IOException {
    try {
      return in.read() == -1;
    } catch (IOException reset) {
      return true;
    }
  }

  private Response read(boolean withBody) throws IOException {
    String head = readHead();
    String[] lines = head.split("\r\n");
    int status = Integer.parseInt(lines[0].split(" ")[1]);
    List<String[]> headers = new ArrayList<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      headers.add(new String[] {lines[i].substring(0, colon), lines[i].substring(colon + 1).trim()});
    }
    Response response = new Response(lines[0], status, headers, new byte[0]);
    String length = response.header("Content-Length");
    if (!withBody || length == null) {
      return response;
    }
    return new Response(lines[0], status, headers, in.readNBytes(Integer.parseInt(length)));
  }

  private String readHead() throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    while (matched < 4) {
      int b = in.read();
      if (b == -1) {
        throw new EOFException("connection closed after " + head.size() + " bytes of response head");
      }
      if (head.size() >= MAX_HEAD) {
        throw new IOException("response head longer than " + MAX_HEAD + " bytes");
      }
      head.write(b);
      matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
    }
    String text = head.toString(StandardCharsets.ISO_8859_1);
    return text.substring(0, text.length() - 4);
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }

  /** One response as read from the wire. */
  record Response(String statusLine, int status, List<String[]> headers, byte[] body) {
    /** The first value of the named field (case-insensitive), or {@code null}. */
    String header(String name) {
      return headers.stream().filter(h -> h[0].equalsIgnoreCase(name)).map(h -> h[1]).findFirst().orElse(null);
    }

    /** Every value of the named field, in order. */
    List<String> headers(String name) {
      return headers.stream().filter(h -> h[0].equalsIgnoreCase(name)).map(h -> h[1]).toList();
    }

    String bodyAsString() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }
}
