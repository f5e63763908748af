package dev.gatehouse.benchmarks.websocket;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.sun.management.UnixOperatingSystemMXBean;
import dev.gatehouse.benchmarks.load.Environment;
import dev.gatehouse.benchmarks.load.Taskset;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeoutException;

/**
 * The WebSocket benchmark's orchestrator: echo round trips and fan-out to every client, against a
 * bare Java-WebSocket server and against the gateway on {@code JdkWebSocketServer}, in the order
 * bare, gateway, bare (so that drift shows), one server JVM each; then {@code websocket.json}.
 * Run by {@code gateway-benchmarks/run} after the load benchmark:
 *
 * <pre>
 * java -cp benchmarks.jar dev.gatehouse.benchmarks.websocket.WebSocketBenchmark [--quick]
 *     [--results target/websocket.json] [--logs target/websocket-logs] [--command "how it was started"]
 * </pre>
 */
public final class WebSocketBenchmark {
  /** File descriptors this JVM needs beyond one per client: the JDK's own, jars, pipes. */
  private static final long SPARE_FILE_DESCRIPTORS = 256;

  private WebSocketBenchmark() {}

  /** Starts one server to be measured. */
  @FunctionalInterface
  interface ServerStarter {
    BenchServer start(WebSocketVariant variant) throws IOException;
  }

  public static void main(String[] args) throws Exception {
    WebSocketSettings settings = WebSocketSettings.full();
    Path results = Path.of("gateway-benchmarks/target/websocket.json");
    Path logs = Path.of("gateway-benchmarks/target/websocket-logs");
    String command = "java -cp benchmarks.jar " + WebSocketBenchmark.class.getName() + " " + String.join(" ", args);
    for (int i = 0; i < args.length; i++) {
      String value = i + 1 < args.length ? args[i + 1] : null;
      switch (args[i]) {
        case "--quick" -> settings = WebSocketSettings.quick();
        case "--results" -> results = Path.of(required(args[i], value));
        case "--logs" -> logs = Path.of(required(args[i], value));
        case "--command" -> command = required(args[i], value);
        default -> throw new IllegalArgumentException("argument: \"" + args[i]
            + "\" (expected: --quick, or --results, --logs or --command followed by a value)");
      }
      if (!args[i].equals("--quick")) {
        i++;
      }
    }
    checkFileDescriptors(settings.fanOutClients());
    Environment environment = Environment.current();
    Taskset taskset = Taskset.detect(environment.cores());
    taskset.pinThisProcessToGeneratorCore();
    String placement = taskset.pins()
        ? "each server in its own JVM pinned to core 0 (taskset -c 0; on both cores during its warm-up, as the load "
            + "benchmark's servers); clients and orchestrator on core 1"
        : "not pinned (taskset absent or fewer than 2 cores): each server in its own JVM, sharing the cores with "
            + "the clients";
    System.out.printf("WebSocket benchmark: %s; %s%n", settings, placement);
    Path logDir = logs;
    WebSocketSettings chosen = settings;
    WebSocketRun run = run(settings, command, placement, variant -> WebSocketServerProcess.start(variant,
        chosen.heap(), taskset, logDir.resolve(variant.label() + "-" + System.nanoTime() + ".log")));
    Files.createDirectories(results.toAbsolutePath().getParent());
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(results.toFile(), run);
    System.out.println("Wrote " + results);
  }

  /** Measures bare, gateway and bare again, each on a server from {@code starter}. */
  static WebSocketRun run(WebSocketSettings settings, String command, String placement, ServerStarter starter)
      throws IOException, InterruptedException, TimeoutException {
    String date = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    List<WebSocketVariant> order = List.of(WebSocketVariant.BARE, WebSocketVariant.GATEWAY, WebSocketVariant.BARE);
    List<ServerRun> runs = new ArrayList<>();
    for (WebSocketVariant variant : order) {
      try (BenchServer server = starter.start(variant)) {
        ServerRun measured = measure(variant, server, settings);
        runs.add(measured);
        announce(runs.size(), order.size(), measured);
      }
    }
    return new WebSocketRun(command, date, Environment.current(), placement, ClientPool.description(), settings, runs);
  }

