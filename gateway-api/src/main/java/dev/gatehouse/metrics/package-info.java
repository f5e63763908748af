/**
 * Metrics: what the gateway reports after each answer ({@link dev.gatehouse.metrics.RequestMetrics},
 * {@link dev.gatehouse.metrics.WebSocketMetrics}) to a {@link dev.gatehouse.metrics.MetricsSink}.
 */
package dev.gatehouse.metrics;
