package dev.gatehouse.benchmarks.report;

import dev.gatehouse.benchmarks.load.CellResult;
import dev.gatehouse.benchmarks.load.PhaseResult;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * A gateway cell against its bare baseline: the bare cells on the same server with the same
 * request, measured in the same run (before and after the gateway cells), averaged.
 *
 * @param server {@code jdk} or {@code jetty}
 * @param scenario the gateway cell's scenario
 * @param request the request both sent
 * @param baselineRuns how many bare cells the baseline averages
 * @param bareSpread the bare runs' throughput range over their mean: the run's own noise
 * @param throughputRatio gateway maximum throughput over bare
 * @param addedCpuMicros gateway server CPU per request minus bare, at maximum throughput
 * @param latency p50 and p99 ratios for every open-loop phase, in run order
 */
public record Comparison(String server, String scenario, String request, int baselineRuns, double bareSpread, double throughputRatio,
    double addedCpuMicros, List<LatencyRatio> latency) {

  public Comparison {
    latency = List.copyOf(latency);
  }

  /**
   * Gateway over bare latency in one phase.
   *
   * @param fellBehind whether the gateway fell behind the phase's rate, or every bare run did: the
   *     ratio then compares queues rather than servers
   */
  public record LatencyRatio(String phase, double p50Ratio, double p99Ratio, boolean fellBehind) {}

  /** The p50/p99 ratios of the phase called {@code phase}; NaN ratios if it did not run. */
  public LatencyRatio latency(String phase) {
    return latency.stream().filter(ratio -> ratio.phase().equals(phase)).findFirst()
        .orElse(new LatencyRatio(phase, Double.NaN, Double.NaN, false));
  }

  /** A comparison for every gateway cell that has a baseline, in the cells' order. */
  public static List<Comparison> of(List<CellResult> cells) {
    List<Comparison> comparisons = new ArrayList<>();
    for (CellResult cell : cells) {
      // A reference cell (nginx) is compared in its own table, never against a bare server.
      if (cell.role() != CellResult.Role.GATEWAY) {
        continue;
      }
      List<CellResult> bare = cells.stream()
          .filter(other -> other.bare() && other.server().equals(cell.server()) && other.request().equals(cell.request()))
          .toList();
      if (!bare.isEmpty()) {
        comparisons.add(compare(cell, bare));
      }
    }
    return comparisons;
  }

  static Comparison compare(CellResult gateway, List<CellResult> bare) {
    double bareThroughput = mean(bare, PhaseResult.MAX, PhaseResult::throughput);
    double bareCpu = mean(bare, PhaseResult.MAX, PhaseResult::cpuMicrosPerRequest);
    List<LatencyRatio> latency = new ArrayList<>();
    for (PhaseResult phase : gateway.phases()) {
      if (!phase.name().equals(PhaseResult.MAX)) {
        // A bare run that fell behind measured a queue; the other run, if it kept up, is the baseline.
        List<CellResult> keptUp = bare.stream()
            .filter(cell -> cell.phase(phase.name()).map(p -> !p.fellBehind()).orElse(false))
            .toList();
        List<CellResult> baseline = keptUp.isEmpty() ? bare : keptUp;
        latency.add(new LatencyRatio(phase.name(),
            phase.p50Micros() / mean(baseline, phase.name(), PhaseResult::p50Micros),
            phase.p99Micros() / mean(baseline, phase.name(), PhaseResult::p99Micros),
            phase.fellBehind() || keptUp.isEmpty()));
      }
    }
    PhaseResult max = gateway.phase(PhaseResult.MAX).orElse(null);
    return new Comparison(gateway.server(), gateway.scenario(), gateway.request(), bare.size(),
        spread(bare, PhaseResult.MAX, PhaseResult::throughput),
        max != null ? max.throughput() / bareThroughput : Double.NaN,
        max != null ? max.cpuMicrosPerRequest() - bareCpu : Double.NaN,
        latency);
  }

  /** The mean of a phase's metric over {@code cells}, ignoring those without the phase; NaN if none. */
  static double mean(List<CellResult> cells, String phase, ToDoubleFunction<PhaseResult> metric) {
    double sum = 0;
    int count = 0;
    for (CellResult cell : cells) {
      PhaseResult result = cell.phase(phase).orElse(null);
      if (result != null && !Double.isNaN(metric.applyAsDouble(result))) {
        sum += metric.applyAsDouble(result);
        count++;
      }
    }
    return count > 0 ? sum / count : Double.NaN;
  }

  /** (max - min) / mean of a phase's metric over {@code cells}; 0 for one cell, NaN for none. */
  static double spread(List<CellResult> cells, String phase, ToDoubleFunction<PhaseResult> metric) {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (CellResult cell : cells) {
      PhaseResult result = cell.phase(phase).orElse(null);
      if (result != null) {
        min = Math.min(min, metric.applyAsDouble(result));
        max = Math.max(max, metric.applyAsDouble(result));
      }
    }
    double mean = mean(cells, phase, metric);
    return Double.isNaN(mean) || mean == 0 ? Double.NaN : (max - min) / mean;
  }
}
