package dev.gatehouse.benchmarks.websocket;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The benchmark's clients: JDK WebSocket connections on one {@link HttpClient}, whose one selector
 * thread reads them all and whose two-thread executor runs their listeners. Cheaper than
 * Java-WebSocket's client, which spends two threads on every connection: with 1,000 of them the
 * client side would cost more than the server it measures.
 */
final class ClientPool implements AutoCloseable {
  /** Handshakes in flight at once: the server's decoder threads decide them one at a time anyway. */
  private static final int CONNECTING_AT_ONCE = 32;

  private final ExecutorService executor = Executors.newFixedThreadPool(2, runnable -> {
    Thread thread = new Thread(runnable, "websocket-client");
    thread.setDaemon(true);
    return thread;
  });
  private final HttpClient http = HttpClient.newBuilder().executor(executor).build();
  private final URI uri;
  private final List<BenchClient> clients = new ArrayList<>();

  ClientPool(URI uri) {
    this.uri = uri;
  }

  /** The client library, for BENCHMARKS.md. */
  static String description() {
    return "the JDK's java.net.http.WebSocket (" + System.getProperty("java.version")
        + "), all connections on one HttpClient with a 2-thread executor";
  }

  List<BenchClient> clients() {
    return clients;
  }

  /**
   * Opens connections until there are {@code total}.
   *
   * @throws TimeoutException if they are not all open within {@code limit}
   * @throws IllegalStateException if a handshake fails
   */
  void growTo(int total, Duration limit) throws InterruptedException, TimeoutException {
    long deadline = System.nanoTime() + limit.toNanos();
    Semaphore inFlight = new Semaphore(CONNECTING_AT_ONCE);
    List<CompletableFuture<Void>> opened = new ArrayList<>();
    while (clients.size() < total) {
      if (!inFlight.tryAcquire(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
        throw new TimeoutException(clients.size() + " clients started, " + total + " wanted, within " + limit);
      }
      BenchClient client = new BenchClient(clients.size());
      clients.add(client);
      opened.add(http.newWebSocketBuilder().connectTimeout(limit).buildAsync(uri, client)
          .thenAccept(client::connected)
          .whenComplete((ok, e) -> inFlight.release()));
    }
    try {
      CompletableFuture.allOf(opened.toArray(CompletableFuture[]::new))
          .get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (ExecutionException e) {
      throw new IllegalStateException("a client could not connect to " + uri, e.getCause());
    }
  }

  @Override
  public void close() {
    clients.forEach(BenchClient::abort);
    executor.shutdownNow();
  }
}
