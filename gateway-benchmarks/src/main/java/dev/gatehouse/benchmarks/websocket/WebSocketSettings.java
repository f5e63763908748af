package dev.gatehouse.benchmarks.websocket;

/**
 * How much each phase does; every phase is also bounded in time ({@link #phaseTimeoutSeconds}),
 * past which the run fails.
 *
 * @param warmupRoundTripsPerClient echo round trips of each concurrent client before anything is measured
 * @param singleRoundTrips the one client's measured round trips
 * @param concurrentClients the clients of the concurrent echo phase
 * @param concurrentRoundTripsPerClient each concurrent client's measured round trips
 * @param fanOutClients the clients connected for the fan-out (the echo clients among them)
 * @param fanOutWarmupRounds fan-out rounds before anything is measured
 * @param fanOutRounds the fan-out rounds measured
 * @param phaseTimeoutSeconds the longest any phase (connecting included) may take
 * @param heap the server JVM's heap, {@code -Xms} and {@code -Xmx}
 * @param smoke whether the figures are too short to quote
 */
public record WebSocketSettings(int warmupRoundTripsPerClient, int singleRoundTrips, int concurrentClients,
    int concurrentRoundTripsPerClient, int fanOutClients, int fanOutWarmupRounds, int fanOutRounds,
    int phaseTimeoutSeconds, String heap, boolean smoke) {
  /** Decoder threads of both servers: what {@code JdkWebSocketServer} picks on a 1-core JVM. */
  public static final int DECODER_THREADS = 2;

  public WebSocketSettings {
    if (concurrentClients > fanOutClients) {
      throw new IllegalArgumentException("concurrentClients: " + concurrentClients + " (expected: <= fanOutClients, "
          + fanOutClients + ")");
    }
  }

  /** The measured run: 1,000 clients. */
  public static WebSocketSettings full() {
    return new WebSocketSettings(2_000, 10_000, 16, 2_000, 1_000, 30, 50, 120, "256m", false);
  }

  /** {@code --quick}: the same shape, a few seconds per server. */
  public static WebSocketSettings quick() {
    return new WebSocketSettings(200, 1_000, 16, 200, 1_000, 5, 10, 60, "256m", true);
  }

  /** A few round trips and clients, to check the machinery rather than measure. */
  public static WebSocketSettings tiny() {
    return new WebSocketSettings(10, 20, 4, 20, 20, 1, 3, 30, "64m", true);
  }
}
