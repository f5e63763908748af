/**
 * BENCHMARKS.md: the load run's ratios to the bare baselines, the HTTP proxy against nginx, the
 * JMH results and the targets.
 *
 * <p>Starting points: {@link dev.gatehouse.benchmarks.report.BenchmarksReport} (writes the file);
 * {@link dev.gatehouse.benchmarks.report.JmhResults} (reads JMH's JSON);
 * {@link dev.gatehouse.benchmarks.report.Comparison} (gateway against bare);
 * {@link dev.gatehouse.benchmarks.report.ProxyComparison} (the HTTP proxy against nginx);
 * {@link dev.gatehouse.benchmarks.report.Target} (met or missed).
 */
package dev.gatehouse.benchmarks.report;
