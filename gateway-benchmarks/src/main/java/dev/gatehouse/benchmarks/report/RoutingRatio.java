package dev.gatehouse.benchmarks.report;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * How routing scales with the table: {@code RoutingBenchmark.match} at 10,000 routes over 1 route,
 * for one kind of route.
 *
 * @param kind {@code literal}, {@code parameter} or {@code greedy}
 * @param oneRouteNanos ns/op with {@code routes=1}
 * @param largestNanos ns/op with the largest table
 * @param largestRoutes that table's size
 * @param ratio {@code largestNanos / oneRouteNanos}
 * @param noisy whether either figure's error is more than half the figure: an iteration hit a stall
 *     of the machine, and the ratio says more about the machine than about the router
 */
public record RoutingRatio(String kind, double oneRouteNanos, double largestNanos, int largestRoutes, double ratio,
    boolean noisy) {
  static final String BENCHMARK = "RoutingBenchmark.match";
  static final int LARGEST = 10_000;

  /** One ratio per kind found in {@code results}, in the order the kinds first appear. */
  public static List<RoutingRatio> of(List<JmhResult> results) {
    Set<String> kinds = new LinkedHashSet<>();
    for (JmhResult result : results) {
      if (result.shortName().equals(BENCHMARK) && result.params().containsKey("kind")) {
        kinds.add(result.params().get("kind"));
      }
    }
    List<RoutingRatio> ratios = new ArrayList<>();
    for (String kind : kinds) {
      JmhResult one = result(results, kind, 1);
      JmhResult largest = result(results, kind, LARGEST);
      double oneNanos = one == null ? Double.NaN : one.nanosPerOp();
      double largestNanos = largest == null ? Double.NaN : largest.nanosPerOp();
      ratios.add(new RoutingRatio(kind, oneNanos, largestNanos, LARGEST, largestNanos / oneNanos,
          isNoisy(one) || isNoisy(largest)));
    }
    return ratios;
  }

  private static JmhResult result(List<JmhResult> results, String kind, int routes) {
    for (JmhResult result : results) {
      if (result.shortName().equals(BENCHMARK) && kind.equals(result.params().get("kind"))
          && Integer.toString(routes).equals(result.params().get("routes"))) {
        return result;
      }
    }
    return null;
  }

  private static boolean isNoisy(JmhResult result) {
    return result != null && result.errorNanosPerOp() > result.nanosPerOp() / 2;
  }
}
