package dev.gatehouse.benchmarks.report;

import static dev.gatehouse.benchmarks.report.Cells.cell;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.benchmarks.load.CellResult;
import dev.gatehouse.benchmarks.load.PhaseResult;
import java.util.List;
import org.junit.jupiter.api.Test;

class ComparisonTest {

  @Test
  void aGatewayCellIsComparedWithTheMeanOfItsServersBareRuns() {
    List<CellResult> cells = List.of(
        cell("jdk", null, 20_000, 20.0, 100),
        cell("jdk", "function", 19_000, 21.5, 120),
        cell("jdk", null, 18_000, 22.0, 80),
        cell("jetty", null, 40_000, 10.0, 50),
        cell("jetty", "function", 30_000, 13.0, 60));

    List<Comparison> comparisons = Comparison.of(cells);

    assertThat(comparisons).hasSize(2);
    Comparison jdk = comparisons.get(0);
    assertThat(jdk.server()).isEqualTo("jdk");
    assertThat(jdk.baselineRuns()).isEqualTo(2);
    // bare: mean 19,000 req/s, 21 µs/req, p50 90 µs, p99 900 µs; spread (20,000 - 18,000) / 19,000.
    assertThat(jdk.throughputRatio()).isCloseTo(1.0, within(1e-9));
    assertThat(jdk.addedCpuMicros()).isCloseTo(0.5, within(1e-9));
    assertThat(jdk.bareSpread()).isCloseTo(2_000.0 / 19_000, within(1e-9));
    assertThat(jdk.latency("unloaded").p50Ratio()).isCloseTo(120.0 / 90, within(1e-9));
    assertThat(jdk.latency("80%").p99Ratio()).isCloseTo(1_200.0 / 900, within(1e-9));
    assertThat(jdk.latency("90%").p50Ratio()).isNaN();

    Comparison jetty = comparisons.get(1);
    assertThat(jetty.baselineRuns()).isEqualTo(1);
    assertThat(jetty.bareSpread()).isZero();
    assertThat(jetty.throughputRatio()).isCloseTo(0.75, within(1e-9));
    assertThat(jetty.addedCpuMicros()).isCloseTo(3.0, within(1e-9));
  }

  @Test
  void aBareRunThatFellBehindIsLeftOutOfTheLatencyBaselineUnlessEveryRunDid() {
    CellResult behind = new CellResult("jdk", "jdk-bare", null, Cells.REQUEST, List.of(
        new PhaseResult(PhaseResult.MAX, 0, 16, 8, 160_000, 20_000, 0, 0, 700, 2_000, 20, 0),
        new PhaseResult("80%", 16_000, 16, 4, 40_000, 10_000, 0, 0, 500_000, 900_000, 20, 0)));
    CellResult gateway = cell("jdk", "function", 19_000, 21.5, 120);

    Comparison oneKeptUp = Comparison.of(List.of(cell("jdk", null, 20_000, 20.0, 100), gateway, behind)).get(0);
    Comparison noneKeptUp = Comparison.of(List.of(behind, gateway, behind)).get(0);

    assertThat(oneKeptUp.latency("80%").p50Ratio()).isCloseTo(1.2, within(1e-9));
    assertThat(oneKeptUp.latency("80%").fellBehind()).isFalse();
    assertThat(oneKeptUp.throughputRatio()).isCloseTo(19_000.0 / 20_000, within(1e-9));
    assertThat(noneKeptUp.latency("80%").p50Ratio()).isCloseTo(120.0 / 500_000, within(1e-12));
    assertThat(noneKeptUp.latency("80%").fellBehind()).isTrue();
  }

  @Test
  void aReferenceCellIsNeitherABaselineNorAGatewayCell() {
    CellResult nginx = new CellResult("nginx", "nginx", CellResult.Role.REFERENCE, null, Cells.REQUEST,
        cell("nginx", null, 80_000, 12.0, 40).phases());
    CellResult jdkAsNginx = new CellResult("jdk", "nginx", CellResult.Role.REFERENCE, null, Cells.REQUEST,
        cell("jdk", null, 80_000, 12.0, 40).phases());

    List<Comparison> comparisons = Comparison.of(List.of(cell("jdk", null, 20_000, 20.0, 100),
        cell("jdk", "http-proxy", 10_000, 40.0, 300), nginx, jdkAsNginx));

    assertThat(comparisons).singleElement().satisfies(c -> {
      assertThat(c.scenario()).isEqualTo("http-proxy");
      assertThat(c.baselineRuns()).isEqualTo(1);
      assertThat(c.throughputRatio()).isCloseTo(0.5, within(1e-9));
    });
  }

  @Test
  void cellsFromFilesWrittenBeforeRolesAreBareWithoutAScenarioAndGatewaysWithOne() throws Exception {
    String json = "[{\"server\":\"jdk\",\"variant\":\"jdk-bare\",\"scenario\":null,\"request\":\"r\",\"phases\":[]},"
        + "{\"server\":\"jdk\",\"variant\":\"jdk-gateway\",\"scenario\":\"function\",\"request\":\"r\",\"phases\":[]}]";

    CellResult[] cells = new ObjectMapper().readValue(json, CellResult[].class);

    assertThat(cells).extracting(CellResult::role).containsExactly(CellResult.Role.BARE, CellResult.Role.GATEWAY);
  }

  @Test
  void aGatewayCellWithoutABaselineIsLeftOut() {
    assertThat(Comparison.of(List.of(cell("jetty", "function", 30_000, 13.0, 60)))).isEmpty();
  }
}
