package dev.gatehouse.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP backend on 127.0.0.1 and an ephemeral port (the JDK's {@code HttpServer}): answers
 * are queued with {@link #enqueue} (or a fixed one with {@link #answerAlways}), and every request it
 * received can be taken with {@link #takeRequest}, in arrival order.
 */
public final class Backend implements AutoCloseable {
  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final BlockingQueue<Answer> answers = new LinkedBlockingQueue<>();
  private final BlockingQueue<Recorded> received = new LinkedBlockingQueue<>();
  private final AtomicInteger count = new AtomicInteger();
  private volatile Answer always = Answer.of(200, "ok");

  /** What the backend answers: status, header fields in order, body, and a pause before answering. */
  public record Answer(int status, Map<String, List<String>> headers, byte[] body, Duration delay) {
    public static Answer of(int status, String body) {
      return new Answer(status, Map.of("Content-Type", List.of("text/plain")),
          body.getBytes(StandardCharsets.UTF_8), Duration.ZERO);
    }

    public Answer delayed(Duration by) {
      return new Answer(status, headers, body, by);
    }

    public Answer withHeader(String name, String... values) {
      Map<String, List<String>> all = new LinkedHashMap<>(headers);
      all.put(name, List.of(values));
      return new Answer(status, all, body, delay);
    }
  }

  /** One request as the backend received it; header names as the JDK server shows them. */
  public record Recorded(String method, String rawPath, String rawQuery, Map<String, List<String>> headers,
      byte[] body) {
    public String header(String name) {
      List<String> values = headers(name);
      return values.isEmpty() ? null : values.get(0);
    }

    public List<String> headers(String name) {
      for (Map.Entry<String, List<String>> field : headers.entrySet()) {
        if (field.getKey().equalsIgnoreCase(name)) {
          return field.getValue();
        }
      }
      return List.of();
    }

    public String bodyAsString() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  private Backend(HttpServer server) {
    this.server = server;
  }

  public static Backend start() throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    Backend backend = new Backend(server);
    server.createContext("/", backend::serve);
    server.setExecutor(backend.executor);
    server.start();
    return backend;
  }

  /** {@code http://127.0.0.1:port}, without a trailing slash. */
  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  public int port() {
    return server.getAddress().getPort();
  }

  /** Answers the next request with {@code answer}; later ones take later answers, then the fixed one. */
  public Backend enqueue(Answer answer) {
    answers.add(answer);
    return this;
  }

  /** The answer for every request once the queue is empty; 200 {@code ok} unless set. */
  public Backend answerAlways(Answer answer) {
    this.always = answer;
    return this;
  }

  /** The next request received, waiting up to 5 seconds; fails the test if none came. */
  public Recorded takeRequest() throws InterruptedException {
    Recorded request = received.poll(5, TimeUnit.SECONDS);
    if (request == null) {
      throw new AssertionError("the backend received no request within 5 s");
    }
    return request;
  }

  /** How many requests reached the backend so far. */
  public int requestCount() {
    return count.get();
  }

  private void serve(HttpExchange exchange) throws IOException {
    byte[] body;
    try (InputStream in = exchange.getRequestBody()) {
      body = in.readAllBytes();
    }
    Map<String, List<String>> headers = new LinkedHashMap<>();
    exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, List.copyOf(values)));
    // counted first: once takeRequest has a request, requestCount includes it
    count.incrementAndGet();
    received.add(new Recorded(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
        exchange.getRequestURI().getRawQuery(), headers, body));
    Answer answer = answers.poll();
    if (answer == null) {
      answer = always;
    }
    try {
      if (!answer.delay().isZero()) {
        Thread.sleep(answer.delay().toMillis());
      }
      answer.headers().forEach((name, values) -> exchange.getResponseHeaders().put(name, new ArrayList<>(values)));
      boolean empty = answer.body().length == 0;
      exchange.sendResponseHeaders(answer.status(), empty ? -1 : answer.body().length);
      if (!empty) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(answer.body());
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      exchange.close();
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
