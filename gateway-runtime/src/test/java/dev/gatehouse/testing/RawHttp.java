package dev.gatehouse.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * An HTTP/1.1 client on a bare socket, for requests no polite client sends: malformed paths, lying
 * lengths, hand-made chunks. Each exchange uses a new connection and reads until the server closes
 * it, so requests should say {@code Connection: close} unless the server is expected to.
 */
public final class RawHttp {
  private static final int TIMEOUT_MILLIS = 10_000;
  private static final int MAX_RESPONSE_BYTES = 1 << 20;

  private RawHttp() {}

  /** A response as read off the wire. */
  public record Response(int status, List<String> headerLines, byte[] body) {
    /** Every value of the named field, in order. */
    public List<String> headers(String name) {
      List<String> values = new ArrayList<>();
      for (String line : headerLines) {
        int colon = line.indexOf(':');
        if (line.substring(0, colon).trim().equalsIgnoreCase(name)) {
          values.add(line.substring(colon + 1).trim());
        }
      }
      return values;
    }

    public String header(String name) {
      List<String> values = headers(name);
      return values.isEmpty() ? null : values.get(0);
    }

    public String bodyAsString() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  /** Sends {@code head} (ISO-8859-1, as HTTP heads are) followed by {@code body}; reads the answer. */
  public static Response exchange(URI server, String head, byte[] body) throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", server.getPort()), TIMEOUT_MILLIS);
      socket.setSoTimeout(TIMEOUT_MILLIS);
      OutputStream out = socket.getOutputStream();
      byte[] headBytes = head.getBytes(StandardCharsets.ISO_8859_1);
      byte[] request = Arrays.copyOf(headBytes, headBytes.length + body.length);
      System.arraycopy(body, 0, request, headBytes.length, body.length);
      out.write(request);
      out.flush();
      return parse(readUntilClosed(socket.getInputStream()));
    }
  }

  public static Response exchange(URI server, String head) throws IOException {
    return exchange(server, head, new byte[0]);
  }

  /** A {@code GET} of {@code target} exactly as written, with {@code Connection: close}. */
  public static Response get(URI server, String target) throws IOException {
    return exchange(server, "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
  }

  /** A chunked body: {@code count} chunks of {@code size} bytes, then the last chunk. */
  public static byte[] chunks(int count, int size) {
    StringBuilder body = new StringBuilder();
    for (int i = 0; i < count; i++) {
      body.append(Integer.toHexString(size)).append("\r\n").append("x".repeat(size)).append("\r\n");
    }
    return body.append("0\r\n\r\n").toString().getBytes(StandardCharsets.US_ASCII);
  }

  private static byte[] readUntilClosed(InputStream in) throws IOException {
    ByteArrayOutputStream received = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    while (received.size() < MAX_RESPONSE_BYTES) {
      int n;
      try {
        n = in.read(buffer);
      } catch (SocketException e) {
        // a server that closes with our unread bytes in its buffer resets; what came before counts
        if (headEnd(received.toByteArray()) < 0) {
          throw e;
        }
        break;
      }
      if (n < 0) {
        break;
      }
      received.write(buffer, 0, n);
    }
    return received.toByteArray();
  }

  private static int headEnd(byte[] bytes) {
    for (int i = 0; i + 3 < bytes.length; i++) {
      if (bytes[i] == '\r' && bytes[i + 1] == '\n' && bytes[i + 2] == '\r' && bytes[i + 3] == '\n') {
        return i;
      }
    }
    return -1;
  }

  private static Response parse(byte[] bytes) throws IOException {
    int end = headEnd(bytes);
    if (end < 0) {
      throw new IOException("no complete response head in " + bytes.length + " bytes: "
          + new String(bytes, StandardCharsets.ISO_8859_1));
    }
    String[] lines = new String(bytes, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
    String[] statusLine = lines[0].split(" ", 3);
    if (!statusLine[0].toUpperCase(Locale.ROOT).startsWith("HTTP/")) {
      throw new IOException("not an HTTP status line: " + lines[0]);
    }
    List<String> headerLines = List.of(Arrays.copyOfRange(lines, 1, lines.length));
    return new Response(Integer.parseInt(statusLine[1]), headerLines,
        Arrays.copyOfRange(bytes, end + 4, bytes.length));
  }
}
