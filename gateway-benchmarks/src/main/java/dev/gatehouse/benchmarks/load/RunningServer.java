package dev.gatehouse.benchmarks.load;

/** A started benchmark server on a loopback port; closing it stops the server and its gateway. */
public interface RunningServer extends AutoCloseable {

  /** The loopback port the server listens on. */
  int port();

  /** Stops the server at once and closes the gateway it serves, if any. */
  @Override
  void close();
}
