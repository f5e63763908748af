package dev.gatehouse.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * A raw HTTP/1.1 exchange over a socket, for requests a well-behaved client refuses to send
 * (malformed escapes, dot segments, missing Host, a Content-Length larger than the body).
 */
public final class RawHttp {
  private RawHttp() {}

  /** A parsed answer: status code and the whole text after the status line. */
  public record Answer(int status, String text) {
    /** The body: everything after the blank line that ends the headers. */
    public String body() {
      int end = text.indexOf("\r\n\r\n");
      return end < 0 ? "" : text.substring(end + 4);
    }
  }

  /** Sends {@code head} (request line and headers, without the final blank line) and then {@code body}. */
  public static Answer send(URI server, String head, byte[] body) throws IOException {
    try (Socket socket = new Socket(server.getHost(), server.getPort())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write((head + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
      if (body != null) {
        try {
          out.write(body);
        } catch (IOException serverStoppedReading) {
          // a server that refuses a body may close before it has all of it; its answer is still readable
        }
      }
      out.flush();
      return read(socket.getInputStream());
    }
  }

  /** {@code GET} of a raw request target with {@code Connection: close}. */
  public static Answer get(URI server, String rawTarget) throws IOException {
    return send(server, "GET " + rawTarget + " HTTP/1.1\r\nHost: " + server.getHost() + ":" + server.getPort()
        + "\r\nConnection: close", null);
  }

  private static Answer read(InputStream in) throws IOException {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    int n;
    try {
      while ((n = in.read(buffer)) > 0) {
        all.write(buffer, 0, n);
        if (complete(all.toString(StandardCharsets.ISO_8859_1))) {
          break;
        }
      }
    } catch (IOException reset) {
      if (all.size() == 0) {
        throw reset;
      }
    }
    String text = all.toString(StandardCharsets.UTF_8);
    if (!text.startsWith("HTTP/1.")) {
      throw new IOException("not an HTTP answer: " + text);
    }
    return new Answer(Integer.parseInt(text.substring(9, 12)), text);
  }

  /** Stops at Content-Length so a kept-alive connection does not block the read. */
  private static boolean complete(String text) {
    int end = text.indexOf("\r\n\r\n");
    if (end < 0) {
      return false;
    }
    for (String line : text.substring(0, end).split("\r\n")) {
      if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
        int length = Integer.parseInt(line.substring(15).trim());
        return text.getBytes(StandardCharsets.ISO_8859_1).length >= end + 4 + length;
      }
    }
    return false;
  }
}
