package dev.gatehouse.benchmarks.websocket;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fan-out rounds: the server sends one message to every connection, and the round lasts from just
 * before the server is asked until the last client has the message. Every client must get each
 * round's message exactly once; a missing, duplicated or foreign message, a failed send on the server,
 * a broken connection or a round past its time limit fails the phase.
 */
final class FanOutPhase {
  /** A breath between rounds, so that one round's last writes are not the next one's first. */
  private static final long PAUSE_MILLIS = 20;

  private final List<BenchClient> clients;
  private final int[] lastRound;
  private final CompletableFuture<Void> anyBroken;
  /** Fails on a message that arrives between rounds, which no round would otherwise see. */
  private final CompletableFuture<Void> stray = new CompletableFuture<>();
  private volatile Round current;
  private int rounds;

  FanOutPhase(List<BenchClient> clients) {
    this.clients = clients;
    this.lastRound = new int[clients.size()];
    this.anyBroken = CompletableFuture.anyOf(clients.stream().map(BenchClient::broken)
        .toArray(CompletableFuture[]::new)).thenApply(ignored -> null);
    for (BenchClient client : clients) {
      client.onMessage(text -> received(client.index(), text));
    }
  }

  /** Runs {@code count} rounds through {@code server}; returns each one's duration in nanoseconds. */
  long[] run(BenchServer server, int count, Duration limit) throws InterruptedException, TimeoutException {
    long[] nanos = new long[count];
    for (int i = 0; i < count; i++) {
      nanos[i] = round(server, limit);
      Thread.sleep(PAUSE_MILLIS);
    }
    return nanos;
  }

  private long round(BenchServer server, Duration limit) throws InterruptedException, TimeoutException {
    int number = ++rounds;
    Round round = new Round(number, "{\"fanout\":" + number + ",\"text\":\"hello, everyone\"}");
    current = round;
    long start = System.nanoTime();
    FanOutOutcome outcome = server.fanOut(round.text);
    if (outcome.failed() > 0 || outcome.sent() != clients.size()) {
      throw new IllegalStateException("fan-out round " + number + ": the server sent to " + outcome.sent() + " of "
          + clients.size() + " clients, " + outcome.failed() + " failed (first: " + outcome.firstFailure() + ")");
    }
    try {
      long end = CompletableFuture.anyOf(round.allIn, anyBroken, stray)
          .get(Math.max(0, start + limit.toNanos() - System.nanoTime()), TimeUnit.NANOSECONDS) instanceof Long last
          ? last : Long.MIN_VALUE;
      if (end == Long.MIN_VALUE) {
        throw new IllegalStateException("fan-out round " + number + " ended without its last receipt");
      }
      return end - start;
    } catch (ExecutionException e) {
      throw new IllegalStateException("fan-out round " + number + " failed: " + e.getCause().getMessage(), e.getCause());
    } catch (TimeoutException e) {
      throw new TimeoutException("fan-out round " + number + ": " + round.received.get() + " of " + clients.size()
          + " clients had the message within " + limit);
    }
  }

  /** On the client's threads; one client's messages arrive one at a time. */
  private void received(int client, String text) {
    long now = System.nanoTime();
    Round round = current;
    if (round == null || !text.equals(round.text)) {
      fail(round, "client " + client + " got " + text + " during round " + (round == null ? "none" : round.number));
    } else if (lastRound[client] == round.number) {
      fail(round, "client " + client + " got round " + round.number + "'s message twice");
    } else {
      lastRound[client] = round.number;
      if (round.received.incrementAndGet() == clients.size()) {
        round.allIn.complete(now);
      }
    }
  }

  private void fail(Round round, String why) {
    (round != null ? round.allIn : stray).completeExceptionally(new IllegalStateException(why));
  }

  private static final class Round {
    final int number;
    final String text;
    final AtomicInteger received = new AtomicInteger();
    final CompletableFuture<Long> allIn = new CompletableFuture<>();

    Round(int number, String text) {
      this.number = number;
      this.text = text;
    }
  }
}
