package dev.gatehouse.benchmarks.report;

import static dev.gatehouse.benchmarks.report.Cells.cell;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.benchmarks.load.CellResult;
import dev.gatehouse.benchmarks.load.LoadRun;
import dev.gatehouse.benchmarks.load.LoadSettings;
import dev.gatehouse.benchmarks.load.PhaseResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchmarksReportTest {
  private static final LoadRun RUN = Cells.run(List.of(
      cell("jdk", null, 20_000, 20.0, 100),
      cell("jdk", "function", 19_000, 21.5, 120),
      cell("jdk", null, 18_000, 22.0, 80),
      cell("jetty", null, 40_000, 10.0, 50),
      cell("jetty", "function", 30_000, 13.0, 60),
      cell("jetty", null, 40_000, 10.0, 50)));

  @Test
  void withoutJmhResultsTheFileSaysSoInsteadOfATable(@TempDir Path dir) throws IOException {
    Path out = dir.resolve("BENCHMARKS.md");

    BenchmarksReport.write(RUN, dir.resolve("jmh.json"), out);

    String md = Files.readString(out);
    assertThat(md).contains("JMH results absent: `" + dir.resolve("jmh.json") + "` does not exist");
    assertThat(md).doesNotContain("| benchmark | params |");
    assertThat(md).contains("| gateway.handle, function route (HandleBenchmark.asyncFunction): <= 5 µs "
        + "| JMH results absent | not measured |");
  }

  @Test
  void aScenarioThatAddsAFeatureIsAlsoComparedWithTheScenarioWithoutIt() {
    LoadRun plain = Cells.run(List.of(
        cell("jdk", null, 20_000, 20.0, 100),
        cell("jdk", "function", 18_000, 21.0, 120),
        cell("jdk", "api-key-throttle", 16_200, 22.5, 130),
        cell("jdk", null, 20_000, 20.0, 100)));
    LoadRun run = new LoadRun(plain.command(), plain.jmhCommand(), plain.date(), plain.environment(), plain.placement(),
        plain.generator(), plain.reference(), plain.clockTicksPerSecond(), plain.settings(), List.of(
            new LoadRun.ScenarioInfo("function", "an async function", Cells.REQUEST),
            new LoadRun.ScenarioInfo("api-key-throttle", "the function with a key", Cells.REQUEST, "function")),
        plain.cells());

    String md = BenchmarksReport.render(run, Optional.empty(), "none", "");

    assertThat(md).contains("| server | scenario | compared with | throughput × | added CPU µs/req |\n"
        + "| --- | --- | --- | --- | --- |\n"
        + "| jdk | `api-key-throttle` | `function` | 0.90× | +1.5 |\n");
    assertThat(BenchmarksReport.render(RUN, Optional.empty(), "none", "")).doesNotContain("| compared with |");
  }

  @Test
  void scenariosOfThisBuildThatTheRunLacksAreNamedAsAbsent() {
    String md = BenchmarksReport.render(RUN, Optional.empty(), "none", "");

    assertThat(md).contains("\nAbsent from this run, though this build has them: `function-blocking`, `mock`,"
        + " `api-key-throttle`, `jwt`, `observed`, `cache-hit`, `iam`, `http-proxy`, `http-proxy-jdk-client` (the results"
        + " predate them, or `--scenarios` left them out).\n");
    assertThat(md).doesNotContain("| `cache-hit` |");
  }

  @Test
  void handWrittenProfileNotesAreCarriedIntoEveryRun(@TempDir Path dir) throws IOException {
    Files.createDirectories(dir.resolve("gateway-benchmarks"));
    Files.writeString(dir.resolve("gateway-benchmarks/ANALYSIS.md"), "Jetty: header translation dominates.\n");
    Path out = dir.resolve("BENCHMARKS.md");

    BenchmarksReport.write(RUN, dir.resolve("jmh.json"), out);
    BenchmarksReport.write(RUN, dir.resolve("jmh.json"), out);

    assertThat(Files.readString(out))
        .containsOnlyOnce("## What dominates (profiles, from `gateway-benchmarks/ANALYSIS.md`)\n\n"
            + "Jetty: header translation dominates.\n\n## Load");
  }

  @Test
  void withoutProfileNotesThereIsNoSectionForThem(@TempDir Path dir) throws IOException {
    Path out = dir.resolve("BENCHMARKS.md");

    BenchmarksReport.write(RUN, dir.resolve("jmh.json"), out);

    assertThat(Files.readString(out)).doesNotContain("What dominates");
  }

  @Test
  void anEmptyJmhFileMeansTheJmhRunFailed(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("jmh.json"), "");

    BenchmarksReport.write(RUN, dir.resolve("jmh.json"), dir.resolve("BENCHMARKS.md"));

    assertThat(Files.readString(dir.resolve("BENCHMARKS.md")))
        .contains("JMH results absent: `" + dir.resolve("jmh.json") + "` is empty: the JMH run failed");
  }

  @Test
  void theTargetsTableGivesEachTargetItsFigureAndVerdict() throws IOException {
    String md = BenchmarksReport.render(RUN, Optional.of(JmhResults.parse(JmhResultsTest.SAMPLE)), "", "");

    // The jdk bare runs differ by 2,000 / 19,000 req/s: more than 10%, so the figures say they are noisy.
    assertThat(md).contains("| jdk: function route throughput >= 0.90× bare | 1.00× (noisy: the bare runs differ by 11%) | met |");
    assertThat(md).contains("| jdk: function route adds <= 2 µs server CPU per request | +0.5 µs (noisy: the bare runs "
        + "differ by 11%) | met |");
    assertThat(md).contains("| jetty: function route throughput >= 0.90× bare | 0.75× | **missed** |");
    assertThat(md).contains("| jetty: function route adds <= 2 µs server CPU per request | +3.0 µs | **missed** |");
    assertThat(md).contains("(HandleBenchmark.asyncFunction): <= 5 µs | 2.0 µs | met |");
    assertThat(md).contains("(HandleBenchmark.asyncFunction): <= 1 KB allocated | 912 B | met |");
    // The sample has routes=10000 but not routes=1 for the parameter kind: no ratio, not measured.
    assertThat(md).contains("| routing (parameter): 10,000 routes within 2× of 1 route | – | not measured |");
  }

  @Test
  void theLoadTablesHoldTheRatiosAndEveryCell() {
    String md = BenchmarksReport.render(RUN, Optional.empty(), "none", "");

    assertThat(md).contains("| jdk | `function` | 1.00× | +0.5 | 1.33× | 1.33× | 1.33× | 1.33× | 1.33× | 1.33× | 11% (2 runs) |");
    assertThat(md).contains("| 2 | jdk-gateway | `function` | 19,000 | 700 / 2,000 | 21.5 | 120 / 1,200 |");
    assertThat(md).contains("| 21.5 (+1.5 JIT) | 0 / 0 |");
    assertThat(md).contains("| 1 | jdk-bare | (bare) |");
    assertThat(md).contains("Written by `./gateway-benchmarks/run` at 2025-01-01T00:00:00Z");
    assertThat(md).contains("- Machine: Test CPU, 2 cores");
    assertThat(md).doesNotContain("NaN").doesNotContain("null");
  }

  @Test
  void aPhaseThatFellBehindItsRateIsMarkedWithTheRateItGot() {
    CellResult behind = new CellResult("jetty", "jetty-bare", null, Cells.REQUEST, List.of(
        new PhaseResult(PhaseResult.MAX, 0, 16, 8, 320_000, 40_000, 0, 0, 300, 900, 10, 0),
        new PhaseResult("80%", 32_000, 16, 4, 80_000, 20_000, 0, 3_000, 900_000, 1_600_000, 10, 0)));
    LoadRun run = Cells.run(List.of(cell("jetty", null, 40_000, 10.0, 50), cell("jetty", "function", 30_000, 13.0, 60),
        behind));

    String md = BenchmarksReport.render(run, Optional.empty(), "none", "");

    assertThat(md).contains("| 900,000 / 1,600,000 @ 32,000/s ⚠ got 20,000/s |");
    assertThat(md).contains("| 60.0 / 600 @ 24,000/s |");
    // The bare run that fell behind at 80% is left out of that phase's baseline: the other kept up.
    assertThat(md).contains("| jetty | `function` | 0.75× | +3.0 | 1.20× | 1.20× | 1.20× | 1.20× | 1.20× | 1.20× |");
  }

  @Test
  void theRawResultsReadBackToTheSameFile(@TempDir Path dir) throws IOException {
    Path json = dir.resolve("load.json");
    new ObjectMapper().writeValue(json.toFile(), RUN);

    BenchmarksReport.main(new String[] {json.toString(), dir.resolve("jmh.json").toString(),
        dir.resolve("again.md").toString()});
    BenchmarksReport.write(RUN, dir.resolve("jmh.json"), dir.resolve(BenchmarksReport.WEBSOCKET_FILE),
        dir.resolve("direct.md"));

    assertThat(new ObjectMapper().readValue(json.toFile(), LoadRun.class)).isEqualTo(RUN);
    assertThat(Files.readString(dir.resolve("again.md"))).isEqualTo(Files.readString(dir.resolve("direct.md")));
  }

  @Test
  void aQuickRunSaysItsFiguresAreNotForQuoting() {
    LoadRun quick = new LoadRun(RUN.command(), RUN.jmhCommand(), RUN.date(), RUN.environment(), RUN.placement(),
        RUN.generator(), RUN.reference(), RUN.clockTicksPerSecond(), LoadSettings.quick(), RUN.scenarios(), RUN.cells());

    assertThat(BenchmarksReport.render(quick, Optional.empty(), "none", "")).contains("**Smoke run (`--quick`)**");
    assertThat(BenchmarksReport.render(RUN, Optional.empty(), "none", "")).doesNotContain("Smoke run");
  }

  @Test
  void routingIsComparedAtTenThousandRoutesAgainstOne() {
    List<JmhResult> results = List.of(
        new JmhResult("x.RoutingBenchmark.match", "avgt", java.util.Map.of("routes", "1", "kind", "literal"), 20, 1,
            "ns/op", 0),
        new JmhResult("x.RoutingBenchmark.match", "avgt", java.util.Map.of("routes", "100", "kind", "literal"), 25, 1,
            "ns/op", 0),
        new JmhResult("x.RoutingBenchmark.match", "avgt", java.util.Map.of("routes", "10000", "kind", "literal"), 50,
            1, "ns/op", 0));

    List<RoutingRatio> ratios = RoutingRatio.of(results);

    assertThat(ratios).containsExactly(new RoutingRatio("literal", 20, 50, 10_000, 2.5, false));
    assertThat(BenchmarksReport.render(RUN, Optional.of(results), "", ""))
        .contains("| routing (literal): 10,000 routes within 2× of 1 route | 2.50× | **missed** |")
        .contains("| literal | 20.0 | 50.0 | 2.50× |");
  }

  @Test
  void aRoutingRatioWhoseFigureHasAnErrorAboveHalfItsScoreIsMarkedNoisy() {
    List<JmhResult> results = List.of(
        new JmhResult("x.RoutingBenchmark.match", "avgt", java.util.Map.of("routes", "1", "kind", "greedy"), 180, 30,
            "ns/op", 0),
        new JmhResult("x.RoutingBenchmark.match", "avgt", java.util.Map.of("routes", "10000", "kind", "greedy"), 2940,
            5758, "ns/op", 0));

    assertThat(RoutingRatio.of(results)).singleElement().extracting(RoutingRatio::noisy).isEqualTo(true);
    assertThat(BenchmarksReport.render(RUN, Optional.of(results), "", ""))
        .contains("| routing (greedy): 10,000 routes within 2× of 1 route | 16.33× (noisy: an error above half the score;"
            + " see the JMH table) | **missed** |");
  }
}
