package dev.gatehouse.benchmarks.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JmhResultsTest {
  /** JMH 1.37's -rf json layout, cut down: an avgt result with params and -prof gc, and a thrpt one. */
  static final String SAMPLE = """
      [
        {
          "jmhVersion" : "1.37",
          "benchmark" : "dev.gatehouse.benchmarks.micro.RoutingBenchmark.match",
          "mode" : "avgt",
          "threads" : 1,
          "forks" : 1,
          "params" : { "routes" : "10000", "kind" : "parameter" },
          "primaryMetric" : {
            "score" : 61.25, "scoreError" : 1.5, "scoreConfidence" : [ 59.75, 62.75 ],
            "scoreUnit" : "ns/op", "rawData" : [ [ 61.0, 61.5 ] ]
          },
          "secondaryMetrics" : {
            "gc.alloc.rate" : { "score" : 800.1, "scoreError" : "NaN", "scoreUnit" : "MB/sec" },
            "gc.alloc.rate.norm" : { "score" : 48.0, "scoreError" : "NaN", "scoreUnit" : "B/op" },
            "gc.count" : { "score" : 3.0, "scoreError" : "NaN", "scoreUnit" : "counts" }
          }
        },
        {
          "benchmark" : "dev.gatehouse.benchmarks.micro.HandleBenchmark.asyncFunction",
          "mode" : "thrpt",
          "params" : { },
          "primaryMetric" : { "score" : 0.5, "scoreError" : "NaN", "scoreUnit" : "ops/us" },
          "secondaryMetrics" : { "\u00b7gc.alloc.rate.norm" : { "score" : 912.0, "scoreUnit" : "B/op" } }
        },
        {
          "benchmark" : "dev.gatehouse.benchmarks.micro.EventBenchmark.payloadV1",
          "mode" : "avgt",
          "primaryMetric" : { "score" : 1.2, "scoreError" : 0.1, "scoreUnit" : "us/op" },
          "secondaryMetrics" : { }
        }
      ]
      """;

  @Test
  void readsNameParamsScoreAndAllocation() throws IOException {
    List<JmhResult> results = JmhResults.parse(SAMPLE);

    assertThat(results).hasSize(3);
    JmhResult routing = results.get(0);
    assertThat(routing.shortName()).isEqualTo("RoutingBenchmark.match");
    assertThat(routing.params()).isEqualTo(Map.of("routes", "10000", "kind", "parameter"));
    assertThat(routing.paramsLabel()).isEqualTo("kind=parameter, routes=10000");
    assertThat(routing.nanosPerOp()).isCloseTo(61.25, within(1e-9));
    assertThat(routing.errorNanosPerOp()).isCloseTo(1.5, within(1e-9));
    assertThat(routing.allocBytesPerOp()).isCloseTo(48.0, within(1e-9));
  }

  @Test
  void convertsEveryUnitToNanosecondsPerOperation() throws IOException {
    List<JmhResult> results = JmhResults.parse(SAMPLE);

    // 0.5 ops/us is 2 us per op; an older JMH's "·gc.alloc.rate.norm" is found too.
    assertThat(results.get(1).nanosPerOp()).isCloseTo(2_000.0, within(1e-9));
    assertThat(results.get(1).errorNanosPerOp()).isNaN();
    assertThat(results.get(1).allocBytesPerOp()).isCloseTo(912.0, within(1e-9));
    assertThat(results.get(1).paramsLabel()).isEmpty();
    assertThat(results.get(2).nanosPerOp()).isCloseTo(1_200.0, within(1e-9));
    assertThat(results.get(2).allocBytesPerOp()).isNaN();
    assertThat(JmhResult.toNanosPerOp(3, "ms/op")).isCloseTo(3e6, within(1e-3));
    assertThat(JmhResult.toNanosPerOp(4, "ops/s")).isCloseTo(2.5e8, within(1e-3));
    assertThat(JmhResult.toNanosPerOp(4, "us")).isNaN();
  }

  @Test
  void anAbsentFileIsNoResultsRatherThanAnError(@TempDir Path dir) throws IOException {
    assertThat(JmhResults.read(dir.resolve("jmh.json"))).isEmpty();

    Files.writeString(dir.resolve("jmh.json"), SAMPLE);
    assertThat(JmhResults.read(dir.resolve("jmh.json"))).hasValueSatisfying(list -> assertThat(list).hasSize(3));
  }

  @Test
  void json_notAnArray() {
    assertThatThrownBy(() -> JmhResults.parse("{\"benchmark\":\"x\"}"))
        .isInstanceOf(IOException.class)
        .hasMessage("JMH results: not a JSON array (expected: the output of -rf json)");
  }

  @Test
  void json_entryWithoutScore() {
    assertThatThrownBy(() -> JmhResults.parse("[{\"benchmark\":\"a.B.c\"}]"))
        .isInstanceOf(IOException.class)
        .hasMessageStartingWith("JMH results: an entry without benchmark or primaryMetric.score");
  }
}
