/**
 * Access logs: a stage's line per request in AWS's {@code $context} format.
 *
 * <p>Starting points: {@link dev.gatehouse.log.AccessLogSettings} (turned on with
 * {@code stage.accessLog(...)}); {@link dev.gatehouse.log.AccessLogFormats} for AWS's CLF, JSON,
 * XML and CSV formats; {@link dev.gatehouse.log.AccessLogTemplate} for the syntax and the escaping;
 * {@link dev.gatehouse.log.AccessLogVariables} for the variables of each API type;
 * {@link dev.gatehouse.log.AccessLogSink} to write lines somewhere other than SLF4J.
 */
package dev.gatehouse.log;
