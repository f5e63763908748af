package dev.gatehouse.benchmarks.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

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

  /** The last 30 lines of {@code log}, or why it could not be read. */
  static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    } catch (IOException e) {
      return "(" + log + " unreadable: " + e.getMessage() + ")";
    }
  }
}
