package dev.gatehouse.benchmarks.report;

import java.util.ArrayList;
import java.util.List;

/**
 * The JMH section: every result, how routing scales with the table, then what the response cache
 * and {@code AWS_IAM} cost.
 */
final class JmhTables {
  private JmhTables() {}

  static String render(List<JmhResult> results) {
    if (results.isEmpty()) {
      return "The JMH results file holds no results.\n";
    }
    List<List<String>> rows = new ArrayList<>();
    for (JmhResult result : results) {
      rows.add(List.of("`" + result.shortName() + "`", result.paramsLabel().isEmpty() ? Markdown.NONE : result.paramsLabel(),
          Markdown.amount(result.nanosPerOp()), Markdown.amount(result.errorNanosPerOp()),
          Markdown.whole(result.allocBytesPerOp())));
    }
    StringBuilder out = new StringBuilder(Markdown.table(List.of("benchmark", "params", "ns/op", "±", "B/op"), rows));
    List<RoutingRatio> routing = RoutingRatio.of(results);
    if (!routing.isEmpty()) {
      List<List<String>> ratios = new ArrayList<>();
      for (RoutingRatio r : routing) {
        ratios.add(List.of(r.kind(), Markdown.amount(r.oneRouteNanos()), Markdown.amount(r.largestNanos()),
            Markdown.ratio(r.ratio())));
      }
      out.append("\nRouting against the size of the table (`").append(RoutingRatio.BENCHMARK).append("`):\n\n")
          .append(Markdown.table(List.of("kind", "1 route ns/op", "10,000 routes ns/op", "10,000 / 1"), ratios));
    }
    return out.append('\n').append(cache(results)).append('\n').append(iam(results)).toString();
  }

  /**
   * The cache's ratios to the uncached route, always present so that a run without
   * {@code CacheBenchmark} says so rather than leaving the reader to wonder.
   */
  static String cache(List<JmhResult> results) {
    StringBuilder out = new StringBuilder("Response cache against the same route without one (`CacheBenchmark`, "
        + "the same JMH run):\n\n");
    if (!CacheRatio.anyIn(results)) {
      return out.append("Cache ratios absent: `CacheBenchmark` is not in the JMH results (they predate it, or the run ")
          .append("left it out).\n").toString();
    }
    List<List<String>> rows = new ArrayList<>();
    for (CacheRatio r : CacheRatio.of(results)) {
      String ratio = Double.isNaN(r.nanos()) ? "absent: `" + r.benchmark() + "` not in the JMH results"
          : Double.isNaN(r.uncachedNanos()) ? "absent: `" + CacheRatio.BASELINE + "` not in the JMH results"
          : Markdown.ratio(r.ratio()) + (r.noisy() ? " (noisy: an error above half the score)" : "");
      rows.add(List.of(r.label(), Markdown.amount(r.nanos()), Markdown.amount(r.uncachedNanos()), ratio, r.meaning()));
    }
    return out.append(Markdown.table(List.of("ratio", "ns/op", "uncached route ns/op", "×", "what it says"), rows))
        .toString();
  }

  /**
   * {@code AWS_IAM}'s ratio to the same route without an authorizer, in time and allocation; always
   * present, as the cache's, so that a run without {@code IamBenchmark} says so.
   */
  static String iam(List<JmhResult> results) {
    StringBuilder out = new StringBuilder("AWS_IAM (SigV4 verified, identity policy decided) against the same route "
        + "without an authorizer (`IamBenchmark`, the same JMH run; one signed request replayed, so the client's "
        + "signing is not in it):\n\n");
    IamRatio r = IamRatio.of(results).orElse(null);
    if (r == null) {
      return out.append("IAM ratio absent: `IamBenchmark` is not in the JMH results (they predate it, or the run ")
          .append("left it out).\n").toString();
    }
    String absent = Double.isNaN(r.nanos()) ? "absent: `" + IamRatio.SIGNED + "` not in the JMH results"
        : Double.isNaN(r.plainNanos()) ? "absent: `" + IamRatio.PLAIN + "` not in the JMH results" : null;
    String ratio = absent != null ? absent
        : Markdown.ratio(r.ratio()) + (r.noisy() ? " (noisy: an error above half the score)" : "");
    String bytesRatio = absent != null ? Markdown.NONE : Markdown.ratio(r.bytesRatio());
    List<List<String>> rows = List.of(List.of("iam signed / plain route", Markdown.amount(r.nanos()),
        Markdown.amount(r.plainNanos()), ratio, absent != null ? Markdown.NONE : Markdown.signed(r.addedMicros()),
        Markdown.whole(r.bytes()), Markdown.whole(r.plainBytes()), bytesRatio));
    return out.append(Markdown.table(List.of("ratio", "ns/op", "plain route ns/op", "×", "added µs/req", "B/op",
        "plain route B/op", "B/op ×"), rows))
        .append("\nAbove 1× is what verifying a signature and deciding the policy adds to every request on an ")
        .append("`AWS_IAM` route, here with an integration that costs almost nothing; *added µs/req* is the ")
        .append("difference in time.\n")
        .toString();
  }
}