  /** Everything measured against one server: warm-up on every core, then the phases pinned. */
  static ServerRun measure(WebSocketVariant variant, BenchServer server, WebSocketSettings s)
      throws InterruptedException, TimeoutException {
    Duration limit = Duration.ofSeconds(s.phaseTimeoutSeconds());
    try (ClientPool pool = new ClientPool(URI.create("ws://127.0.0.1:" + server.port() + "/prod"))) {
      server.spreadForWarmup();
      pool.growTo(s.fanOutClients(), limit);
      awaitConnections(server, s.fanOutClients(), limit);
      List<BenchClient> concurrent = pool.clients().subList(0, s.concurrentClients());
      EchoPhase.run(server, concurrent, s.warmupRoundTripsPerClient(), limit);
      new FanOutPhase(pool.clients()).run(server, s.fanOutWarmupRounds(), limit);
      server.pinForMeasurement();
      EchoResult single = EchoPhase.run(server, pool.clients().subList(0, 1), s.singleRoundTrips(), limit);
      EchoResult many = EchoPhase.run(server, concurrent, s.concurrentRoundTripsPerClient(), limit);
      FanOutPhase fanOut = new FanOutPhase(pool.clients());
      double cpuBefore = server.cpuSeconds();
      long[] rounds = fanOut.run(server, s.fanOutRounds(), limit);
      double cpu = server.cpuSeconds() - cpuBefore;
      return new ServerRun(variant.label(), single, many, FanOutResult.of(s.fanOutClients(), rounds, cpu));
    }
  }

  /** The server may count a connection a moment after the client sees it open. */
  private static void awaitConnections(BenchServer server, int expected, Duration limit)
      throws InterruptedException, TimeoutException {
    long deadline = System.nanoTime() + limit.toNanos();
    int open = server.connections();
    while (open != expected) {
      if (System.nanoTime() > deadline) {
        throw new TimeoutException("the server counts " + open + " connections, " + expected + " expected, after " + limit);
      }
      Thread.sleep(20);
      open = server.connections();
    }
  }

  /** Fails before anything starts when this JVM could not hold a socket per client. */
  private static void checkFileDescriptors(int clients) {
    OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    if (os instanceof UnixOperatingSystemMXBean unix && unix.getMaxFileDescriptorCount() < clients + SPARE_FILE_DESCRIPTORS) {
      throw new IllegalStateException("open files limit: " + unix.getMaxFileDescriptorCount() + " (expected: >= "
          + (clients + SPARE_FILE_DESCRIPTORS) + " for " + clients + " clients; raise it with ulimit -n)");
    }
  }

  private static void announce(int index, int total, ServerRun run) {
    System.out.println(String.format(Locale.ROOT,
        "[%d/%d] %-7s | echo 1 client p50 %.0f p99 %.0f us | echo %d clients %.0f/s p50 %.0f p99 %.0f us"
            + " cpu %.1f us/rt | fan-out to %d median %.2f ms (%.2f-%.2f) cpu %.1f us/msg", index, total,
        run.variant(), run.single().p50Micros(), run.single().p99Micros(), run.concurrent().clients(),
        run.concurrent().roundTripsPerSecond(), run.concurrent().p50Micros(), run.concurrent().p99Micros(),
        run.concurrent().serverCpuMicros(), run.fanOut().clients(), run.fanOut().medianMillis(),
        run.fanOut().minMillis(), run.fanOut().maxMillis(), run.fanOut().serverCpuMicros()));
  }

  private static String required(String option, String value) {
    if (value == null) {
      throw new IllegalArgumentException(option + ": missing value");
    }
    return value;
  }
}
