/**
 * Metrics for a {@link dev.gatehouse.Gateway}: {@link dev.gatehouse.runtime.metrics.MicrometerMetrics}
 * writes AWS API Gateway's metrics into a Micrometer registry. Micrometer is an optional dependency
 * of gateway-runtime: add {@code io.micrometer:micrometer-core} (or a registry) to use this package.
 */
package dev.gatehouse.runtime.metrics;
