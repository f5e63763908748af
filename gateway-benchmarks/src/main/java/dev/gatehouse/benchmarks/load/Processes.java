package dev.gatehouse.benchmarks.load;

import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** What every benchmark's server processes need: their log's tail for errors, and a clean stop. */
public final class Processes {
  private Processes() {}

  /** The last 30 lines of {@code log}, or why it could not be read. */
  public static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    } catch (IOException e) {
      return "(" + log + " unreadable: " + e.getMessage() + ")";
    }
  }

  /** Stops a server that exits at the end of its input: that first, a kill if it lingers past the timeout. */
  public static void stop(Process process, Closeable input, long timeoutSeconds) {
    try {
      input.close();
    } catch (IOException e) {
      // The server is gone already; waiting below confirms it.
    }
    try {
      if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(timeoutSeconds, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
