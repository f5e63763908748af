package dev.gatehouse.metrics;

/**
 * One WebSocket event, as a {@link MetricsSink} sees it, for AWS's WebSocket metrics:
 * {@code ConnectCount}, {@code MessageCount}, {@code IntegrationError}, {@code ClientError},
 * {@code ExecutionError} and {@code IntegrationLatency}.
 *
 * @param api the API's name
 * @param stage the stage's name
 * @param route the route key that took the event, or {@code null} when none did
 * @param kind a connect or a message
 * @param outcome how it ended
 * @param integrationLatencyNanos the integration's time, or {@code -1} when none was called
 */
public record WebSocketMetrics(String api, String stage, String route, Kind kind, Outcome outcome,
    long integrationLatencyNanos) {

  /** What the client did. */
  public enum Kind {
    CONNECT,
    MESSAGE
  }

  /** AWS's classes of WebSocket failure. */
  public enum Outcome {
    OK,
    /** The client's fault: refused by a guard, no route, a limit (4XX). */
    CLIENT_ERROR,
    /** The integration failed or answered with an error. */
    INTEGRATION_ERROR,
    /** The gateway itself failed. */
    EXECUTION_ERROR
  }
}
