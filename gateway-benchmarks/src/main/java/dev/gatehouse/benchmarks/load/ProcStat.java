package dev.gatehouse.benchmarks.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A process's CPU time from {@code /proc/<pid>/stat}: user plus system time of all its threads, in
 * clock ticks. Read before and after a measured interval, it gives the server's own CPU per request,
 * which unlike throughput does not depend on how idle the generator's core was.
 *
 * @param userTicks {@code utime}, field 14
 * @param systemTicks {@code stime}, field 15
 */
public record ProcStat(long userTicks, long systemTicks) {

  /** Ticks per second where {@code getconf CLK_TCK} cannot be asked; Linux's usual value. */
  static final long DEFAULT_CLOCK_TICKS = 100;

  public long totalTicks() {
    return userTicks + systemTicks;
  }

  /** Reads {@code /proc/<pid>/stat}: every thread of the process, the exited ones included. */
  public static ProcStat read(long pid) throws IOException {
    return parse(Files.readString(Path.of("/proc", Long.toString(pid), "stat"), StandardCharsets.US_ASCII));
  }

  /**
   * The CPU time of the JIT compiler threads of a JVM ({@code C1 CompilerThread0}, truncated by the
   * kernel to {@code C1 CompilerThre}), from {@code /proc/<pid>/task/<tid>/stat}. On one core the
   * compilers keep working well after the warm-up, and their time is not what a request costs.
   */
  public static ProcStat readCompilers(long pid) throws IOException {
    long user = 0;
    long system = 0;
    try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc", Long.toString(pid), "task"))) {
      for (Path task : tasks) {
        String line;
        try {
          line = Files.readString(task.resolve("stat"), StandardCharsets.US_ASCII);
        } catch (NoSuchFileException e) {
          continue; // the thread ended between the listing and the open
        } catch (IOException e) {
          // Ended between the open and the read, the read then fails with "No such process": a
          // server whose threads come and go (the gateway on the JDK's HttpClient) gets there.
          if (Files.exists(task)) {
            throw e;
          }
          continue;
        }
        if (isCompiler(line)) {
          ProcStat stat = parse(line);
          user += stat.userTicks();
          system += stat.systemTicks();
        }
      }
    }
    return new ProcStat(user, system);
  }

  /** Whether a {@code stat} line is a HotSpot JIT compiler thread's. */
  static boolean isCompiler(String line) {
    int open = line.indexOf('(');
    int close = line.lastIndexOf(')');
    String name = open >= 0 && close > open ? line.substring(open + 1, close) : "";
    return name.matches("C[12] CompilerThr.*");
  }

  /** This time minus {@code other}'s, such as a process's time without its compiler threads. */
  ProcStat minus(ProcStat other) {
    return new ProcStat(userTicks - other.userTicks, systemTicks - other.systemTicks);
  }

  /**
   * Parses one {@code stat} line. The command name (field 2) is in parentheses and may itself hold
   * spaces and parentheses, so the fields are counted from the last {@code ')'}.
   */
  static ProcStat parse(String line) {
    int close = line.lastIndexOf(')');
    if (close < 0) {
      throw new IllegalArgumentException("stat: \"" + line + "\" (expected: pid (comm) state ...)");
    }
    String[] fields = line.substring(close + 1).trim().split("\\s+");
    // fields[0] is field 3 (state), so field n is fields[n - 3].
    if (fields.length < 13) {
      throw new IllegalArgumentException("stat: " + (fields.length + 2) + " fields (expected: at least 15)");
    }
    return new ProcStat(Long.parseLong(fields[11]), Long.parseLong(fields[12]));
  }

  /** Microseconds of CPU per request between {@code before} and {@code after}; NaN for no requests. */
  static double microsPerRequest(ProcStat before, ProcStat after, long requests, long ticksPerSecond) {
    if (requests <= 0) {
      return Double.NaN;
    }
    long ticks = after.totalTicks() - before.totalTicks();
    return ticks * 1e6 / ticksPerSecond / requests;
  }

  /** The kernel's clock ticks per second ({@code getconf CLK_TCK}), 100 when it cannot be asked. */
  public static long clockTicksPerSecond() {
    try {
      Process process = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        return DEFAULT_CLOCK_TICKS;
      }
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
      return process.exitValue() == 0 ? Long.parseLong(out) : DEFAULT_CLOCK_TICKS;
    } catch (IOException | NumberFormatException e) {
      return DEFAULT_CLOCK_TICKS;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return DEFAULT_CLOCK_TICKS;
    }
  }
}
