package dev.gatehouse.metrics;

/**
 * Where the gateway reports what it served, after each answer: the runtime's
 * {@code MicrometerMetrics} turns the reports into AWS's metrics in any Micrometer registry
 * (Prometheus, CloudWatch, OTLP...). Called on the request's thread after the answer is ready:
 * an implementation must be quick and must not block; one that throws is counted and logged, and
 * never fails a request.
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
}
