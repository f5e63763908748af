package dev.gatehouse.benchmarks.load;

/**
 * A process one cell loads and measures: a server JVM ({@link ServerProcess}) or the reference
 * proxy ({@link NginxProcess}). It listens on a loopback port, and {@link CellRunner} reads its CPU
 * time from {@code /proc/<pid>}, so {@link #pid} must be the process that does the work.
 */
interface MeasuredProcess extends AutoCloseable {

  /** The loopback port it listens on. */
  int port();

  /** The process whose CPU time is the cell's: the one that serves the requests. */
  long pid();

  /** The last lines of its log, for error messages. */
  String logTail();

  /** Stops the process, cleanly first, forcibly if it lingers. */
  @Override
  void close();
}
