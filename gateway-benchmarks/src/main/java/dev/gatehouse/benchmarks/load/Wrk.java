package dev.gatehouse.benchmarks.load;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs {@code wrk} (one thread, keep-alive connections, {@code --latency}) in its own process,
 * pinned by {@link Taskset} to the load generator's core, and parses its report.
 */
final class Wrk implements MaxLoadGenerator {
  private static final Pattern REQUESTS = Pattern.compile("(\\d+) requests in ([\\d.]+)(us|ms|s|m|h)");
  private static final Pattern PERCENTILE = Pattern.compile("^\\s*(50|99)(?:\\.0+)?%\\s+([\\d.]+)(us|ms|s|m|h)\\s*$",
      Pattern.MULTILINE);
  private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");
  private static final Pattern SOCKET_ERRORS =
      Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");

  private final Path wrk;
  private final Taskset taskset;
  private final Path scratch;

  /**
   * @param wrk the wrk executable
   * @param taskset pins wrk to the generator's core
   * @param scratch a directory for the Lua script that sets the method, headers and body
   */
  Wrk(Path wrk, Taskset taskset, Path scratch) {
    this.wrk = wrk;
    this.taskset = taskset;
    this.scratch = scratch;
  }

  @Override
  public String description() {
    return "wrk (" + wrk + "), 1 thread";
  }

  @Override
  public Result run(InetSocketAddress target, LoadRequest request, Duration duration, int connections)
      throws IOException, InterruptedException {
    // wrk sends Host as host:port from the URL, the same value a signer is given here.
    String host = target.getHostString() + ":" + target.getPort();
    Path script = Files.writeString(scratch.resolve("request.lua"), luaScript(request.signedFor(host)),
        StandardCharsets.UTF_8);
    List<String> command = new ArrayList<>(taskset.generatorPrefix());
    command.addAll(List.of(wrk.toString(), "-t1", "-c" + connections, "-d" + Math.max(1, duration.toSeconds()) + "s",
        "--timeout", "5s", "--latency", "-s", script.toString(), "http://" + host + request.path()));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    byte[] output;
    try {
      // wrk stops by itself after the duration; the margin covers its start and its last timeouts.
      if (!process.waitFor(duration.toSeconds() + 15, TimeUnit.SECONDS)) {
        throw new IOException("wrk did not finish within " + (duration.toSeconds() + 15) + " s");
      }
      output = process.getInputStream().readAllBytes();
    } finally {
      process.destroyForcibly();
    }
    String text = new String(output, StandardCharsets.UTF_8);
    if (process.exitValue() != 0) {
      throw new IOException("wrk exited with " + process.exitValue() + ":\n" + text);
    }
    return parse(text);
  }

  /** The figures of one wrk report (with {@code --latency}). */
  static Result parse(String report) throws IOException {
    Matcher requests = REQUESTS.matcher(report);
    if (!requests.find()) {
      throw new IOException("no \"N requests in T\" line in wrk's report:\n" + report);
    }
    long count = Long.parseLong(requests.group(1));
    double seconds = micros(requests.group(2), requests.group(3)) / 1e6;
    double p50 = Double.NaN;
    double p99 = Double.NaN;
    Matcher percentile = PERCENTILE.matcher(report);
    while (percentile.find()) {
      double value = micros(percentile.group(2), percentile.group(3));
      if (percentile.group(1).equals("50")) {
        p50 = value;
      } else {
        p99 = value;
      }
    }
    long errors = 0;
    Matcher non2xx = NON_2XX.matcher(report);
    if (non2xx.find()) {
      errors += Long.parseLong(non2xx.group(1));
    }
    Matcher socket = SOCKET_ERRORS.matcher(report);
    if (socket.find()) {
      for (int group = 1; group <= 4; group++) {
        errors += Long.parseLong(socket.group(group));
      }
    }
    return new Result(count, seconds, errors, p50, p99);
  }

  private static double micros(String number, String unit) {
    double value = Double.parseDouble(number);
    return switch (unit) {
      case "us" -> value;
      case "ms" -> value * 1e3;
      case "s" -> value * 1e6;
      case "m" -> value * 60e6;
      default -> value * 3600e6;
    };
  }

  /** The Lua script that makes wrk send {@code request}'s method, headers and body. */
  static String luaScript(LoadRequest request) {
    if (request.signer() != null) {
      throw new IllegalArgumentException("request: " + request.label() + " (expected: signedFor(host) first)");
    }
    StringBuilder lua = new StringBuilder().append("wrk.method = ").append(lua(request.method())).append('\n');
    if (!request.body().isEmpty()) {
      // Any body, even an empty one, makes wrk send Content-Length; the raw client sends none.
      lua.append("wrk.body = ").append(lua(request.body())).append('\n');
    }
    for (Map.Entry<String, String> header : request.headers().entrySet()) {
      lua.append("wrk.headers[").append(lua(header.getKey())).append("] = ").append(lua(header.getValue())).append('\n');
    }
    return lua.toString();
  }

  /** A Lua string literal: printable ASCII as is, everything else as decimal byte escapes. */
  private static String lua(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\') {
        out.append((char) c);
      } else {
        out.append('\\').append(String.format("%03d", c));
      }
    }
    return out.append('"').toString();
  }
}
