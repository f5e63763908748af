package dev.gatehouse.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The raw client against a loopback socket that gives canned answers. */
class RawHttpConnectionTest {

  @Test
  void readsInterimFixedLengthAndChunkedAnswersOnOneConnection() throws Exception {
    try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      CompletableFuture<Integer> accepted = serve(listener,
          "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello",
          "HTTP/1.1 201 Created\r\nTransfer-Encoding: chunked\r\n\r\n3;x=y\r\nabc\r\n10\r\n0123456789abcdef\r\n0\r\n"
              + "T: 1\r\n\r\n",
          "HTTP/1.1 204 No Content\r\n\r\n");
      try (RawHttpConnection connection = new RawHttpConnection(
          new InetSocketAddress(InetAddress.getLoopbackAddress(), listener.getLocalPort()), 5_000)) {
        byte[] request = Scenarios.HELLO.toHttp11("x");

        assertThat(connection.exchange(request, "GET")).isEqualTo(200);
        assertThat(connection.exchange(request, "GET")).isEqualTo(201);
        assertThat(connection.exchange(request, "GET")).isEqualTo(204);
        assertThat(connection.connects()).isEqualTo(1);
      }
      assertThat(accepted.get(5, TimeUnit.SECONDS)).isEqualTo(3);
    }
  }

  @Test
  void reconnectsAfterConnectionClose() throws Exception {
    String answer = "HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 2\r\n\r\nok";
    try (ServerSocket listener = new ServerSocket(0, 2, InetAddress.getLoopbackAddress())) {
      CompletableFuture<Integer> first = serve(listener, answer);
      try (RawHttpConnection connection = new RawHttpConnection(
          new InetSocketAddress(InetAddress.getLoopbackAddress(), listener.getLocalPort()), 5_000)) {
        assertThat(connection.exchange(Scenarios.HELLO.toHttp11("x"), "GET")).isEqualTo(200);
        first.get(5, TimeUnit.SECONDS);
        CompletableFuture<Integer> second = serve(listener, answer);

        assertThat(connection.exchange(Scenarios.HELLO.toHttp11("x"), "GET")).isEqualTo(200);
        assertThat(connection.connects()).isEqualTo(2);
        second.get(5, TimeUnit.SECONDS);
      }
    }
  }

  /** Accepts one connection and answers each request's head with the next answer; returns the count. */
  private static CompletableFuture<Integer> serve(ServerSocket listener, String... answers) {
    return CompletableFuture.supplyAsync(() -> {
      try (Socket socket = listener.accept()) {
        socket.setSoTimeout(5_000);
        InputStream in = socket.getInputStream();
        OutputStream out = socket.getOutputStream();
        for (String answer : answers) {
          readHead(in);
          out.write(answer.getBytes(StandardCharsets.ISO_8859_1));
          out.flush();
        }
        return answers.length;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  private static void readHead(InputStream in) throws IOException {
    int matched = 0;
    while (matched < 4) {
      int b = in.read();
      if (b < 0) {
        return;
      }
      matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
    }
  }
}
