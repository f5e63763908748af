package dev.gatehouse.benchmarks.report;

import java.util.ArrayList;
import java.util.List;

/** The JMH section: every result, then how routing scales with the table. */
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
    return out.toString();
  }
}
