package dev.gatehouse.runtime.internal.log;

import dev.gatehouse.GatewayResponse;
import dev.gatehouse.StageDefinition;
import dev.gatehouse.log.AccessLogSettings;
import dev.gatehouse.log.AccessLogSink;
import dev.gatehouse.runtime.internal.pipeline.Exchange;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The access logs of stages that declare one: renders the line on the request's thread (it reads
 * the exchange, which is confined to it) and queues it for the gateway's writer thread.
 */
public final class StageAccessLogs implements AutoCloseable {
  private final ObserverQueue writer;
  /** Per API and stage; replaced when a redeploy changes the stage's settings. */
  private final ConcurrentHashMap<String, Target> targets = new ConcurrentHashMap<>();

  private record Target(AccessLogSettings settings, CompiledAccessLog log, AccessLogSink sink, Logger logger) {}

  public StageAccessLogs(ObserverQueue writer) {
    this.writer = writer;
  }

  /**
   * Writes the line of a request whose stage has an access log; {@code false}, writing nothing,
   * when it has none (or the request reached no stage).
   */
  public boolean record(Exchange ex, GatewayResponse response, long latencyMillis) {
    StageDefinition stage = ex.stage();
    if (stage == null || stage.accessLog() == null || ex.api() == null) {
      return false;
    }
    String api = ex.api().definition().name();
    Target target = target(api, stage);
    if (target.logger() != null && !target.logger().isInfoEnabled()) {
      return true;
    }
    String line = target.log().render(new AccessLogValues.Facts(ex, response, latencyMillis));
    writer.offer(new ObserverQueue.Line(target.sink(), api, stage.name(), line));
    return true;
  }

  private Target target(String api, StageDefinition stage) {
    String key = api + '\u0000' + stage.name();
    Target target = targets.get(key);
    if (target == null || !target.settings().equals(stage.accessLog())) {
      AccessLogSettings settings = stage.accessLog();
      Logger logger = settings.sink() == null
          ? LoggerFactory.getLogger(AccessLogSettings.LOGGER_PREFIX + api + "." + stage.name()) : null;
      AccessLogSink sink = logger != null ? (a, s, line) -> logger.info(line) : settings.sink();
      target = new Target(settings, new CompiledAccessLog(settings.template()), sink, logger);
      targets.put(key, target);
    }
    return target;
  }

  /** Lines dropped because the writer's queue was full. */
  public long dropped() {
    return writer.dropped();
  }

  /** Lines whose sink threw. */
  public long failed() {
    return writer.failed();
  }

  @Override
  public void close() {
    writer.close();
  }
}
