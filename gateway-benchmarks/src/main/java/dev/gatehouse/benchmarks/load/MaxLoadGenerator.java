package dev.gatehouse.benchmarks.load;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;

/**
 * A closed-loop generator that finds a server's maximum throughput: every connection sends its
 * next request as soon as the previous answer is in, for a fixed time.
 */
interface MaxLoadGenerator {

  /** A short description for BENCHMARKS.md, such as {@code wrk 4.1.0, 1 thread}. */
  String description();

  /**
   * Loads {@code target} with {@code request} over {@code connections} keep-alive connections for
   * {@code duration}. Returns within {@code duration} plus a bounded margin.
   */
  Result run(InetSocketAddress target, LoadRequest request, Duration duration, int connections)
      throws IOException, InterruptedException;

  /**
   * What a closed-loop run measured. Its latencies are those of a saturated server, measured from
   * the actual send time (closed loop), so they say little about latency at a given rate; the
   * open-loop runs do that.
   *
   * @param requests answers received
   * @param seconds the length of the run
   * @param errors non-2xx/3xx answers plus connection errors and timeouts
   * @param p50Micros median latency, microseconds
   * @param p99Micros 99th percentile latency, microseconds
   */
  record Result(long requests, double seconds, long errors, double p50Micros, double p99Micros) {

    /** Answers per second. */
    public double throughput() {
      return seconds > 0 ? requests / seconds : 0;
    }
  }
}
