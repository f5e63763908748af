package dev.gatehouse.benchmarks.load;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.gatehouse.benchmarks.report.BenchmarksReport;
import dev.gatehouse.jdkserver.JdkHttpServerAdapter;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The load benchmark's orchestrator: for each server, each scenario's gateway between two runs of
 * its bare baseline (before and after, so that drift shows), one server process per cell; then, when
 * a scenario proxies to the backend and nginx is installed, nginx proxying to the same backend as
 * the reference; then {@code load.json} and BENCHMARKS.md. Run by {@code gateway-benchmarks/run}:
 *
 * <pre>
 * java -cp benchmarks.jar dev.gatehouse.benchmarks.load.LoadBenchmark [--quick] [--scenarios a,b]
 *     [--servers jdk,jetty] [--jmh target/jmh.json] [--results target/load.json] [--out BENCHMARKS.md]
 *     [--logs target/load-logs] [--command "how the run was started"] [--jmh-command "the JMH run's"]
 * </pre>
 */
public final class LoadBenchmark {
  private LoadBenchmark() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> options = options(args);
    // The backend, if any, is a JDK server in this JVM: it needs the same properties as the servers.
    JdkHttpServerAdapter.recommendedSystemProperties().forEach(System::setProperty);
    LoadSettings settings = options.containsKey("--quick") ? LoadSettings.quick() : LoadSettings.full();
    List<Scenario> scenarios = new ArrayList<>();
    for (String name : options.getOrDefault("--scenarios", names(Scenarios.all())).split(",")) {
      scenarios.add(Scenarios.named(name.trim()));
    }
    List<Variant.Server> servers = new ArrayList<>();
    for (String name : options.getOrDefault("--servers", "jdk,jetty").split(",")) {
      servers.add(parseServer(name.trim()));
    }
    Path results = Path.of(options.getOrDefault("--results", "gateway-benchmarks/target/load.json"));
    Path logs = Path.of(options.getOrDefault("--logs", "gateway-benchmarks/target/load-logs"));
    Path jmh = Path.of(options.getOrDefault("--jmh", "gateway-benchmarks/target/jmh.json"));
    Path out = Path.of(options.getOrDefault("--out", "BENCHMARKS.md"));
    String command = options.getOrDefault("--command",
        "java -cp benchmarks.jar " + LoadBenchmark.class.getName() + " " + String.join(" ", args));

    String date = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    Environment environment = Environment.current();
    Taskset taskset = Taskset.detect(environment.cores());
    taskset.pinThisProcessToGeneratorCore();
    long clockTicks = ProcStat.clockTicksPerSecond();
    Files.createDirectories(logs);
    MaxLoadGenerator generator = Executables.find("wrk")
        .<MaxLoadGenerator>map(wrk -> new Wrk(wrk, taskset, logs))
        .orElseGet(() -> new ClosedLoopClient(settings.maxRequestsPerPhase(), LoadSettings.READ_TIMEOUT));
    System.out.printf("Load benchmark: %s; %s; generator: %s%n", settings, taskset.description(),
        generator.description());

