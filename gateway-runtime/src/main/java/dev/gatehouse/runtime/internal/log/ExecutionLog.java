package dev.gatehouse.runtime.internal.log;

import dev.gatehouse.GatewayRequest;
import dev.gatehouse.GatewayResponse;
import dev.gatehouse.Headers;
import dev.gatehouse.log.ExecutionLogSettings;
import dev.gatehouse.log.ExecutionLogSettings.Level;
import dev.gatehouse.runtime.internal.pipeline.Exchange;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stage execution logs: what happened to a request, in lines prefixed with its ID as AWS writes
 * them, built on the request's thread (only for stages that log it) and written through the
 * observer queue, so that logging never delays an answer.
 */
public final class ExecutionLog {
  /** AWS cuts logged bodies here. */
  static final int BODY_CHARS = 1024;
  private static final Set<String> SECRET_HEADERS =
      Set.of("authorization", "proxy-authorization", "x-api-key", "cookie", "set-cookie");

  private static final Logger LOG = LoggerFactory.getLogger(ExecutionLog.class);

  private final ObserverQueue observers;

  public ExecutionLog(ObserverQueue observers) {
    this.observers = observers;
  }

  /** Logs {@code ex}, answered with {@code response}, if its stage asks for it; never throws. */
  public void record(Exchange ex, GatewayResponse response, long latencyNanos) {
    try {
      write(ex, response, latencyNanos);
    } catch (RuntimeException e) {
      LOG.warn("execution log failed for request {}", ex.requestId(), e);
    }
  }

  private void write(Exchange ex, GatewayResponse response, long latencyNanos) {
    ExecutionLogSettings settings = ex.stage() == null ? null : ex.stage().executionLog();
    if (settings == null || settings.level() == Level.OFF) {
      return;
    }
    boolean failed = response.status() >= 500;
    if (settings.level() == Level.ERROR && !failed) {
      return;
    }
    Level level = failed ? Level.ERROR : Level.INFO;
    List<String> lines = lines(ex, response, latencyNanos, settings.dataTrace());
    String api = ex.api().definition().name();
    String stage = ex.stage().name();
    ExecutionLogSettings.Sink sink = settings.sink();
    observers.offer(() -> {
      for (String line : lines) {
        if (sink != null) {
          sink.write(api, stage, level, line);
        } else {
          Logger logger = LoggerFactory.getLogger(ExecutionLogSettings.LOGGER_PREFIX + api + "." + stage);
          if (level == Level.ERROR) {
            logger.error(line);
          } else {
            logger.info(line);
          }
        }
      }
    });
  }

  static List<String> lines(Exchange ex, GatewayResponse response, long latencyNanos, boolean dataTrace) {
    GatewayRequest request = ex.request();
    String id = "(" + ex.requestId() + ") ";
    List<String> lines = new ArrayList<>();
    lines.add(id + "Starting execution for request: " + request.method() + " " + request.mountPath()
        + request.rawPath() + (request.rawQuery() == null ? "" : "?" + request.rawQuery()) + " from "
        + request.sourceIp());
    lines.add(id + "Route: " + (ex.route() == null ? "none" : ex.route().routeKey()));
    if (dataTrace) {
      lines.add(id + "Method request headers: " + redacted(request.headers()));
      lines.add(id + "Method request body before transformations: " + body(request.body()));
    }
    if (ex.integrationNanos() >= 0) {
      lines.add(id + "Integration answered with status " + ex.integrationStatus() + " in "
          + ex.integrationLatencyMillis() + " ms");
    }
    if (ex.gatewayResponseType() != null) {
      lines.add(id + "Gateway response type: " + ex.gatewayResponseType() + " with status: " + response.status());
    }
    if (dataTrace) {
      lines.add(id + "Method response headers: " + redacted(response.headers()));
      lines.add(id + "Method response body after transformations: "
          + (response.isStreamed() ? "[streamed, not logged]" : body(response.body())));
    }
    lines.add(id + "Method completed with status: " + response.status() + " in " + latencyNanos / 1_000_000
        + " ms");
    return lines;
  }

  /** Header values that grant access never reach a log: only their names do. */
  static String redacted(Headers headers) {
    StringBuilder text = new StringBuilder("{");
    headers.forEach((name, value) -> {
      if (text.length() > 1) {
        text.append(", ");
      }
      text.append(name).append('=')
          .append(SECRET_HEADERS.contains(name.toLowerCase(Locale.ROOT)) ? "****" : oneLine(value));
    });
    return text.append('}').toString();
  }

  private static String body(ByteBuffer body) {
    String text = StandardCharsets.UTF_8.decode(body.duplicate()).toString();
    return text.length() > BODY_CHARS ? oneLine(text.substring(0, BODY_CHARS)) + " [TRUNCATED]" : oneLine(text);
  }

  /** A value spans one line in a log: CR and LF are written escaped. */
  private static String oneLine(String value) {
    return value.replace("\r", "\\r").replace("\n", "\\n");
  }
}
