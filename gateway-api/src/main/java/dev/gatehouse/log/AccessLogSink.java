package dev.gatehouse.log;

/**
 * Where a stage's access log lines go instead of SLF4J: a file, a log shipper, a test's list.
 *
 * <p>The gateway calls it on its one access-log writer thread, never on a request thread, one line
 * at a time in the order requests finished, so an implementation needs no locking of its own. It may
 * block: lines wait in a bounded queue meanwhile, and past that queue's capacity they are dropped
 * and counted rather than slowing requests. An exception it throws is counted and logged (at most
 * once a minute) and the next line is written as usual.
 *
 * <pre>{@code
 * List<String> lines = new CopyOnWriteArrayList<>();
 * AccessLogSink sink = (api, stage, line) -> lines.add(api + "/" + stage + " " + line);
 * }</pre>
 */
@FunctionalInterface
public interface AccessLogSink {
  /**
   * Writes one line.
   *
   * @param api the API's name
   * @param stage the stage's name
   * @param line the rendered line, without a line terminator; never contains CR or LF
   */
  void write(String api, String stage, String line);
}
