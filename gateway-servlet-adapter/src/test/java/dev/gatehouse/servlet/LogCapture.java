package dev.gatehouse.servlet;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Collects what one logger writes while open, and keeps it off the console. {@link System.Logger}
 * writes through java.util.logging unless the application installs another backend, as these tests
 * do not.
 */
final class LogCapture extends Handler implements AutoCloseable {
  private final Logger logger;
  private final boolean parentHandlers;
  private final Level level;
  private final List<LogRecord> records = new CopyOnWriteArrayList<>();

  private LogCapture(Logger logger) {
    this.logger = logger;
    this.parentHandlers = logger.getUseParentHandlers();
    this.level = logger.getLevel();
    logger.setUseParentHandlers(false);
    logger.setLevel(Level.ALL);
    logger.addHandler(this);
  }

  static LogCapture of(Class<?> loggerClass) {
    return new LogCapture(Logger.getLogger(loggerClass.getName()));
  }

  List<LogRecord> records() {
    return List.copyOf(records);
  }

  /** The records at {@code level} or above. */
  List<LogRecord> atLeast(Level minimum) {
    return records.stream().filter(r -> r.getLevel().intValue() >= minimum.intValue()).toList();
  }

  /** Waits, at most ten seconds, for a record with this message; whether one came. */
  boolean await(String message) throws InterruptedException {
    for (int i = 0; i < 200; i++) {
      if (records.stream().anyMatch(r -> message.equals(r.getMessage()))) {
        return true;
      }
      Thread.sleep(50);
    }
    return false;
  }

  @Override
  public void publish(LogRecord record) {
    records.add(record);
  }

  @Override
  public void flush() {}

  @Override
  public void close() {
    logger.removeHandler(this);
    logger.setLevel(level);
    logger.setUseParentHandlers(parentHandlers);
  }
}
