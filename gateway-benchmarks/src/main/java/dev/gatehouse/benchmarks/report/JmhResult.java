package dev.gatehouse.benchmarks.report;

import java.util.Map;
import java.util.TreeMap;

/**
 * One JMH benchmark result: a benchmark method with one set of parameters.
 *
 * @param benchmark the full name, such as {@code dev.gatehouse.benchmarks.micro.RoutingBenchmark.match}
 * @param mode JMH's mode, such as {@code avgt}
 * @param params the {@code @Param} values by name, sorted by name
 * @param score the primary score, in {@code scoreUnit}
 * @param scoreError the primary score's error (99.9% confidence half-width), NaN when JMH gives none
 * @param scoreUnit such as {@code ns/op} or {@code ops/s}
 * @param allocBytesPerOp {@code gc.alloc.rate.norm} from {@code -prof gc}, NaN without it
 */
public record JmhResult(String benchmark, String mode, Map<String, String> params, double score, double scoreError,
    String scoreUnit, double allocBytesPerOp) {

  public JmhResult {
    params = java.util.Collections.unmodifiableMap(new TreeMap<>(params));
  }

  /** The class and method, such as {@code RoutingBenchmark.match}. */
  public String shortName() {
    int method = benchmark.lastIndexOf('.');
    int type = method > 0 ? benchmark.lastIndexOf('.', method - 1) : -1;
    return benchmark.substring(type + 1);
  }

  /** The parameters as {@code kind=literal, routes=1}, empty without any. */
  public String paramsLabel() {
    StringBuilder label = new StringBuilder();
    params.forEach((name, value) -> label.append(label.length() > 0 ? ", " : "").append(name).append('=').append(value));
    return label.toString();
  }

  /** The primary score as nanoseconds per operation, whatever unit or mode JMH used; NaN if unknown. */
  public double nanosPerOp() {
    return toNanosPerOp(score, scoreUnit);
  }

  /** The score's error in nanoseconds per operation (a time-per-op unit only; NaN otherwise). */
  public double errorNanosPerOp() {
    return scoreUnit.endsWith("/op") ? toNanosPerOp(scoreError, scoreUnit) : Double.NaN;
  }

  /**
   * Converts a JMH score to ns/op: time-per-operation units scale, throughput units invert.
   * Returns NaN for a unit it does not know (such as the sample or single-shot modes' own units).
   */
  static double toNanosPerOp(double value, String unit) {
    String[] parts = unit.split("/");
    if (parts.length != 2) {
      return Double.NaN;
    }
    if (parts[1].equals("op")) {
      return value * nanos(parts[0]);
    }
    if (parts[0].equals("ops") && value > 0) {
      return nanos(parts[1]) / value;
    }
    return Double.NaN;
  }

  private static double nanos(String timeUnit) {
    return switch (timeUnit) {
      case "ns" -> 1;
      case "us" -> 1e3;
      case "ms" -> 1e6;
      case "s" -> 1e9;
      case "min" -> 60e9;
      default -> Double.NaN;
    };
  }
}
