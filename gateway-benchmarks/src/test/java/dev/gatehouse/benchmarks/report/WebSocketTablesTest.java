package dev.gatehouse.benchmarks.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.benchmarks.load.Environment;
import dev.gatehouse.benchmarks.load.LoadRun;
import dev.gatehouse.benchmarks.websocket.EchoResult;
import dev.gatehouse.benchmarks.websocket.FanOutResult;
import dev.gatehouse.benchmarks.websocket.ServerRun;
import dev.gatehouse.benchmarks.websocket.WebSocketRun;
import dev.gatehouse.benchmarks.websocket.WebSocketSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WebSocketTablesTest {
  static final WebSocketRun RUN = new WebSocketRun("./gateway-benchmarks/run", "2026-11-24T16:00:00Z",
      new Environment("AMD EPYC", 2, "17.0.15", "OpenJDK", "Linux"), "server pinned to core 0", "the JDK's WebSocket",
      WebSocketSettings.full(), List.of(
          server("bare", 200, 10_000, 40.0, 20.0, 10.0),
          server("gateway", 300, 9_000, 50.0, 30.0, 14.0),
          server("bare", 200, 10_000, 60.0, 20.0, 10.0)));

  private static ServerRun server(String variant, double p50, double perSecond, double cpu, double fanOutMillis,
      double cpuPerMessage) {
    return new ServerRun(variant, new EchoResult(1, 10_000, 2.0, 5_000, p50, p50 * 4, p50 * 10, cpu),
        new EchoResult(16, 32_000, 3.2, perSecond, p50 * 3, p50 * 12, p50 * 40, cpu),
        new FanOutResult(1_000, 3, fanOutMillis, fanOutMillis - 1, fanOutMillis + 1, cpuPerMessage,
            List.of(fanOutMillis - 1, fanOutMillis, fanOutMillis + 1)));
  }

  @Test
  void theGatewayIsComparedWithTheMeanOfTheBareRuns() {
    String md = WebSocketTables.section(Optional.of(RUN), "");

    assertThat(md).startsWith("## WebSocket\n\n");
    assertThat(md).contains("| measurement | bare | gateway | gateway / bare | bare runs' spread |\n");
    assertThat(md).contains("| echo, 1 client: p50 µs | 200 | 300 | 1.50× | 0% |\n");
    assertThat(md).contains("| echo, 16 clients: round trips/s | 10,000 | 9,000 | 0.90× | 0% |\n");
    assertThat(md).contains("| echo, 16 clients: server CPU µs per round trip | 50.0 | 50.0 | 1.00× | 40% |\n");
    assertThat(md).contains("| fan-out to 1,000 clients: median ms | 20.0 | 30.0 | 1.50× | 0% |\n");
    assertThat(md).contains("| fan-out to 1,000 clients: server CPU µs per message | 10.0 | 14.0 | 1.40× | 0% |\n");
    assertThat(md).contains("| 2 | gateway | 300 / 1,200 | 9,000 | 900 / 3,600 | 50.0 | 30.0 (29.0–31.0) | 14.0 |\n");
    assertThat(md).contains("Placement: server pinned to core 0.").contains("Clients: the JDK's WebSocket.");
    assertThat(md).doesNotContain("Smoke run");
  }

  @Test
  void withoutResultsTheSectionSaysWhy() {
    assertThat(WebSocketTables.section(Optional.empty(), "skipped"))
        .isEqualTo("## WebSocket\n\nWebSocket results absent: skipped.\n\n");
  }

  @Test
  void aMissingFileBesideLoadJsonIsNotedAndTheOtherSectionsStay(@TempDir Path dir) throws IOException {
    Path load = dir.resolve("load.json");
    new ObjectMapper().writeValue(load.toFile(), BenchmarksReportTestRuns.RUN);
    Path out = dir.resolve("BENCHMARKS.md");

    BenchmarksReport.main(new String[] {load.toString(), dir.resolve("jmh.json").toString(), out.toString()});

    String md = Files.readString(out);
    assertThat(md).contains("## WebSocket\n\nWebSocket results absent: `" + dir.resolve("websocket.json")
        + "` does not exist");
    assertThat(md.indexOf("## WebSocket")).isLessThan(md.indexOf("## Microbenchmarks (JMH)"))
        .isGreaterThan(md.indexOf("## Load: the gateway against the bare server"));
  }

  @Test
  void theFourthArgumentNamesTheWebSocketResults(@TempDir Path dir) throws IOException {
    Path load = dir.resolve("load.json");
    ObjectMapper json = new ObjectMapper();
    json.writeValue(load.toFile(), BenchmarksReportTestRuns.RUN);
    Path websocket = dir.resolve("elsewhere.json");
    json.writeValue(websocket.toFile(), RUN);
    Path out = dir.resolve("BENCHMARKS.md");

    BenchmarksReport.main(new String[] {load.toString(), dir.resolve("jmh.json").toString(), out.toString(),
        websocket.toString()});

    assertThat(Files.readString(out)).contains("| echo, 1 client: p50 µs | 200 | 300 | 1.50× | 0% |\n");
  }

  @Test
  void withoutAWebSocketFileTheRenderedReportKeepsItsOtherSections() {
    LoadRun run = BenchmarksReportTestRuns.RUN;

    String md = BenchmarksReport.render(run, Optional.empty(), "none", "");

    assertThat(md).contains("WebSocket results absent: no `websocket.json` was given.");
    assertThat(md).contains("## Targets").contains("## Load: the gateway against the bare server")
        .contains("## Microbenchmarks (JMH)").contains("## Method");
  }
}
