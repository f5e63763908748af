package dev.gatehouse.benchmarks.load;

import java.time.Duration;
import java.util.List;

/**
 * How long and how hard each cell (one variant and scenario) is loaded. Every phase is bounded in
 * time and in requests.
 *
 * @param name {@code full}, or {@code quick} for a smoke run whose figures are too short to quote
 * @param connections keep-alive connections of the maximum-throughput and fraction runs
 * @param serverThreads handler threads of every server, bare and gateway alike
 * @param heap the server JVM's fixed heap, such as {@code 256m}
 * @param warmupSeconds closed-loop load before anything is measured, for the JIT
 * @param maxSeconds the measured closed-loop run that finds the maximum throughput
 * @param unloadedRate requests per second of the one-connection open-loop run
 * @param unloadedSeconds its length
 * @param fractions the fractions of the maximum at which the open-loop client measures latency
 * @param fractionSeconds the length of each fraction run
 * @param maxRequestsPerPhase the cap on requests of any one phase
 */
public record LoadSettings(String name, int connections, int serverThreads, String heap, double warmupSeconds,
    double maxSeconds, double unloadedRate, double unloadedSeconds, List<Double> fractions,
    double fractionSeconds, long maxRequestsPerPhase) {
  /** After the fixed warm-up, closed-loop slices of this many seconds... */
  public static final int WARMUP_SLICE_SECONDS = 2;
  /** ...until two in a row differ by at most this share of throughput... */
  public static final double WARMUP_STEADY = 0.05;
  /** ...but no more slices than this. */
  public static final int WARMUP_MAX_SLICES = 3;


  /** Open-loop slots may still start this long after the schedule's end. */
  public static final long GRACE_SECONDS = 2;
  static final Duration GRACE = Duration.ofSeconds(GRACE_SECONDS);
  /** One answer taking longer than this counts as an error. */
  static final Duration READ_TIMEOUT = Duration.ofSeconds(5);

  public LoadSettings {
    fractions = List.copyOf(fractions);
  }

  /** The full run: about 30 s per cell. */
  public static LoadSettings full() {
    return new LoadSettings("full", 16, ServerMain.DEFAULT_THREADS, "256m", 8, 6, 1000, 2, List.of(0.5, 0.8), 3, 2_000_000);
  }

  /** A smoke run: about 7 s per cell; its figures are too short to quote. */
  public static LoadSettings quick() {
    return new LoadSettings("quick", 16, ServerMain.DEFAULT_THREADS, "256m", 1, 2, 1000, 1, List.of(0.5, 0.8), 1, 2_000_000);
  }

  /** Whether this is a smoke run. */
  public boolean smoke() {
    return name.equals("quick");
  }

  static Duration seconds(double seconds) {
    return Duration.ofNanos(Math.round(seconds * 1e9));
  }
}
