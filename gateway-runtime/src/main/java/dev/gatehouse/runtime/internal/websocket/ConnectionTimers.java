package dev.gatehouse.runtime.internal.websocket;

import dev.gatehouse.WebSocketSettings;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes connections that idled past their API's idle timeout or lived past its maximum duration
 * (1001 {@code Going away}, as AWS) and connections whose API or stage a redeploy removed. One
 * sweep per second on one daemon thread, reading the gateway's clock, so a test can move time.
 */
final class ConnectionTimers implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ConnectionTimers.class);
  private static final long SWEEP_MILLIS = 1000;

  private final WebSocketRuntime runtime;
  private ScheduledExecutorService timer;

  ConnectionTimers(WebSocketRuntime runtime) {
    this.runtime = runtime;
  }

  /** Starts the sweeps with the first connection. */
  synchronized void watch() {
    if (timer == null) {
      timer = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "gatehouse-websocket-timers");
        thread.setDaemon(true);
        return thread;
      });
      timer.scheduleWithFixedDelay(this::sweep, SWEEP_MILLIS, SWEEP_MILLIS, TimeUnit.MILLISECONDS);
    }
  }

  private void sweep() {
    try {
      long now = runtime.now();
      for (Connection connection : runtime.open()) {
        WebSocketSettings settings = runtime.settings(connection);
        if (settings == null) {
          connection.close(WebSocketRuntime.GOING_AWAY, "Going away");
        } else if (now - connection.lastActiveAt() >= settings.idleTimeout().toMillis()
            || now - connection.connectedAt() >= settings.maxConnectionDuration().toMillis()) {
          connection.close(WebSocketRuntime.GOING_AWAY, "Going away");
        }
      }
    } catch (RuntimeException e) {
      // a sweep that throws would end the schedule, and with it every later timeout
      LOG.error("WebSocket timeout sweep failed", e);
    }
  }

  @Override
  public synchronized void close() {
    if (timer != null) {
      timer.shutdownNow();
    }
  }
}
