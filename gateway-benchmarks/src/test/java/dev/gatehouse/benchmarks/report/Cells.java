package dev.gatehouse.benchmarks.report;

import dev.gatehouse.benchmarks.load.CellResult;
import dev.gatehouse.benchmarks.load.Environment;
import dev.gatehouse.benchmarks.load.LoadRun;
import dev.gatehouse.benchmarks.load.LoadSettings;
import dev.gatehouse.benchmarks.load.PhaseResult;
import dev.gatehouse.benchmarks.load.Scenario;
import java.util.List;

/** Hand-made load results for the report's tests. */
final class Cells {
  static final String REQUEST = "GET /prod/hello/world";

  private Cells() {}

  /**
   * A cell whose max phase has {@code throughput} and {@code cpu}, and whose open-loop phases have
   * p50 {@code latency} and p99 {@code 10 * latency}.
   */
  static CellResult cell(String server, String scenario, double throughput, double cpu, double latency) {
    String variant = server + (scenario == null ? "-bare" : "-gateway");
    return new CellResult(server, variant, scenario, REQUEST, List.of(
        new PhaseResult(PhaseResult.MAX, 0, 16, 8, (long) (throughput * 8), throughput, 0, 0, 700, 2_000, cpu, 0),
        new PhaseResult(PhaseResult.UNLOADED, 1_000, 1, 3, 3_000, 1_000, 0, 0, latency, 10 * latency, 2 * cpu, 0),
        new PhaseResult("50%", throughput / 2, 16, 4, (long) (throughput * 2), throughput / 2, 0, 0, latency,
            10 * latency, cpu, 0),
        new PhaseResult("80%", throughput * 0.8, 16, 4, (long) (throughput * 3.2), throughput * 0.8, 0, 0,
            latency, 10 * latency, cpu, 1.5)));
  }

  /** nginx's reference cell, shaped like {@link #cell} but without JIT time: nginx has no JIT. */
  static CellResult nginx(double throughput, double cpu) {
    return new CellResult("nginx", "nginx", CellResult.Role.REFERENCE, null, REQUEST,
        cell("nginx", null, throughput, cpu, 40).phases().stream()
            .map(p -> new PhaseResult(p.name(), p.targetRate(), p.connections(), p.seconds(), p.requests(),
                p.throughput(), p.errors(), p.unsent(), p.p50Micros(), p.p99Micros(), p.cpuMicrosPerRequest(), 0))
            .toList());
  }

  static LoadRun run(List<CellResult> cells) {
    return run(List.of(new LoadRun.ScenarioInfo("function", "an async function", REQUEST)), null, cells);
  }

  /** A run of the two HTTP proxy scenarios; {@code reference} names nginx, or says why it is missing. */
  static LoadRun proxyRun(String reference, List<CellResult> cells) {
    return run(List.of(
        new LoadRun.ScenarioInfo("http-proxy", "HTTP proxy, Jetty client", REQUEST, null, Scenario.Backend.HTTP),
        new LoadRun.ScenarioInfo("http-proxy-jdk-client", "HTTP proxy, JDK client", REQUEST, "http-proxy",
            Scenario.Backend.HTTP)), reference, cells);
  }

  private static LoadRun run(List<LoadRun.ScenarioInfo> scenarios, String reference, List<CellResult> cells) {
    return new LoadRun("./gateway-benchmarks/run", "java -jar benchmarks.jar", "2025-01-01T00:00:00Z",
        new Environment("Test CPU", 2, "17.0.15", "OpenJDK 64-Bit Server VM 17", "Linux 6 amd64"),
        "server pinned to core 0", "wrk (/usr/bin/wrk), 1 thread", reference, 100, LoadSettings.full(),
        scenarios, cells);
  }
}
