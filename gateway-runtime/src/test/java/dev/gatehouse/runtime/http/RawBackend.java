package dev.gatehouse.runtime.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A backend on 127.0.0.1 that speaks raw bytes, for answers no HTTP server would send: for each
 * connection it reads the request head (bounded: 64 KiB, 5 s), writes the next canned answer (or
 * the fixed one once the queue is empty) and closes its end; an empty answer closes at once, and
 * {@link #hold} keeps connections open without a byte.
 */
final class RawBackend implements AutoCloseable {
  private final ServerSocket server;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final AtomicInteger requests = new AtomicInteger();
  private final Queue<byte[]> queued = new ConcurrentLinkedQueue<>();
  private volatile byte[] always = new byte[0];
  private volatile boolean hold;

  RawBackend() throws IOException {
    server = new ServerSocket(0, 16, InetAddress.getLoopbackAddress());
    threads.execute(this::acceptAll);
  }

  String url() {
    return "http://127.0.0.1:" + server.getLocalPort();
  }

  int port() {
    return server.getLocalPort();
  }

  /** Answers every connection with these bytes (ISO-8859-1) once the queue is empty. */
  void answer(String bytes) {
    this.always = bytes.getBytes(StandardCharsets.ISO_8859_1);
    this.hold = false;
  }

  /** Answers the next connection with these bytes; later ones take later answers. */
  void enqueue(String bytes) {
    queued.add(bytes.getBytes(StandardCharsets.ISO_8859_1));
  }

  /** Keeps every connection open without answering. */
  void hold() {
    this.hold = true;
  }

  /** How many request heads were read so far. */
  int requests() {
    return requests.get();
  }

  private void acceptAll() {
    while (!server.isClosed()) {
      try {
        Socket socket = server.accept();
        threads.execute(() -> serve(socket));
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(Socket socket) {
    try (socket) {
      socket.setSoTimeout(5_000);
      InputStream in = socket.getInputStream();
      readHead(in);
      requests.incrementAndGet();
      if (!hold) {
        byte[] answer = queued.poll();
        OutputStream out = socket.getOutputStream();
        out.write(answer != null ? answer : always);
        out.flush();
        socket.shutdownOutput();
      }
      // wait (bounded) until the gateway has read everything, or given up, and closes its end
      while (in.read() >= 0) {
        // discard
      }
    } catch (IOException e) {
      // the gateway closed or reset its end, or the 5 s passed: nothing more to do
    }
  }

  private static void readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    byte[] end = {'\r', '\n', '\r', '\n'};
    int matched = 0;
    while (matched < end.length && head.size() < 65_536) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("closed before the end of the request head");
      }
      head.write(b);
      matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
    threads.shutdownNow();
  }
}
