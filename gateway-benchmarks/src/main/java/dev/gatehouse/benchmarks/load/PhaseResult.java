package dev.gatehouse.benchmarks.load;

/**
 * One measured phase of a cell.
 *
 * @param name {@link #MAX}, {@link #UNLOADED} or a fraction such as {@code 80%}
 * @param targetRate the open-loop rate in requests per second; 0 for the closed-loop maximum
 * @param connections keep-alive connections used
 * @param seconds the phase's length
 * @param requests answers received
 * @param throughput answers per second
 * @param errors non-2xx/3xx answers plus failed requests
 * @param unsent open-loop slots not sent before the deadline (0 for the closed loop)
 * @param p50Micros median latency, microseconds (open loop: from the intended send time)
 * @param p99Micros 99th percentile latency, microseconds
 * @param cpuMicrosPerRequest the server process's user+system CPU over the phase per answer, without
 *     its JIT compiler threads
 * @param jitMicrosPerRequest the JIT compiler threads' CPU over the phase per answer
 */
public record PhaseResult(String name, double targetRate, int connections, double seconds, long requests,
    double throughput, long errors, long unsent, double p50Micros, double p99Micros, double cpuMicrosPerRequest,
    double jitMicrosPerRequest) {

  /** The closed-loop maximum-throughput phase. */
  public static final String MAX = "max";
  /** The open-loop phase at one connection and a low rate. */
  public static final String UNLOADED = "unloaded";

  /** An open-loop phase that answered less than this share of its rate did not keep up with it. */
  public static final double KEPT_UP = 0.95;

  /**
   * Whether the server (or the machine) did not keep up with an open-loop rate: its latencies then
   * measure a growing queue, not the server at that load.
   */
  public boolean fellBehind() {
    return targetRate > 0 && throughput < KEPT_UP * targetRate;
  }

  /** The name of the phase at {@code fraction} of the maximum, such as {@code 80%}. */
  public static String fractionName(double fraction) {
    return Math.round(fraction * 100) + "%";
  }
}
