package dev.gatehouse.log;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A stage's access log, as AWS's stage access log settings: one line per request in a format of
 * {@code $context} variables, written to the SLF4J logger {@code dev.gatehouse.access.{api}.{stage}}
 * at INFO, or to an {@link AccessLogSink}.
 *
 * <pre>{@code
 * api.stage("prod", stage -> stage.accessLog(log -> log
 *     .format(AccessLogFormats.JSON)));
 * api.stage("beta", stage -> stage.accessLog(log -> log
 *     .format("$context.requestId $context.status $context.responseLatency")
 *     .sink(sink)));
 * }</pre>
 *
 * <p>Lines are written by one daemon thread per gateway through a bounded queue, so neither a slow
 * logger nor a blocking sink delays a request; when the queue is full, lines are dropped and
 * counted. {@code gateway.close()} writes what is queued, then stops the thread.
 *
 * @param template the parsed format; see {@link AccessLogTemplate} for its syntax and escaping
 * @param sink where lines go, or {@code null} for the stage's SLF4J logger
 */
public record AccessLogSettings(AccessLogTemplate template, AccessLogSink sink) {
  public AccessLogSettings {
    Objects.requireNonNull(template, "template");
  }

  /** The prefix of the SLF4J logger of a stage without a sink: {@code dev.gatehouse.access.{api}.{stage}}. */
  public static final String LOGGER_PREFIX = "dev.gatehouse.access.";

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return new Builder().format(template.format()).sink(sink);
  }

  /** Collects a stage's access log settings; not thread-safe. */
  public static final class Builder {
    private String format;
    private AccessLogSink sink;

    Builder() {}

    /** The line's format: one of {@link AccessLogFormats} or {@code $context} variables and text. */
    public Builder format(String format) {
      this.format = format;
      return this;
    }

    /** Writes lines to {@code sink} instead of SLF4J; {@code null} for SLF4J. */
    public Builder sink(AccessLogSink sink) {
      this.sink = sink;
      return this;
    }

    /**
     * The settings, or {@code null} with the problems, each as {@code field: value (expected: rule)}.
     * Variables are checked against an API type by {@link AccessLogTemplate#problems}.
     */
    public AccessLogSettings build(List<String> problems) {
      List<String> found = new ArrayList<>();
      AccessLogTemplate template = AccessLogTemplate.parse(format, found);
      problems.addAll(found);
      return template == null ? null : new AccessLogSettings(template, sink);
    }
  }
}
