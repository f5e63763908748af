package dev.gatehouse.benchmarks.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.benchmarks.load.LoadRun;
import dev.gatehouse.benchmarks.load.LoadSettings;
import dev.gatehouse.benchmarks.load.Scenario;
import dev.gatehouse.benchmarks.websocket.WebSocketRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Writes BENCHMARKS.md from one load run and the JMH and WebSocket results of the same run. Every
 * figure in the file comes from those inputs; where the JMH or WebSocket results are absent, the
 * file says so. Also a main, to write the file again from {@code load.json}, {@code jmh.json} and
 * {@code websocket.json} without measuring:
 *
 * <pre>
 * java -cp benchmarks.jar dev.gatehouse.benchmarks.report.BenchmarksReport \
 *     gateway-benchmarks/target/load.json gateway-benchmarks/target/jmh.json BENCHMARKS.md \
 *     [gateway-benchmarks/target/websocket.json]
 * </pre>
 *
 * <p>Without the fourth argument the WebSocket results are read from {@code websocket.json} beside
 * {@code load.json}, if it exists.
 */
public final class BenchmarksReport {
  static final String ANALYSIS_FILE = "ANALYSIS.md";
  /** The WebSocket results' file name, looked for beside {@code load.json} when not given. */
  public static final String WEBSOCKET_FILE = "websocket.json";
  static final String NGINX_NOT_FOUND = "nginx not found: install Debian's nginx-light for the reference row";

