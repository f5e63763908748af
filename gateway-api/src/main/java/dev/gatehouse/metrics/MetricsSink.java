package dev.gatehouse.metrics;

/**
 * Where the gateway reports what it served, after each answer: the runtime's
 * {@code MicrometerMetrics} turns the reports into AWS's metrics in any Micrometer registry
 * (Prometheus, CloudWatch, OTLP...). Reports reach a sink through the gateway's observer queue and
 * its one thread, so that a slow sink delays no request (past the queue's room, reports are dropped
 * and counted); a sink that {@linkplain #neverBlocks() never blocks} is called on the request's
 * thread instead. One that throws is counted and logged, and never fails a request.
 *
 * <pre>{@code
 * Gateway.builder()
 *     .metrics(MicrometerMetrics.of(new SimpleMeterRegistry()))
 *     .restApi("petstore", api -> api.stage("prod", stage -> stage.detailedMetrics()));
 * }</pre>
 */
public interface MetricsSink {
  /** One HTTP request was answered. */
  void request(RequestMetrics metrics);

  /** One WebSocket connect or message was handled. */
  void webSocket(WebSocketMetrics metrics);

  /**
   * Whether this sink only updates memory and never waits, so that it may be called on the
   * request's thread and spare each report a hand-off to the observer thread; {@code false} unless
   * overridden.
   */
  default boolean neverBlocks() {
    return false;
  }
}
