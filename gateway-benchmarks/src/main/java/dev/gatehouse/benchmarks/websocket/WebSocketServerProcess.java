package dev.gatehouse.benchmarks.websocket;

import dev.gatehouse.benchmarks.load.ProcStat;
import dev.gatehouse.benchmarks.load.Processes;
import dev.gatehouse.benchmarks.load.Taskset;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A {@link WebSocketServerMain} in its own JVM, on the server's core, driven through its standard
 * input and output; its standard error goes to a log file. Closing it ends its input, which stops
 * it, and kills it if it lingers.
 */
final class WebSocketServerProcess implements BenchServer {
  private static final long START_TIMEOUT_SECONDS = 60;
  private static final long ANSWER_TIMEOUT_SECONDS = 60;
  private static final long STOP_TIMEOUT_SECONDS = 10;
  private static final String EXITED = "\u0000exited";

  private final Process process;
  private final Taskset taskset;
  private final Writer commands;
  private final BlockingQueue<String> answers;
  private final Path log;
  private final int port;
  private final long clockTicks = ProcStat.clockTicksPerSecond();

  private WebSocketServerProcess(Process process, Taskset taskset, BlockingQueue<String> answers, Path log)
      throws IOException {
    this.process = process;
    this.taskset = taskset;
    this.commands = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
    this.answers = answers;
    this.log = log;
    String ready = answer(START_TIMEOUT_SECONDS);
    if (!ready.startsWith(WebSocketServerMain.READY)) {
      throw new IOException("expected \"" + WebSocketServerMain.READY + "N\", got \"" + ready + "\"");
    }
    this.port = Integer.parseInt(ready.substring(WebSocketServerMain.READY.length()).trim());
  }

  /** The server JVM's options: a fixed heap and collector, as the load benchmark's servers. */
  static List<String> jvmOptions(String heap) {
    return List.of("-Xms" + heap, "-Xmx" + heap, "-XX:+UseSerialGC",
        "-Dorg.slf4j.simpleLogger.log.dev.gatehouse.access=warn");
  }

  /**
   * Starts a server and waits until it prints its port.
   *
   * @throws IOException with the end of the server's log if it does not come up
   */
  static WebSocketServerProcess start(WebSocketVariant variant, String heap, Taskset taskset, Path log)
      throws IOException {
    List<String> command = new ArrayList<>(taskset.serverPrefix());
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions(heap));
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), WebSocketServerMain.class.getName(),
        "--variant", variant.label()));
    Files.createDirectories(log.toAbsolutePath().getParent());
    Process process = new ProcessBuilder(command).redirectError(log.toFile()).start();
    BlockingQueue<String> answers = new LinkedBlockingQueue<>();
    Thread reader = new Thread(() -> read(process, answers), "websocket-server-stdout");
    reader.setDaemon(true);
    reader.start();
    try {
      return new WebSocketServerProcess(process, taskset, answers, log);
    } catch (IOException | RuntimeException e) {
      process.destroyForcibly();
      throw new IOException(variant.label() + " WebSocket server did not start: " + e.getMessage()
          + "; end of " + log + ":\n" + Processes.tail(log), e);
    }
  }

  private static void read(Process process, BlockingQueue<String> answers) {
    try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        answers.add(line);
      }
    } catch (IOException e) {
      // The process is gone; the marker below tells whoever waits.
    }
    answers.add(EXITED);
  }

  private String answer(long timeoutSeconds) throws IOException {
    try {
      String line = answers.poll(timeoutSeconds, TimeUnit.SECONDS);
      if (line == null) {
        throw new IOException("the server did not answer within " + timeoutSeconds + " s; end of " + log + ":\n" + Processes.tail(log));
      }
      if (line.equals(EXITED)) {
        throw new IOException("the server exited; end of " + log + ":\n" + Processes.tail(log));
      }
      return line;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while waiting for the server", e);
    }
  }

  private String ask(String command) {
    try {
      commands.write(command + "\n");
      commands.flush();
      return answer(ANSWER_TIMEOUT_SECONDS);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public double cpuSeconds() {
    try {
      long ticks = ProcStat.read(process.pid()).totalTicks() - ProcStat.readCompilers(process.pid()).totalTicks();
      return (double) ticks / clockTicks;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the server's CPU time", e);
    }
  }

  @Override
  public void spreadForWarmup() {
    place(true);
  }

  @Override
  public void pinForMeasurement() {
    place(false);
  }

  private void place(boolean spread) {
    try {
      if (spread) {
        taskset.spreadServer(process.pid());
      } else {
        taskset.pinServer(process.pid());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while placing the server", e);
    }
  }

  @Override
  public int port() {
    return port;
  }

  @Override
  public int connections() {
    String line = ask(WebSocketServerMain.COUNT);
    if (!line.startsWith(WebSocketServerMain.COUNT + " ")) {
      throw new IllegalStateException("server answered \"" + line + "\" (expected: count N)");
    }
    return Integer.parseInt(line.substring(WebSocketServerMain.COUNT.length() + 1));
  }

  @Override
  public FanOutOutcome fanOut(String text) {
    return FanOutOutcome.parse(ask(WebSocketServerMain.FAN_OUT + text));
  }

  /** The last 30 lines of the server's log, for error messages. */
  String logTail() {
    return Processes.tail(log);
  }

  @Override
  public void close() {
    Processes.stop(process, commands, STOP_TIMEOUT_SECONDS);
  }
}
