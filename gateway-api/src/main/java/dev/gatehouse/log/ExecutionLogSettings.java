package dev.gatehouse.log;

import java.util.List;
import java.util.Objects;

/**
 * A stage's execution log, as AWS's CloudWatch execution logging: what happened to each request,
 * at {@code ERROR} (failed requests only) or {@code INFO} (every request), and with
 * {@code dataTrace} the full request and response (headers and the first 1,024 characters of each
 * body), with the values of {@code Authorization}, {@code Proxy-Authorization}, {@code x-api-key},
 * {@code Cookie} and {@code Set-Cookie} redacted. Lines go to the SLF4J logger
 * {@code dev.gatehouse.execution.{api}.{stage}} or to a sink, off the request thread.
 *
 * <pre>{@code
 * api.stage("prod", stage -> stage.executionLog(log -> log
 *     .level(ExecutionLogSettings.Level.INFO)
 *     .dataTrace()));
 * }</pre>
 *
 * @param level which requests are logged
 * @param dataTrace whether full requests and responses are logged (INFO only, as AWS)
 * @param sink where lines go, or {@code null} for the stage's SLF4J logger
 */
public record ExecutionLogSettings(Level level, boolean dataTrace, Sink sink) {
  /** The prefix of a stage's SLF4J logger: {@code dev.gatehouse.execution.{api}.{stage}}. */
  public static final String LOGGER_PREFIX = "dev.gatehouse.execution.";

  public ExecutionLogSettings {
    Objects.requireNonNull(level, "level");
  }

  /** AWS's execution log levels. */
  public enum Level {
    OFF,
    /** Requests answered with 5XX, or whose integration failed. */
    ERROR,
    /** Every request. */
    INFO
  }

  /** Where a stage's execution log lines go instead of SLF4J; called on the observer thread. */
  @FunctionalInterface
  public interface Sink {
    void write(String api, String stage, Level level, String line);
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    Builder builder = new Builder().level(level).sink(sink);
    builder.dataTrace = dataTrace;
    return builder;
  }

  /** Collects a stage's execution log settings; not thread-safe. */
  public static final class Builder {
    private Level level = Level.ERROR;
    private boolean dataTrace;
    private Sink sink;

    Builder() {}

    public Builder level(Level level) {
      this.level = level;
      return this;
    }

    /** Logs full requests and responses (redacted), as AWS's data tracing; needs level INFO. */
    public Builder dataTrace() {
      this.dataTrace = true;
      return this;
    }

    public Builder sink(Sink sink) {
      this.sink = sink;
      return this;
    }

    /** The settings, or {@code null} with the problems, each as {@code field: value (expected: rule)}. */
    public ExecutionLogSettings build(List<String> problems) {
      if (level == null) {
        problems.add("level: null (expected: OFF, ERROR or INFO)");
        return null;
      }
      if (dataTrace && level != Level.INFO) {
        problems.add("dataTrace: true (expected: with level INFO, as AWS logs full requests only there; level is "
            + level + ")");
        return null;
      }
      return new ExecutionLogSettings(level, dataTrace, sink);
    }
  }
}
