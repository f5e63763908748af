package dev.gatehouse.runtime.internal.log;

import dev.gatehouse.log.AccessLogSink;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A gateway's one access-log writer: request threads offer lines to a bounded queue and never
 * wait; one daemon thread, started with the first line, hands them to their sinks. A full queue
 * drops the line and counts it; a sink that throws is counted. Both are logged at most once a
 * minute, so a broken sink cannot flood the application's log either.
 */
public final class AccessLogWriter implements AutoCloseable {
  /** Lines that may wait for a slow sink before new ones are dropped. */
  public static final int DEFAULT_CAPACITY = 8192;
  private static final Logger LOG = LoggerFactory.getLogger(AccessLogWriter.class);
  private static final long WARN_EVERY_NANOS = TimeUnit.MINUTES.toNanos(1);
  private static final long DRAIN_MILLIS = 5_000;

  /** One line for one sink. */
  record Line(AccessLogSink sink, String api, String stage, String text) {}

  private final BlockingQueue<Line> queue;
  private final LongAdder dropped = new LongAdder();
  private final LongAdder failed = new LongAdder();
  private final AtomicLong lastWarning = new AtomicLong(System.nanoTime() - WARN_EVERY_NANOS);
  private volatile boolean closed;
  private Thread thread;

  public AccessLogWriter(int capacity) {
    this.queue = new ArrayBlockingQueue<>(capacity);
  }

  /** Queues a line; {@code false} (and counted) when the queue is full or the gateway closed. */
  boolean offer(Line line) {
    if (closed) {
      dropped.increment();
      return false;
    }
    start();
    if (queue.offer(line)) {
      return true;
    }
    dropped.increment();
    warn(null);
    return false;
  }

  /** Lines dropped because the queue was full or the gateway closed. */
  public long dropped() {
    return dropped.sum();
  }

  /** Lines whose sink threw. */
  public long failed() {
    return failed.sum();
  }

  private synchronized void start() {
    if (thread == null && !closed) {
      thread = new Thread(this::run, "gatehouse-access-log");
      thread.setDaemon(true);
      thread.start();
    }
  }

  private void run() {
    try {
      while (!closed || !queue.isEmpty()) {
        Line line = queue.poll(100, TimeUnit.MILLISECONDS);
        if (line != null) {
          write(line);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void write(Line line) {
    try {
      line.sink().write(line.api(), line.stage(), line.text());
    } catch (RuntimeException e) {
      failed.increment();
      warn(e);
    }
  }

  private void warn(RuntimeException failure) {
    long now = System.nanoTime();
    long last = lastWarning.get();
    if (now - last >= WARN_EVERY_NANOS && lastWarning.compareAndSet(last, now)) {
      LOG.warn("access log: {} lines dropped (queue full), {} failed in their sink so far", dropped(), failed(),
          failure);
    }
  }

  /** Writes what is queued (waiting at most 5 s for a slow sink), then stops the thread. */
  @Override
  public void close() {
    Thread running;
    synchronized (this) {
      closed = true;
      running = thread;
    }
    if (running == null) {
      return;
    }
    try {
      running.join(DRAIN_MILLIS);
      if (running.isAlive()) {
        running.interrupt();
        LOG.warn("access log: the sink did not take the last {} lines within {} ms; they are dropped",
            queue.size(), DRAIN_MILLIS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