  private BenchmarksReport() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 3 && args.length != 4) {
      throw new IllegalArgumentException("arguments: " + args.length
          + " (expected: load.json jmh.json BENCHMARKS.md [websocket.json])");
    }
    Path load = Path.of(args[0]);
    LoadRun run = new ObjectMapper().readValue(load.toFile(), LoadRun.class);
    write(run, Path.of(args[1]), args.length == 4 ? Path.of(args[3]) : load.resolveSibling(WEBSOCKET_FILE),
        Path.of(args[2]));
  }

  /** Writes {@code out} from {@code run} and the JMH results in {@code jmhJson}, if that file exists; no WebSocket results. */
  public static void write(LoadRun run, Path jmhJson, Path out) throws IOException {
    write(run, jmhJson, null, out);
  }

  /**
   * Writes {@code out} from {@code run}, the JMH results in {@code jmhJson} and the WebSocket results
   * in {@code websocketJson}, each if its file exists.
   *
   * @param websocketJson the WebSocket results, or {@code null} when none were given
   */
  public static void write(LoadRun run, Path jmhJson, Path websocketJson, Path out) throws IOException {
    Optional<List<JmhResult>> jmh;
    String jmhAbsence;
    try {
      jmh = JmhResults.read(jmhJson);
      jmhAbsence = "`" + jmhJson + "` does not exist: this run did not produce JMH results (the micro suite "
          + "was skipped, failed, or is not in this build)";
      if (Files.isRegularFile(jmhJson) && Files.size(jmhJson) == 0) {
        jmhAbsence = "`" + jmhJson + "` is empty: the JMH run failed before it had results (see the run's output)";
      }
    } catch (IOException e) {
      jmh = Optional.empty();
      jmhAbsence = "`" + jmhJson + "` could not be read: " + e.getMessage();
    }
    Files.writeString(out, render(run, jmh, jmhAbsence, webSocket(websocketJson), analysis(out)), StandardCharsets.UTF_8);
  }

  /** The WebSocket section from {@code websocketJson}, or its absence note. */
  static String webSocket(Path websocketJson) {
    if (websocketJson == null) {
      return WebSocketTables.section(Optional.empty(), "no `" + WEBSOCKET_FILE + "` was given");
    }
    if (!Files.isRegularFile(websocketJson)) {
      return WebSocketTables.section(Optional.empty(), "`" + websocketJson + "` does not exist: this run did not "
          + "measure WebSocket (skipped with `--no-websocket`, or it failed; see the run's output)");
    }
    try {
      return WebSocketTables.section(Optional.of(new ObjectMapper().readValue(websocketJson.toFile(), WebSocketRun.class)), "");
    } catch (IOException e) {
      return WebSocketTables.section(Optional.empty(), "`" + websocketJson + "` could not be read: "
          + e.getMessage().lines().findFirst().orElse(""));
    }
  }

  /**
   * The hand-written profile notes kept in {@code gateway-benchmarks/ANALYSIS.md} beside {@code out}:
   * what dominates where a target is missed. Profiling is done by hand, so its notes live in their own
   * file and every run carries them over; empty when the file is absent.
   */
  static String analysis(Path out) throws IOException {
    Path parent = out.toAbsolutePath().getParent();
    Path notes = parent.resolve("gateway-benchmarks").resolve(ANALYSIS_FILE);
    return Files.isRegularFile(notes) ? Files.readString(notes, StandardCharsets.UTF_8) : "";
  }

  /** The whole file, without WebSocket results. */
  static String render(LoadRun run, Optional<List<JmhResult>> jmh, String jmhAbsence, String analysis) {
    return render(run, jmh, jmhAbsence, webSocket(null), analysis);
  }

  /** The whole file; {@code webSocket} is the WebSocket section, its heading included. */
  static String render(LoadRun run, Optional<List<JmhResult>> jmh, String jmhAbsence, String webSocket,
      String analysis) {
    List<Comparison> comparisons = Comparison.of(run.cells());
    List<ProxyComparison> proxies = ProxyComparison.of(run);
    String nginxAbsence = run.reference() != null ? run.reference() : NGINX_NOT_FOUND;
    StringBuilder md = new StringBuilder()
        .append("# Gatehouse benchmarks\n\n")
        .append("Written by `").append(run.command()).append("` at ").append(run.date())
        .append(". Every figure below comes from that run; running the command again replaces them all.\n\n")
        .append(run.settings().smoke()
            ? "**Smoke run (`--quick`)**: phases of a second or two, too short to quote; run without `--quick` for "
                + "figures.\n\n"
            : "")
        .append("- Machine: ").append(run.environment().cpuModel()).append(", ").append(run.environment().cores())
        .append(" cores (`/proc/cpuinfo`), ").append(run.environment().os()).append('\n')
        .append("- JDK: ").append(run.environment().javaVersion()).append(" (").append(run.environment().vm())
        .append(")\n")
        .append("- Placement: ").append(run.placement()).append('\n')
        .append("- Maximum-throughput generator: ").append(run.generator()).append("\n\n")
        .append("## Targets\n\n")
        .append(Markdown.table(List.of("target", "measured", "result"),
            targetRows(comparisons, proxies, nginxAbsence, jmh)))
        .append("\nThe function route, `gateway.handle` and routing targets are issue 4's; the HTTP proxy targets ")
        .append("are issue 7's, on `http-proxy` (the default client) against nginx measured in the ")
        .append("same run. ")
        .append("Targets are reported, not asserted. The load figures come from a shared or busy machine as ")
        .append("readily as from an idle one: the bare runs' spread in the next table shows how much the ")
        .append("machine itself moved during the run.\n\n")
        .append(analysis.isBlank() ? "" : "## What dominates (profiles, from `gateway-benchmarks/" + ANALYSIS_FILE
            + "`)\n\n" + analysis.strip() + "\n\n")
        .append("## Load: the gateway against the bare server\n\n")
        .append(LoadTables.scenarios(run)).append('\n')
        .append(LoadTables.ratios(run, comparisons)).append('\n')
        .append(LoadTables.againstScenarios(run, comparisons))
        .append("Every cell in the order it ran:\n\n")
        .append(LoadTables.cells(run)).append('\n')
        .append(againstNginx(run, proxies, nginxAbsence))
        .append(webSocket)
        .append("## Microbenchmarks (JMH)\n\n")
        .append(jmh.map(JmhTables::render).orElse("JMH results absent: " + jmhAbsence + ".\n")).append('\n')
        .append(method(run));
    return md.toString();
  }

  /** The Method section's lines on the HTTP proxy scenarios' backend and on the nginx cell. */
  private static String proxyMethod(LoadSettings s) {
    return new StringBuilder()
        .append("- HTTP proxy scenarios: the backend is a bare JDK server (the bare cells' handler, ")
        .append(s.serverThreads()).append(" threads) started once per run in the orchestrator's JVM, on the ")
        .append("generator's core; the gateway calls it over loopback. Their bare cells are the backend called ")
        .append("directly, so *throughput × bare* and *added CPU* price the proxy hop. The server's CPU is the ")
        .append("gateway's own, its HTTP client included; the backend's is not in it.\n")
        .append("- nginx reference, when a scenario calls the backend and nginx is on the `PATH`, in `/usr/sbin` ")
        .append("or in `/usr/local/sbin` (Debian: `apt-get install nginx-light`): one cell per run, after the ")
        .append("servers' cells, when the backend's JIT is done (nginx, the cheapest proxy, would feel a cold ")
        .append("backend most) and outside the servers' bare-gateway-bare order. The orchestrator starts ")
        .append("`nginx -p <temp dir> -c <temp dir>/nginx.conf -e <cell log>` with the servers' placement, ")
        .append("from a generated configuration: `daemon off; master_process off; worker_processes 1` (one ")
        .append("process, so the pid measured is the worker that serves; checked in `/proc` at start), ")
        .append("`access_log off`, `listen 127.0.0.1:<free port>`, `location /prod/` → `proxy_pass` to an ")
        .append("`upstream` with `keepalive 64`, `proxy_http_version 1.1` and `proxy_set_header Connection \"\"` ")
        .append("(the gateway's route sends the backend the same path), `keepalive_requests` unlimited to the ")
        .append("client and the backend (its default of 1,000 would reconnect where the servers never do), temp ")
        .append("paths and pid file in the temp dir; stopped with SIGTERM, killed if it lingers. The same ")
        .append("phases as every cell; nginx has no JIT threads, so it has no JIT share. A reference, never a ")
        .append("baseline: it appears in the cells' table, *HTTP proxy against nginx* and the proxy targets ")
        .append("only.\n")
        .toString();
  }

  /**
   * The HTTP proxy cells against nginx: the table, or one line on why nginx is missing; nothing when
   * no scenario called a backend.
   */
  private static String againstNginx(LoadRun run, List<ProxyComparison> proxies, String nginxAbsence) {
    if (proxies.isEmpty()) {
      return "";
    }
    StringBuilder md = new StringBuilder("## HTTP proxy against nginx\n\n");
    if (proxies.stream().noneMatch(ProxyComparison::withNginx)) {
      return md.append(nginxAbsence).append(".\n\n").toString();
    }
    return md.append(run.reference()).append(" as reverse proxy to the same backend, placed like the servers ")
        .append("(see Method), each at its own maximum throughput. CPU is each proxy's own process, not the ")
        .append("backend's. Both call the same backend, a JVM that shares the generator's core with the load ")
        .append("generator: at nginx's rates that core rather than nginx may be the limit, which flatters the ")
        .append("gateway's throughput ratio; the CPU figures do not depend on it.\n\n")
        .append(LoadTables.againstNginx(proxies)).append('\n').toString();
  }

  private static List<List<String>> targetRows(List<Comparison> comparisons, List<ProxyComparison> proxies,
      String nginxAbsence, Optional<List<JmhResult>> jmh) {
    List<List<String>> rows = new ArrayList<>();
    Target.evaluate(comparisons, proxies, nginxAbsence, jmh).forEach(t -> rows.add(List.of(t.description(), t.measured(), t.verdict().label())));
    return rows;
  }

  private static String method(LoadRun run) {
    LoadSettings s = run.settings();
    boolean proxies = run.scenarios().stream().anyMatch(info -> info.backend() == Scenario.Backend.HTTP);
    List<String> phases = LoadTables.openLoopPhases(run);
    String fractions = String.join(" and ", phases.subList(1, phases.size()));
    return new StringBuilder("## Method\n\n")
        .append("- One command runs everything: `").append(run.command()).append("` (from the repository root; ")
        .append("`--quick` for a smoke run whose figures are too short to quote). It builds the module, runs the ")
        .append("JMH suite, runs the load benchmark and writes this file.\n")
        .append("- JMH: ").append(run.jmhCommand() != null ? "`" + run.jmhCommand() + "`" : "not run by this command")
        .append(". ns/op is JMH's primary score converted to nanoseconds per operation, ± its 99.9% error; ")
        .append("B/op is `gc.alloc.rate.norm` from `-prof gc`.\n")
        .append("- Load: one fresh server JVM per cell (`java -Xms").append(s.heap()).append(" -Xmx").append(s.heap())
        .append(" -XX:+UseSerialGC`, access log at `warn`; the JDK server, bare and gateway alike, with ")
        .append("`-Dsun.net.httpserver.nodelay=true -Dsun.net.httpserver.maxReqTime=30 ")
        .append("-Dsun.net.httpserver.maxRspTime=60`), ").append(s.serverThreads())
        .append(" handler threads on both servers, bare and gateway alike, mounted at `/`. Placement: ")
        .append(run.placement()).append(". Loopback only, keep-alive connections throughout.\n")
        .append("- Order: for each server, the bare baseline, then each scenario's gateway, then the bare ")
        .append("baseline again; a gateway figure is compared with the mean of the two bare runs of the same ")
        .append("run and server. The bare runs' spread is (max - min) / mean of their throughput.")
        .append(proxies ? " Last, once per run, the nginx reference cell (below).\n" : "\n")
        .append(proxies ? proxyMethod(s) : "")
        .append(String.format(Locale.ROOT, "- Each cell: %.0f s of closed-loop warm-up with the server allowed on both"
            + " cores (pinned to one, its JIT compiles only in what its saturated request threads leave it, and the"
            + " gateway, with far more code than the bare server, was measured mid-JIT), then pinned again and %d-s"
            + " slices until two in a row agree within %.0f%% (at most %d) (plus 1 s of the open-loop ",
            s.warmupSeconds(), LoadSettings.WARMUP_SLICE_SECONDS, LoadSettings.WARMUP_STEADY * 100,
            LoadSettings.WARMUP_MAX_SLICES))
        .append("client, for its own JIT), then the measured phases:\n")
        .append(String.format(Locale.ROOT, "  - **max**: the generator for %.0f s over %d connections, sending each ",
            s.maxSeconds(), s.connections()))
        .append("request as soon as the previous answer is in. *max req/s* is its throughput; *max p50 / p99* its ")
        .append("latencies, those of a saturated server measured from the actual send (closed loop).\n")
        .append(String.format(Locale.ROOT, "  - **unloaded**: the open-loop client, 1 connection, %,.0f requests/s ",
            s.unloadedRate()))
        .append(String.format(Locale.ROOT, "for %.0f s.%n", s.unloadedSeconds()))
        .append(String.format(Locale.ROOT, "  - **%s**: the open-loop client, %d connections, at that fraction of ",
            fractions, s.connections()))
        .append(String.format(Locale.ROOT, "the cell's own max req/s, for %.0f s each: gateway and bare are ",
            s.fractionSeconds()))
        .append("compared at the same share of their own capacity, so a gateway with a lower max is measured at ")
        .append("a lower rate (the rates are in the cells' table).\n")
        .append("  - Open loop: requests leave on a fixed schedule and each latency runs from the request's ")
        .append("intended send time to the end of its answer (HdrHistogram), so a stalled server is charged for ")
        .append("every request it delayed (no coordinated omission). One thread drives all its connections ")
        .append("through one selector and polls in the last 1.2 ms before each slot, so requests leave on time to ")
        .append("within microseconds (a timed sleep would overshoot by the kernel's ~50 µs timer slack); the ")
        .append("generator's core is busy throughout. Bounded: at most ")
        .append(Markdown.whole(s.maxRequestsPerPhase())).append(" requests per phase, none started more than ")
        .append(LoadSettings.GRACE_SECONDS).append(" s after the schedule's end (*unsent*).\n")
        .append("- ⚠: an open-loop phase whose answers fell below 95% of its rate (*got N/s*): the server, or the ")
        .append("machine under it, did not keep up, so its latencies measure a growing queue. A bare run that fell ")
        .append("behind is left out of that phase's baseline when the other bare run kept up; in the ratio table ⚠ ")
        .append("marks ratios where the gateway fell behind, or every bare run did.\n")
        .append("- *CPU µs/req*: the server process's user + system time from `/proc/<pid>/stat` (utime + stime, ")
        .append(run.clockTicksPerSecond()).append(" ticks/s from `getconf CLK_TCK`), read before and after the ")
        .append("phase, divided by the answers in it: what one request costs the server, whatever the ")
        .append("generator did. The JIT compiler threads (`C1/C2 CompilerThread`, from `/proc/<pid>/task/*/stat`) ")
        .append("are left out and shown apart as *+N JIT* where they took 0.5 µs/req or more: on one core they ")
        .append("keep compiling well after the warm-up. Garbage collection stays in. At max it is the cost at full ")
        .append("load; at a fraction it includes idle wake-ups.\n")
        .append("- *throughput × bare*: gateway max req/s over bare. *added CPU*: gateway CPU µs/req at max minus ")
        .append("bare. *p50 ×, p99 ×*: gateway latency over bare in the same phase. *errors*: non-2xx/3xx answers ")
        .append("and failed requests over all phases.\n")
        .append("- Where a target is missed, profile before changing code: `java -jar ")
        .append("gateway-benchmarks/target/benchmarks.jar HandleBenchmark -prof stack` or a JFR recording of a ")
        .append("server (`ServerMain`, see `gateway-benchmarks/run --help`).\n")
        .toString();
  }
}
