package dev.gatehouse.benchmarks.report;

import dev.gatehouse.benchmarks.load.CellResult;
import dev.gatehouse.benchmarks.load.LoadRun;
import dev.gatehouse.benchmarks.load.PhaseResult;
import dev.gatehouse.benchmarks.load.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A gateway's HTTP proxy cell against nginx proxying the same request to the same backend in the
 * same run, each at its own maximum throughput. nginx is a reference, not a baseline: its cell is
 * compared here only.
 *
 * @param server {@code jdk} or {@code jetty}
 * @param scenario a scenario whose gateway calls the backend, such as {@code http-proxy}
 * @param gatewayThroughput the gateway cell's max req/s
 * @param nginxThroughput nginx's max req/s; NaN when the run has no nginx cell
 * @param gatewayCpuMicros the gateway server's CPU per request at max, without its JIT threads
 * @param nginxCpuMicros nginx's CPU per request at max; NaN when the run has no nginx cell
 */
public record ProxyComparison(String server, String scenario, double gatewayThroughput, double nginxThroughput,
    double gatewayCpuMicros, double nginxCpuMicros) {
  /** The reference cell's server, as the orchestrator labels it. */
  static final String NGINX = "nginx";

  /** Gateway over nginx max throughput; NaN without nginx. */
  public double throughputRatio() {
    return gatewayThroughput / nginxThroughput;
  }

  /** Whether the run measured nginx for this request. */
  public boolean withNginx() {
    return !Double.isNaN(nginxThroughput);
  }

  /** One for every gateway cell of a scenario that calls a backend, in the cells' order. */
  public static List<ProxyComparison> of(LoadRun run) {
    Set<String> proxies = run.scenarios().stream()
        .filter(s -> s.backend() == Scenario.Backend.HTTP)
        .map(LoadRun.ScenarioInfo::name)
        .collect(Collectors.toSet());
    List<ProxyComparison> comparisons = new ArrayList<>();
    for (CellResult cell : run.cells()) {
      if (cell.role() != CellResult.Role.GATEWAY || !proxies.contains(cell.scenario())) {
        continue;
      }
      PhaseResult gateway = cell.phase(PhaseResult.MAX).orElse(null);
      PhaseResult nginx = run.cells().stream()
          .filter(c -> c.role() == CellResult.Role.REFERENCE && c.server().equals(NGINX)
              && c.request().equals(cell.request()))
          .findFirst()
          .flatMap(c -> c.phase(PhaseResult.MAX))
          .orElse(null);
      comparisons.add(new ProxyComparison(cell.server(), cell.scenario(),
          gateway != null ? gateway.throughput() : Double.NaN, nginx != null ? nginx.throughput() : Double.NaN,
          gateway != null ? gateway.cpuMicrosPerRequest() : Double.NaN,
          nginx != null ? nginx.cpuMicrosPerRequest() : Double.NaN));
    }
    return comparisons;
  }
}
