/**
 * Gatehouse's benchmarks: JMH microbenchmarks of the pipeline ({@code micro}), a load benchmark
 * against the bare servers ({@code load}), and the report that writes {@code BENCHMARKS.md}
 * ({@code report}).
 */
package dev.gatehouse.benchmarks;
