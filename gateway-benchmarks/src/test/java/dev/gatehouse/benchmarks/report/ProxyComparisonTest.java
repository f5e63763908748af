package dev.gatehouse.benchmarks.report;

import static dev.gatehouse.benchmarks.report.Cells.cell;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.benchmarks.load.CellResult;
import dev.gatehouse.benchmarks.load.LoadRun;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProxyComparisonTest {
  private static final String NGINX = "nginx/1.22.1 (/usr/sbin/nginx)";
  /** Both servers, both proxy scenarios between their bare runs, without the nginx cell. */
  private static final List<CellResult> SERVERS = List.of(
      cell("jdk", null, 20_000, 20.0, 100),
      cell("jdk", "http-proxy", 9_000, 45.0, 300),
      cell("jdk", "http-proxy-jdk-client", 4_000, 110.0, 600),
      cell("jdk", null, 20_000, 20.0, 100),
      cell("jetty", null, 30_000, 12.0, 60),
      cell("jetty", "http-proxy", 21_000, 22.0, 200),
      cell("jetty", "http-proxy-jdk-client", 6_000, 80.0, 500),
      cell("jetty", null, 30_000, 12.0, 60));
  private static final LoadRun WITH_NGINX = Cells.proxyRun(NGINX, withNginx());

  private static List<CellResult> withNginx() {
    List<CellResult> cells = new ArrayList<>(SERVERS);
    cells.add(Cells.nginx(40_000, 12.0));
    return cells;
  }

  @Test
  void everyProxyCellIsComparedWithNginxAtMax() {
    List<ProxyComparison> proxies = ProxyComparison.of(WITH_NGINX);

    assertThat(proxies).extracting(ProxyComparison::server, ProxyComparison::scenario).containsExactly(
        org.assertj.core.groups.Tuple.tuple("jdk", "http-proxy"),
        org.assertj.core.groups.Tuple.tuple("jdk", "http-proxy-jdk-client"),
        org.assertj.core.groups.Tuple.tuple("jetty", "http-proxy"),
        org.assertj.core.groups.Tuple.tuple("jetty", "http-proxy-jdk-client"));
    assertThat(proxies.get(0).throughputRatio()).isCloseTo(9_000.0 / 40_000, within(1e-9));
    assertThat(proxies.get(0).gatewayCpuMicros()).isEqualTo(45.0);
    assertThat(proxies.get(0).nginxCpuMicros()).isEqualTo(12.0);
  }

  @Test
  void theReportHasATableOfTheProxyAgainstNginx() {
    String md = BenchmarksReport.render(WITH_NGINX, Optional.empty(), "none", "");

    assertThat(md).contains("## HTTP proxy against nginx\n\n" + NGINX + " as reverse proxy to the same backend");
    assertThat(md).contains("| server | scenario | gateway max req/s | nginx max req/s | gateway / nginx "
        + "| gateway CPU µs/req at max | nginx CPU µs/req at max |\n"
        + "| --- | --- | --- | --- | --- | --- | --- |\n"
        + "| jdk | `http-proxy` | 9,000 | 40,000 | 0.23× | 45.0 | 12.0 |\n"
        + "| jdk | `http-proxy-jdk-client` | 4,000 | 40,000 | 0.10× | 110 | 12.0 |\n"
        + "| jetty | `http-proxy` | 21,000 | 40,000 | 0.53× | 22.0 | 12.0 |\n"
        + "| jetty | `http-proxy-jdk-client` | 6,000 | 40,000 | 0.15× | 80.0 | 12.0 |\n");
  }

  @Test
  void theProxyTargetsAreEvaluatedOnTheDefaultClientOnEachServer() {
    String md = BenchmarksReport.render(WITH_NGINX, Optional.empty(), "none", "");

    assertThat(md).contains("## Targets\n\n").contains("the HTTP proxy targets are issue 7's, on "
        + "`http-proxy` (the default client) against nginx measured in the same run.");
    assertThat(md).contains("| jdk: HTTP proxy >= 0.5× nginx's throughput | 0.23× (9,000 vs 40,000 req/s) | **missed** |");
    assertThat(md).contains("| jdk: HTTP proxy <= 25 µs of gateway CPU per proxied request | 45.0 µs (nginx: 12.0 µs) "
        + "| **missed** |");
    assertThat(md).contains("| jetty: HTTP proxy >= 0.5× nginx's throughput | 0.53× (21,000 vs 40,000 req/s) | met |");
    assertThat(md).contains("| jetty: HTTP proxy <= 25 µs of gateway CPU per proxied request | 22.0 µs (nginx: 12.0 µs) "
        + "| met |");
    assertThat(md).doesNotContain("0.10× (4,000");
  }

  @Test
  void nginxIsNeitherABaselineNorAGatewayInTheRatioTables() {
    String md = BenchmarksReport.render(WITH_NGINX, Optional.empty(), "none", "");

    // Each server's two bare runs are its baseline, nginx's cell is not among them nor compared with them.
    assertThat(md).contains("| jdk | `http-proxy` | 0.45× | +25.0 |");
    assertThat(md).contains("| jetty | `http-proxy` | 0.70× | +10.0 |");
    assertThat(md.split("% \\(2 runs\\) \\|", -1)).hasSize(5);
    assertThat(md).doesNotContain("| nginx | `");
    assertThat(md).contains("| 9 | nginx | (reference) | 40,000 | 700 / 2,000 | 12.0 |");
    assertThat(md).doesNotContain("NaN").doesNotContain("null");
  }

  @Test
  void withoutNginxTheReportSaysSoInOneLineAndOnlyTheCpuTargetIsMeasured() {
    String md = BenchmarksReport.render(Cells.proxyRun(null, SERVERS), Optional.empty(), "none", "");

    assertThat(md).contains("## HTTP proxy against nginx\n\n"
        + "nginx not found: install Debian's nginx-light for the reference row.\n\n");
    assertThat(md).doesNotContain("| gateway max req/s |");
    assertThat(md).contains("| jdk: HTTP proxy >= 0.5× nginx's throughput "
        + "| nginx not found: install Debian's nginx-light for the reference row | not measured |");
    // The gateway's own CPU needs no nginx to be measured.
    assertThat(md).contains("| jetty: HTTP proxy <= 25 µs of gateway CPU per proxied request | 22.0 µs | met |");
  }

  @Test
  void aFailedNginxCellIsReportedWithWhatWentWrong() {
    String failed = NGINX + " failed: no answers at all from nginx";

    String md = BenchmarksReport.render(Cells.proxyRun(failed, SERVERS), Optional.empty(), "none", "");

    assertThat(md).contains("## HTTP proxy against nginx\n\n" + failed + ".\n");
    assertThat(md).contains("| jdk: HTTP proxy >= 0.5× nginx's throughput | " + failed + " | not measured |");
  }

  @Test
  void theMethodDescribesTheBackendAndTheNginxCell() {
    String md = BenchmarksReport.render(WITH_NGINX, Optional.empty(), "none", "");

    assertThat(md).contains("- HTTP proxy scenarios: the backend is a bare JDK server");
    assertThat(md).contains("`daemon off; master_process off; worker_processes 1`");
    assertThat(md).contains("Last, once per run, the nginx reference cell (below).");
  }

  @Test
  void withoutAProxyScenarioThereIsNoNginxSectionAndTheProxyTargetsAreNotMeasured() {
    String md = BenchmarksReport.render(Cells.run(List.of(cell("jdk", null, 20_000, 20.0, 100),
        cell("jdk", "function", 19_000, 21.5, 120))), Optional.empty(), "none", "");

    assertThat(md).doesNotContain("HTTP proxy against nginx").doesNotContain("nginx reference");
    assertThat(md).contains("| HTTP proxy: >= 0.5× nginx's throughput, <= 25 µs of gateway CPU per proxied request "
        + "| scenario \"http-proxy\" not run | not measured |");
  }

  @Test
  void theReferenceCellAndTheScenariosBackendsReadBack() throws Exception {
    ObjectMapper json = new ObjectMapper();

    assertThat(json.readValue(json.writeValueAsString(WITH_NGINX), LoadRun.class)).isEqualTo(WITH_NGINX);
  }
}
