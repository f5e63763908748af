package dev.gatehouse.benchmarks.report;

import java.util.List;
import java.util.Optional;

/**
 * What {@code AWS_IAM} costs one request: {@code IamBenchmark.iamSigned} over
 * {@code IamBenchmark.plainSameRoute}, the same request shape on a route without an authorizer,
 * measured in the same JMH run, in time and in allocation.
 *
 * @param nanos the signed route's ns/op, NaN when absent from the results
 * @param plainNanos the plain route's ns/op, NaN when absent
 * @param bytes the signed route's B/op, NaN without {@code -prof gc} or when absent
 * @param plainBytes the plain route's B/op, likewise
 * @param noisy whether either time's error is more than half its figure (as {@link RoutingRatio#noisy})
 */
public record IamRatio(double nanos, double plainNanos, double bytes, double plainBytes, boolean noisy) {
  static final String SIGNED = "IamBenchmark.iamSigned";
  static final String PLAIN = "IamBenchmark.plainSameRoute";

  /** The ratio from {@code results}, or empty when they hold neither benchmark. */
  public static Optional<IamRatio> of(List<JmhResult> results) {
    Optional<JmhResult> signed = find(results, SIGNED);
    Optional<JmhResult> plain = find(results, PLAIN);
    if (signed.isEmpty() && plain.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new IamRatio(
        signed.map(JmhResult::nanosPerOp).orElse(Double.NaN),
        plain.map(JmhResult::nanosPerOp).orElse(Double.NaN),
        signed.map(JmhResult::allocBytesPerOp).orElse(Double.NaN),
        plain.map(JmhResult::allocBytesPerOp).orElse(Double.NaN),
        signed.filter(IamRatio::isNoisy).isPresent() || plain.filter(IamRatio::isNoisy).isPresent()));
  }

  /** Signed over plain time; NaN when either is absent. */
  public double ratio() {
    return nanos / plainNanos;
  }

  /** What verifying adds to one request, in microseconds; NaN when either is absent. */
  public double addedMicros() {
    return (nanos - plainNanos) / 1e3;
  }

  /** Signed over plain allocation; NaN when either is absent. */
  public double bytesRatio() {
    return bytes / plainBytes;
  }

  /** What verifying adds to one request's allocation, in bytes; NaN when either is absent. */
  public double addedBytes() {
    return bytes - plainBytes;
  }

  private static Optional<JmhResult> find(List<JmhResult> results, String shortName) {
    return results.stream().filter(r -> r.shortName().equals(shortName)).findFirst();
  }

  private static boolean isNoisy(JmhResult result) {
    return result.errorNanosPerOp() > result.nanosPerOp() / 2;
  }
}
