package dev.gatehouse.benchmarks.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CacheRatioTest {
  private static final List<JmhResult> CACHE = List.of(
      result("CacheBenchmark.cacheHit", 900, 40),
      result("CacheBenchmark.cacheMiss", 2_400, 100),
      result("CacheBenchmark.uncachedSameRoute", 2_000, 80));

  @Test
  void hitAndMissAreEachOverTheUncachedRoute() {
    List<CacheRatio> ratios = CacheRatio.of(CACHE);

    assertThat(ratios).extracting(CacheRatio::label)
        .containsExactly("cache hit / uncached route", "cache miss / uncached route");
    assertThat(ratios).extracting(CacheRatio::ratio).containsExactly(0.45, 1.2);
    assertThat(ratios).extracting(CacheRatio::noisy).containsExactly(false, false);
  }

  @Test
  void theJmhSectionRendersBothRatiosWithWhatTheyMean() {
    String md = BenchmarksReport.render(BenchmarksReportTestRuns.RUN, Optional.of(CACHE), "", "");

    assertThat(md).contains("Response cache against the same route without one (`CacheBenchmark`, the same JMH run):\n\n"
        + "| ratio | ns/op | uncached route ns/op | × | what it says |\n"
        + "| --- | --- | --- | --- | --- |\n"
        + "| cache hit / uncached route | 900 | 2,000 | 0.45× | a request answered from the stage's cache");
    assertThat(md).contains("| cache miss / uncached route | 2,400 | 2,000 | 1.20× | a request whose key is not in the"
        + " cache");
    assertThat(md).contains("below 1× is what a hit saves").contains("above 1× is what caching adds to every miss");
  }

  @Test
  void resultsWithoutCacheBenchmarkSayTheRatiosAreAbsent() throws IOException {
    String md = BenchmarksReport.render(BenchmarksReportTestRuns.RUN, Optional.of(JmhResults.parse(JmhResultsTest.SAMPLE)),
        "", "");

    assertThat(md).contains("Cache ratios absent: `CacheBenchmark` is not in the JMH results (they predate it, or the"
        + " run left it out).\n");
    assertThat(md).doesNotContain("| cache hit / uncached route").doesNotContain("0.00×").doesNotContain("NaN");
  }

  @Test
  void aRatioWhoseBenchmarkOrBaselineIsMissingSaysWhichOne() {
    List<JmhResult> withoutMiss = List.of(CACHE.get(0), CACHE.get(2));
    List<JmhResult> withoutBaseline = List.of(CACHE.get(0), CACHE.get(1));

    assertThat(JmhTables.cache(withoutMiss))
        .contains("| cache hit / uncached route | 900 | 2,000 | 0.45× |")
        .contains("| cache miss / uncached route | – | 2,000 | absent: `CacheBenchmark.cacheMiss` not in the JMH results |");
    assertThat(JmhTables.cache(withoutBaseline))
        .contains("| cache hit / uncached route | 900 | – | absent: `CacheBenchmark.uncachedSameRoute` not in the JMH"
            + " results |")
        .doesNotContain("NaN");
  }

  @Test
  void aRatioWhoseFigureHasAnErrorAboveHalfItsScoreIsMarkedNoisy() {
    List<JmhResult> results = new ArrayList<>(CACHE);
    results.set(0, result("CacheBenchmark.cacheHit", 900, 1_200));

    assertThat(CacheRatio.of(results)).extracting(CacheRatio::noisy).containsExactly(true, false);
    assertThat(JmhTables.cache(results)).contains("| 0.45× (noisy: an error above half the score) |");
  }

  private static JmhResult result(String shortName, double nanos, double error) {
    return new JmhResult("dev.gatehouse.benchmarks.micro." + shortName, "avgt", Map.of(), nanos, error, "ns/op", 1_000);
  }
}
