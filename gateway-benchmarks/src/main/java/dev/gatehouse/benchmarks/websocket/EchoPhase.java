package dev.gatehouse.benchmarks.websocket;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Closed-loop echo: each client sends {@code {"action":"echo",...}}, waits for the very same text to
 * come back, and only then sends the next. A different answer, a broken connection or a phase past
 * its time limit fails the phase.
 */
final class EchoPhase {
  private EchoPhase() {}

  /**
   * Runs {@code roundTrips} round trips on each client at once; returns their latencies and what
   * they cost {@code server}.
   */
  static EchoResult run(BenchServer server, List<BenchClient> clients, int roundTrips, Duration limit)
      throws InterruptedException, TimeoutException {
    List<Loop> loops = new ArrayList<>();
    for (BenchClient client : clients) {
      loops.add(new Loop(client, roundTrips));
    }
    double cpuBefore = server.cpuSeconds();
    long start = System.nanoTime();
    loops.forEach(Loop::start);
    CompletableFuture<?>[] done = loops.stream().map(loop -> loop.done).toArray(CompletableFuture[]::new);
    try {
      CompletableFuture.allOf(done).get(limit.toNanos(), TimeUnit.NANOSECONDS);
    } catch (ExecutionException e) {
      throw new IllegalStateException("echo phase failed: " + e.getCause().getMessage(), e.getCause());
    } catch (TimeoutException e) {
      long finished = loops.stream().mapToLong(loop -> loop.next).sum();
      throw new TimeoutException("echo phase: " + finished + " of " + (long) roundTrips * clients.size()
          + " round trips within " + limit);
    }
    double cpu = server.cpuSeconds() - cpuBefore;
    long elapsed = loops.stream().mapToLong(loop -> loop.lastAnswer).max().orElseThrow() - start;
    long[] all = new long[roundTrips * clients.size()];
    for (int i = 0; i < loops.size(); i++) {
      System.arraycopy(loops.get(i).nanos, 0, all, i * roundTrips, roundTrips);
    }
    return EchoResult.of(clients.size(), all, elapsed, cpu);
  }

  /** One client's loop; its handler runs on the client's threads, one message at a time. */
  private static final class Loop {
    final BenchClient client;
    final long[] nanos;
    final CompletableFuture<Void> done = new CompletableFuture<>();
    volatile int next;
    volatile long lastAnswer;
    private String expected;
    private long sentAt;

    Loop(BenchClient client, int roundTrips) {
      this.client = client;
      this.nanos = new long[roundTrips];
      client.broken().whenComplete((ok, e) -> done.completeExceptionally(e));
    }

    void start() {
      client.onMessage(this::answered);
      send();
    }

    private void send() {
      expected = String.format(Locale.ROOT, "{\"action\":\"echo\",\"client\":%d,\"seq\":%d}", client.index(), next);
      sentAt = System.nanoTime();
      client.send(expected);
    }

    private void answered(String text) {
      long now = System.nanoTime();
      if (done.isDone()) {
        return;
      }
      if (!text.equals(expected)) {
        done.completeExceptionally(new IllegalStateException("client " + client.index() + " sent " + expected
            + " and got " + text));
        return;
      }
      nanos[next] = now - sentAt;
      lastAnswer = now;
      next = next + 1;
      if (next == nanos.length) {
        done.complete(null);
      } else {
        send();
      }
    }
  }
}
