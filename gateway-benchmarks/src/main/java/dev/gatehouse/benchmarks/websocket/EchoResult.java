package dev.gatehouse.benchmarks.websocket;

import java.util.Arrays;

/**
 * One closed-loop echo phase: each client sends a message and waits for it to come back before it
 * sends the next.
 *
 * @param clients the clients, each with its own loop
 * @param roundTrips the round trips measured, over all clients
 * @param seconds from the first send to the last answer
 * @param roundTripsPerSecond {@code roundTrips / seconds}
 * @param p50Micros the median round trip, from the send to the whole answer
 * @param p99Micros the 99th percentile round trip
 * @param maxMicros the slowest round trip
 * @param serverCpuMicros the server process's CPU per round trip (JIT threads left out); NaN where
 *     the server ran in the clients' process
 */
public record EchoResult(int clients, long roundTrips, double seconds, double roundTripsPerSecond,
    double p50Micros, double p99Micros, double maxMicros, double serverCpuMicros) {

  /** The result of round trips measured in nanoseconds; sorts {@code nanos}. */
  static EchoResult of(int clients, long[] nanos, long elapsedNanos, double cpuSeconds) {
    Arrays.sort(nanos);
    double seconds = elapsedNanos / 1e9;
    return new EchoResult(clients, nanos.length, seconds, nanos.length / seconds, percentile(nanos, 0.50) / 1e3,
        percentile(nanos, 0.99) / 1e3, nanos[nanos.length - 1] / 1e3, cpuSeconds * 1e6 / nanos.length);
  }

  /** The nearest-rank percentile of sorted values. */
  static double percentile(long[] sorted, double quantile) {
    int rank = (int) Math.ceil(quantile * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }
}
