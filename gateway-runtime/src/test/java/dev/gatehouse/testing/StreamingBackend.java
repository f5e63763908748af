package dev.gatehouse.testing;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A backend on a bare loopback socket whose answer bodies a test controls byte by byte: framed by
 * Content-Length, chunked, or ended by closing the connection; paused after some bytes until the
 * test lets it go on; or cut off (the connection reset) after some bytes. It tells when it reached
 * a pause, and when the gateway hung up before a body was complete. Every wait is bounded.
 */
public final class StreamingBackend implements AutoCloseable {
  private static final int WRITE_CHUNK = 16 * 1024;

  private final ServerSocket server;
  private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "streaming-backend");
    t.setDaemon(true);
    return t;
  });
  private final BlockingQueue<Answer> answers = new LinkedBlockingQueue<>();
  private final AtomicInteger requests = new AtomicInteger();
  private final CountDownLatch paused = new CountDownLatch(1);
  private final CountDownLatch hungUp = new CountDownLatch(1);
  private volatile Answer always = Answer.of(200, new byte[0]);

  /** How a body is framed on the wire. */
  public enum Framing {
    CONTENT_LENGTH,
    CHUNKED,
    UNTIL_CLOSE
  }

  /**
   * One answer: status, body and framing; {@code declared} is the Content-Length sent (it may lie);
   * the body stops for {@code resume} once {@code pauseAfter} bytes are out, and the connection is
   * reset once {@code dieAfter} bytes are out (-1: never).
   */
  public record Answer(int status, byte[] body, Framing framing, long declared, long pauseAfter,
      CountDownLatch resume, long dieAfter) {

    public static Answer of(int status, byte[] body) {
      return new Answer(status, body, Framing.CONTENT_LENGTH, body.length, -1, null, -1);
    }

    public Answer chunked() {
      return new Answer(status, body, Framing.CHUNKED, -1, pauseAfter, resume, dieAfter);
    }

    public Answer untilClose() {
      return new Answer(status, body, Framing.UNTIL_CLOSE, -1, pauseAfter, resume, dieAfter);
    }

    /** Holds the rest of the body back until {@code latch} opens (10 s at most). */
    public Answer pauseAfter(long bytes, CountDownLatch latch) {
      return new Answer(status, body, framing, declared, bytes, latch, dieAfter);
    }

    /** Resets the connection once {@code bytes} of the body are out. */
    public Answer dieAfter(long bytes) {
      return new Answer(status, body, framing, declared, pauseAfter, resume, bytes);
    }
  }

  private StreamingBackend(ServerSocket server) {
    this.server = server;
  }

  public static StreamingBackend start() throws IOException {
    StreamingBackend backend = new StreamingBackend(new ServerSocket(0, 64, InetAddress.getLoopbackAddress()));
    backend.threads.execute(backend::accept);
    return backend;
  }

  /** {@code http://127.0.0.1:port}, without a trailing slash. */
  public String url() {
    return "http://127.0.0.1:" + server.getLocalPort();
  }

  /** Answers the next request with {@code answer}; later ones take later answers, then the fixed one. */
  public StreamingBackend enqueue(Answer answer) {
    answers.add(answer);
    return this;
  }

  /** The answer for every request once the queue is empty. */
  public StreamingBackend answerAlways(Answer answer) {
    this.always = answer;
    return this;
  }

  public int requestCount() {
    return requests.get();
  }

  /** Whether a body reached its pause within {@code seconds}. */
  public boolean awaitPause(long seconds) throws InterruptedException {
    return paused.await(seconds, TimeUnit.SECONDS);
  }

  /** Whether, within {@code seconds}, the gateway closed a connection before its body was all written. */
  public boolean awaitHangUp(long seconds) throws InterruptedException {
    return hungUp.await(seconds, TimeUnit.SECONDS);
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket socket = server.accept();
        threads.execute(() -> serve(socket));
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  private void serve(Socket socket) {
    try (socket) {
      InputStream in = new BufferedInputStream(socket.getInputStream());
      OutputStream out = socket.getOutputStream();
      while (readRequestHead(in)) {
        requests.incrementAndGet();
        Answer answer = answers.poll();
        if (!write(socket, out, answer != null ? answer : always)) {
          return;
        }
      }
      // the gateway closed the connection; the whole answer may have fitted in loopback's socket
      // buffers before it gave up on it, so a write failing is not the only sign of a hang-up
      hungUp.countDown();
    } catch (IOException e) {
      hungUp.countDown();
    }
  }

  /** Reads up to the blank line; whether a request came (the tests send no request bodies). */
  private static boolean readRequestHead(InputStream in) throws IOException {
    int matched = 0;
    boolean any = false;
    int b;
    while ((b = in.read()) != -1) {
      any = true;
      matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
      if (matched == 4) {
        return true;
      }
    }
    if (any) {
      throw new IOException("request head cut short");
    }
    return false;
  }

  /** Writes one answer; whether the connection may carry another. */
  private boolean write(Socket socket, OutputStream out, Answer answer) throws IOException {
    StringBuilder head = new StringBuilder("HTTP/1.1 ").append(answer.status()).append(" OK\r\n")
        .append("Content-Type: application/octet-stream\r\n")
        .append("X-Backend: streaming\r\n");
    switch (answer.framing()) {
      case CONTENT_LENGTH -> head.append("Content-Length: ").append(answer.declared()).append("\r\n");
      case CHUNKED -> head.append("Transfer-Encoding: chunked\r\n");
      case UNTIL_CLOSE -> head.append("Connection: close\r\n");
    }
    out.write(head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
    byte[] body = answer.body();
    int position = 0;
    try {
      while (position < body.length) {
        if (position == answer.pauseAfter()) {
          out.flush();
          paused.countDown();
          awaitResume(answer);
        }
        if (position == answer.dieAfter()) {
          out.flush();
          socket.setSoLinger(true, 0); // a reset, not an orderly end
          return false;
        }
        int n = Math.min(WRITE_CHUNK, body.length - position);
        if (answer.pauseAfter() > position) {
          n = (int) Math.min(n, answer.pauseAfter() - position);
        }
        if (answer.dieAfter() > position) {
          n = (int) Math.min(n, answer.dieAfter() - position);
        }
        if (answer.framing() == Framing.CHUNKED) {
          out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        }
        out.write(body, position, n);
        if (answer.framing() == Framing.CHUNKED) {
          out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        position += n;
      }
      if (answer.framing() == Framing.CHUNKED) {
        out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      }
      out.flush();
    } catch (IOException e) {
      hungUp.countDown();
      return false;
    }
    return switch (answer.framing()) {
      case CHUNKED -> true;
      case CONTENT_LENGTH -> answer.declared() == body.length;
      case UNTIL_CLOSE -> false;
    };
  }

  private static void awaitResume(Answer answer) {
    try {
      answer.resume().await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    try {
      server.close();
    } catch (IOException e) {
      // closing anyway
    }
    threads.shutdownNow();
  }
}
