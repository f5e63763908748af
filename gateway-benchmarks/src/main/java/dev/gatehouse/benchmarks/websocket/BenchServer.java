package dev.gatehouse.benchmarks.websocket;

/**
 * A WebSocket server under measurement, in this JVM: it echoes every text message back to its
 * sender and, on request, sends one text to every open connection.
 */
interface BenchServer extends AutoCloseable {

  /** The loopback port; clients connect to {@code ws://127.0.0.1:<port>/prod}. */
  int port();

  /** The connections open now, as the server counts them. */
  int connections();

  /**
   * Sends {@code text} to every open connection and waits until each send was taken or failed.
   *
   * @throws InterruptedException if interrupted while waiting for the sends
   */
  FanOutOutcome fanOut(String text) throws InterruptedException;

  /**
   * Lets the server use every core while it warms up, so that its JIT is not starved by its own
   * request threads; nothing where the server is not pinned.
   */
  default void spreadForWarmup() {}

  /** Puts the server back on its own core before anything is measured; nothing where it is not pinned. */
  default void pinForMeasurement() {}

  /**
   * The server process's CPU time so far, user plus system, its JIT compiler threads left out (they
   * keep compiling on one core long after the warm-up, as in the load benchmark); NaN where the
   * server shares its process with the clients.
   */
  default double cpuSeconds() {
    return Double.NaN;
  }

  /** Closes the connections and stops the server. */
  @Override
  void close();

  /** Starts {@code variant} on a free loopback port. */
  static BenchServer start(WebSocketVariant variant) {
    return variant == WebSocketVariant.BARE ? BareServer.start() : GatewayServer.start();
  }
}
