package dev.gatehouse.benchmarks.websocket;

import java.util.Arrays;
import java.util.List;

/**
 * Fan-out rounds: in each, one message to every connected client, timed from the start of the first
 * send until the last client has the whole message.
 *
 * @param clients the clients every round reached
 * @param rounds the rounds measured
 * @param medianMillis the median round
 * @param minMillis the fastest round
 * @param maxMillis the slowest round
 * @param serverCpuMicros the server process's CPU per message delivered, over all rounds (JIT
 *     threads left out); NaN where the server ran in the clients' process
 * @param roundMillis every round, in the order they ran
 */
public record FanOutResult(int clients, int rounds, double medianMillis, double minMillis, double maxMillis,
    double serverCpuMicros, List<Double> roundMillis) {

  public FanOutResult {
    roundMillis = List.copyOf(roundMillis);
  }

  static FanOutResult of(int clients, long[] roundNanos, double cpuSeconds) {
    List<Double> inOrder = Arrays.stream(roundNanos).mapToObj(n -> n / 1e6).toList();
    long[] sorted = roundNanos.clone();
    Arrays.sort(sorted);
    return new FanOutResult(clients, sorted.length, EchoResult.percentile(sorted, 0.50) / 1e6, sorted[0] / 1e6,
        sorted[sorted.length - 1] / 1e6, cpuSeconds * 1e6 / ((long) clients * sorted.length), inOrder);
  }
}
