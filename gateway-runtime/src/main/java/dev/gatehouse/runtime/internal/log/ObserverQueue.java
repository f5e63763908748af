package dev.gatehouse.runtime.internal.log;

import dev.gatehouse.log.AccessLogSink;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A gateway's one queue for its observers (access-log lines, reports to metrics sinks that may
 * block): request threads offer tasks to a bounded queue and never wait; one daemon thread, started
 * with the first task, runs them. A full queue drops the task and counts it; a task whose sink
 * throws is counted. Both are logged at most once a minute, so a broken sink cannot flood the
 * application's log either.
 */
public final class ObserverQueue implements AutoCloseable {
  /** Lines that may wait for a slow sink before new ones are dropped. */
  public static final int DEFAULT_CAPACITY = 8192;
  private static final Logger LOG = LoggerFactory.getLogger(ObserverQueue.class);
  private static final long WARN_EVERY_NANOS = TimeUnit.MINUTES.toNanos(1);
  private static final long DRAIN_MILLIS = 5_000;
  /** How long the thread sleeps between looks while lines keep coming. */
  private static final long BUSY_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
  /** Empty looks (about 100 ms) before the thread waits on the queue instead. */
  private static final int BUSY_POLLS = 100;

  /** One access-log line for one sink. */
  record Line(AccessLogSink sink, String api, String stage, String text) implements Runnable {
    @Override
    public void run() {
      sink.write(api, stage, text);
    }
  }

  private final BlockingQueue<Runnable> queue;
  private final LongAdder dropped = new LongAdder();
  private final LongAdder failed = new LongAdder();
  private final AtomicLong lastWarning = new AtomicLong(System.nanoTime() - WARN_EVERY_NANOS);
  private volatile boolean closed;
  private Thread thread;

  public ObserverQueue(int capacity) {
    this.queue = new ArrayBlockingQueue<>(capacity);
  }

  /** Queues a task; {@code false} (and counted) when the queue is full or the gateway closed. */
  public boolean offer(Runnable line) {
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

  /** Tasks dropped because the queue was full or the gateway closed. */
  public long dropped() {
    return dropped.sum();
  }

  /** Tasks whose sink threw. */
  public long failed() {
    return failed.sum();
  }

  private synchronized void start() {
    if (thread == null && !closed) {
      thread = new Thread(this::run, "gatehouse-observers");
      thread.setDaemon(true);
      thread.start();
    }
  }

  /**
   * Drains the queue in batches. While lines keep coming the thread looks every millisecond rather
   * than wait on the queue: a waiting thread is woken by every offer, and on a server whose cores
   * are busy that wake-up (a context switch per request) cost more than writing the line. After
   * {@value #BUSY_POLLS} empty looks it waits on the queue again, so an idle gateway costs nothing.
   */
  private void run() {
    int empty = 0;
    try {
      while (!closed || !queue.isEmpty()) {
        Runnable line = queue.poll();
        if (line != null) {
          write(line);
          empty = 0;
        } else if (empty < BUSY_POLLS) {
          empty++;
          LockSupport.parkNanos(BUSY_POLL_NANOS);
        } else {
          line = queue.poll(100, TimeUnit.MILLISECONDS);
          if (line != null) {
            write(line);
            empty = 0;
          }
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void write(Runnable line) {
    try {
      line.run();
    } catch (RuntimeException e) {
      failed.increment();
      warn(e);
    }
  }

  private void warn(RuntimeException failure) {
    long now = System.nanoTime();
    long last = lastWarning.get();
    if (now - last >= WARN_EVERY_NANOS && lastWarning.compareAndSet(last, now)) {
      LOG.warn("observers (access logs, metrics sinks): {} dropped (queue full), {} failed in their sink so far",
          dropped(), failed(), failure);
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
        LOG.warn("observers: the sinks did not take the last {} within {} ms; they are dropped",
            queue.size(), DRAIN_MILLIS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