    List<CellResult> cells = new ArrayList<>();
    boolean needsBackend = scenarios.stream().anyMatch(s -> s.backend() != Scenario.Backend.NONE);
    List<LoadRequest> proxied = scenarios.stream().filter(s -> s.backend() == Scenario.Backend.HTTP)
        .map(Scenario::request).distinct().toList();
    Optional<Path> nginx = proxied.isEmpty() ? Optional.empty() : NginxProcess.find();
    String reference = nginx.isPresent() ? NginxProcess.describe(nginx.get()) : null;
    if (!proxied.isEmpty()) {
      System.out.println("HTTP proxy reference: " + (reference != null ? reference
          : "none (nginx not found on the PATH, in /usr/sbin or /usr/local/sbin)"));
    }
    try (RunningServer backend = needsBackend ? JdkServers.start(null, settings.serverThreads()) : null) {
      URI backendUri = backend != null ? URI.create("http://127.0.0.1:" + backend.port()) : null;
      CellRunner runner = new CellRunner(settings, generator, taskset, clockTicks, backendUri, logs);
      Map<LoadRequest, List<Scenario>> byRequest = new LinkedHashMap<>();
      scenarios.forEach(s -> byRequest.computeIfAbsent(s.request(), r -> new ArrayList<>()).add(s));
      int total = servers.size() * (scenarios.size() + 2 * byRequest.size()) + (nginx.isPresent() ? proxied.size() : 0);
      for (Variant.Server server : servers) {
        for (Map.Entry<LoadRequest, List<Scenario>> group : byRequest.entrySet()) {
          cells.add(announce(runner.run(Variant.of(server, false), null, group.getKey(), cells.size() + 1),
              cells.size() + 1, total));
          for (Scenario scenario : group.getValue()) {
            cells.add(announce(runner.run(Variant.of(server, true), scenario, scenario.request(), cells.size() + 1),
                cells.size() + 1, total));
          }
          cells.add(announce(runner.run(Variant.of(server, false), null, group.getKey(), cells.size() + 1),
              cells.size() + 1, total));
        }
      }
      // nginx last, once per run: by then the gateway's proxy cells have sent the backend (a JVM, on
      // the generator's core) hundreds of thousands of requests and its JIT is done, which matters most
      // to nginx, the cheapest proxy here; and it stays out of the servers' bare-gateway-bare brackets.
      for (LoadRequest request : nginx.isPresent() ? proxied : List.<LoadRequest>of()) {
        try {
          cells.add(announce(runner.runNginx(nginx.get(), request, cells.size() + 1), cells.size() + 1, total));
        } catch (IOException e) {
          // A reference, not the subject: the servers' cells are kept and the report says why it is missing.
          System.err.println("warning: the nginx cell failed: " + e.getMessage());
          reference = reference + " failed: " + e.getMessage().lines().findFirst().orElse("");
        }
      }
    }

    LoadRun run = new LoadRun(command, options.get("--jmh-command"), date, environment, taskset.description(),
        generator.description(), reference, clockTicks, settings, scenarios.stream().map(LoadRun.ScenarioInfo::of).toList(), cells);
    Files.createDirectories(results.toAbsolutePath().getParent());
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(results.toFile(), run);
    BenchmarksReport.write(run, jmh, results.resolveSibling(BenchmarksReport.WEBSOCKET_FILE), out);
    System.out.println("Wrote " + results + " and " + out);
  }

  private static CellResult announce(CellResult cell, int index, int total) {
    StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "[%d/%d] %-13s %-17s", index, total,
        cell.variant(), cell.role() == CellResult.Role.GATEWAY ? cell.scenario()
            : "(" + cell.role().name().toLowerCase(Locale.ROOT) + ")"));
    for (PhaseResult phase : cell.phases()) {
      line.append(String.format(Locale.ROOT, " | %s %.0f/s p50 %.0f p99 %.0f us cpu %.1f+%.1f jit us", phase.name(),
          phase.throughput(), phase.p50Micros(), phase.p99Micros(), phase.cpuMicrosPerRequest(),
          phase.jitMicrosPerRequest()));
      if (phase.errors() + phase.unsent() > 0) {
        line.append(" errors ").append(phase.errors()).append(" unsent ").append(phase.unsent());
      }
    }
    System.out.println(line);
    return cell;
  }

  private static String names(List<Scenario> scenarios) {
    return String.join(",", scenarios.stream().map(Scenario::name).toList());
  }

  private static Variant.Server parseServer(String name) {
    for (Variant.Server server : Variant.Server.values()) {
      if (server.label().equals(name)) {
        return server;
      }
    }
    throw new IllegalArgumentException("--servers: \"" + name + "\" (expected: jdk, jetty or jdk,jetty)");
  }

  /** {@code --quick} stands alone; every other option takes a value. */
  static Map<String, String> options(String[] args) {
    Map<String, String> options = new LinkedHashMap<>();
    List<String> valued = List.of("--scenarios", "--servers", "--jmh", "--results", "--out", "--logs", "--command",
        "--jmh-command");
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--quick")) {
        options.put(args[i], "");
      } else if (valued.contains(args[i]) && i + 1 < args.length) {
        options.put(args[i], args[++i]);
      } else {
        throw new IllegalArgumentException("argument: \"" + args[i] + "\" (expected: --quick, or one of "
            + valued + " followed by a value)");
      }
    }
    return options;
  }
}
