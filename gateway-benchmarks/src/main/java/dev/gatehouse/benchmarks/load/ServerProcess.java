package dev.gatehouse.benchmarks.load;

import dev.gatehouse.jdkserver.JdkHttpServerAdapter;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A {@link ServerMain} in its own JVM, on the server's core, with its standard error in a log file.
 * Closing it closes the server's standard input, which stops it, and kills it if it lingers.
 */
final class ServerProcess implements MeasuredProcess {
  private static final long START_TIMEOUT_SECONDS = 60;
  private static final long STOP_TIMEOUT_SECONDS = 10;

  private final Process process;
  private final int port;
  private final Path log;

  private ServerProcess(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
  }

  /** The JVM options of every server: a fixed heap, and the JDK server's recommended properties. */
  static List<String> jvmOptions(Variant variant, String heap) {
    List<String> options = new ArrayList<>(List.of("-Xms" + heap, "-Xmx" + heap,
        // A 1-core JVM picks the serial collector anyway; naming it keeps every run on the same one.
        "-XX:+UseSerialGC",
        // One SLF4J line per request would measure the console, not the gateway.
        "-Dorg.slf4j.simpleLogger.log.dev.gatehouse.access=warn"));
    if (variant.server() == Variant.Server.JDK) {
      // Bare and gateway alike: without nodelay every keep-alive answer waits for a delayed ACK.
      JdkHttpServerAdapter.recommendedSystemProperties().forEach((name, value) -> options.add("-D" + name + "=" + value));
    }
    return options;
  }

  /**
   * Starts a server and waits until it prints its port.
   *
   * @param scenario the scenario's name, or {@code null} for a bare variant
   * @param backend the backend's URI for scenarios that call one, otherwise {@code null}
   * @throws IOException with the end of the server's log if it does not come up
   */
  static ServerProcess start(Variant variant, String scenario, int threads, URI backend, String heap,
      Taskset taskset, Path log) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(taskset.serverPrefix());
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions(variant, heap));
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), ServerMain.class.getName(),
        "--variant", variant.label(), "--threads", Integer.toString(threads)));
    if (scenario != null) {
      command.addAll(List.of("--scenario", scenario));
    }
    if (backend != null) {
      command.addAll(List.of("--backend", backend.toString()));
    }
    Files.createDirectories(log.getParent());
    Process process = new ProcessBuilder(command).redirectError(log.toFile()).start();
    CompletableFuture<Integer> ready = new CompletableFuture<>();
    Thread reader = new Thread(() -> readPort(process, ready), "server-stdout");
    reader.setDaemon(true);
    reader.start();
    try {
      int port = ready.get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
      return new ServerProcess(process, port, log);
    } catch (ExecutionException | TimeoutException e) {
      process.destroyForcibly().waitFor(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
      throw new IOException(variant.label() + (scenario != null ? " " + scenario : "")
          + " did not start within " + START_TIMEOUT_SECONDS + " s; end of " + log + ":\n" + Processes.tail(log), e);
    }
  }

  /** Completes {@code ready} with the port from the ready line, then reads the rest away. */
  private static void readPort(Process process, CompletableFuture<Integer> ready) {
    try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        if (!ready.isDone() && line.startsWith(ServerMain.READY)) {
          ready.complete(Integer.parseInt(line.substring(ServerMain.READY.length()).trim()));
        }
      }
      ready.completeExceptionally(new IOException("the server exited before it was ready"));
    } catch (IOException | RuntimeException e) {
      ready.completeExceptionally(e);
    }
  }

  @Override
  public int port() {
    return port;
  }

  @Override
  public long pid() {
    return process.pid();
  }

  @Override
  public String logTail() {
    return Processes.tail(log);
  }

  /** Stops the server: end of input first, a kill if it has not exited within the timeout. */
  @Override
  public void close() {
    Processes.stop(process, process.getOutputStream(), STOP_TIMEOUT_SECONDS);
  }
}
