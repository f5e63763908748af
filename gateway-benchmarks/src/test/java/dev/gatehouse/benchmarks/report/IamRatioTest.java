package dev.gatehouse.benchmarks.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IamRatioTest {
  private static final List<JmhResult> IAM = List.of(
      result("IamBenchmark.iamSigned", 6_000, 200, 4_800),
      result("IamBenchmark.plainSameRoute", 2_000, 80, 3_200));

  @Test
  void signedIsOverThePlainRouteInTimeAndAllocation() {
    IamRatio ratio = IamRatio.of(IAM).orElseThrow();

    assertThat(ratio.ratio()).isEqualTo(3.0);
    assertThat(ratio.addedMicros()).isEqualTo(4.0);
    assertThat(ratio.bytesRatio()).isEqualTo(1.5);
    assertThat(ratio.addedBytes()).isEqualTo(1_600);
    assertThat(ratio.noisy()).isFalse();
  }

  @Test
  void theJmhSectionRendersTheRatioWithWhatItMeans() {
    String md = BenchmarksReport.render(BenchmarksReportTestRuns.RUN, Optional.of(IAM), "", "");

    assertThat(md).contains("AWS_IAM (SigV4 verified, identity policy decided) against the same route without an"
        + " authorizer (`IamBenchmark`, the same JMH run;")
        .contains("| ratio | ns/op | plain route ns/op | × | added µs/req | B/op | plain route B/op | B/op × |\n"
            + "| --- | --- | --- | --- | --- | --- | --- | --- |\n"
            + "| iam signed / plain route | 6,000 | 2,000 | 3.00× | +4.0 | 4,800 | 3,200 | 1.50× |\n")
        .contains("Above 1× is what verifying a signature and deciding the policy adds");
  }

  @Test
  void resultsWithoutIamBenchmarkSayTheRatioIsAbsent() throws IOException {
    String md = BenchmarksReport.render(BenchmarksReportTestRuns.RUN, Optional.of(JmhResults.parse(JmhResultsTest.SAMPLE)),
        "", "");

    assertThat(md).contains("IAM ratio absent: `IamBenchmark` is not in the JMH results (they predate it, or the run"
        + " left it out).\n");
    assertThat(md).doesNotContain("| iam signed / plain route").doesNotContain("NaN");
  }

  @Test
  void aMissingBaselineIsNamedAndNoRatioIsGiven() {
    assertThat(JmhTables.iam(List.of(IAM.get(0))))
        .contains("| iam signed / plain route | 6,000 | – | absent: `IamBenchmark.plainSameRoute` not in the JMH"
            + " results | – | 4,800 | – | – |")
        .doesNotContain("NaN");
  }

  private static JmhResult result(String shortName, double nanos, double error, double bytes) {
    return new JmhResult("dev.gatehouse.benchmarks.micro." + shortName, "avgt", Map.of(), nanos, error, "ns/op", bytes);
  }
}
