package dev.gatehouse.benchmarks.load;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;

/**
 * An open-loop load generator in this JVM: requests leave on a fixed {@link Schedule} over a fixed
 * set of keep-alive connections, and each latency runs from the request's intended send time to
 * the end of its answer, recorded in an HdrHistogram. A connection that is busy when its next slot
 * comes sends late, and that lateness counts: free of coordinated omission.
 *
 * <p>Each connection has its own thread, which takes the next unsent slot, sleeps until its
 * intended time and sends. Bounded: at most {@link Schedule#requests()} requests, and no request
 * starts after the schedule's end plus {@code grace}; slots left then are reported as unsent.
 */
public final class OpenLoopClient {
  /** Latencies above this are recorded as this; far above any answer a benchmark accepts. */
  private static final long HIGHEST_NANOS = TimeUnit.SECONDS.toNanos(60);
  /** Lets every thread reach its first sleep before slot 0 is due. */
  private static final long START_DELAY_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

  private OpenLoopClient() {}

  /**
   * What a run measured.
   *
   * @param scheduled the requests the schedule held
   * @param completed answers received, any status
   * @param non2xx answers whose status was not 2xx or 3xx
   * @param errors requests that failed on the connection (refused, reset, timed out, malformed)
   * @param unsent slots not sent before the deadline
   * @param elapsedNanos from the first intended send to the last answer
   * @param latency latencies in nanoseconds of the completed requests, from their intended time
   */
  public record Result(long scheduled, long completed, long non2xx, long errors, long unsent,
      long elapsedNanos, Histogram latency) {

    /** Answers per second over the run. */
    public double throughput() {
      return elapsedNanos > 0 ? completed * 1e9 / elapsedNanos : 0;
    }

    /** A latency percentile in microseconds, such as {@code percentileMicros(99)}. */
    public double percentileMicros(double percentile) {
      return latency.getTotalCount() == 0 ? Double.NaN : latency.getValueAtPercentile(percentile) / 1e3;
    }
  }

  /**
   * Runs {@code schedule} against {@code target} over {@code connections} connections.
   *
   * @param grace how long past the schedule's last slot requests may still start
   * @param readTimeout how long one answer may take before the request counts as an error
   * @throws IOException if a connection cannot be opened before the run starts
   */
  public static Result run(InetSocketAddress target, LoadRequest request, Schedule schedule, int connections,
      Duration grace, Duration readTimeout) throws IOException, InterruptedException {
    if (connections < 1) {
      throw new IllegalArgumentException("connections: " + connections + " (expected: >= 1)");
    }
    byte[] bytes = request.toHttp11(target.getHostString() + ":" + target.getPort());
    List<RawHttpConnection> pool = new ArrayList<>();
    try {
      for (int i = 0; i < connections; i++) {
        RawHttpConnection connection = new RawHttpConnection(target, (int) readTimeout.toMillis());
        pool.add(connection);
        connection.connect();
      }
      return drive(pool, bytes, schedule, grace);
    } finally {
      pool.forEach(RawHttpConnection::close);
    }
  }

  private static Result drive(List<RawHttpConnection> pool, byte[] bytes, Schedule schedule, Duration grace)
      throws InterruptedException {
    long total = schedule.requests();
    long start = System.nanoTime() + START_DELAY_NANOS;
    long deadline = start + schedule.lastOffsetNanos() + grace.toNanos();
    AtomicLong next = new AtomicLong();
    AtomicLong lastAnswer = new AtomicLong(start);
    List<Worker> workers = new ArrayList<>();
    CountDownLatch done = new CountDownLatch(pool.size());
    for (int i = 0; i < pool.size(); i++) {
      Worker worker = new Worker(pool.get(i), bytes, schedule, total, start, deadline, next, lastAnswer, done);
      workers.add(worker);
      Thread thread = new Thread(worker, "open-loop-" + i);
      thread.setDaemon(true);
      thread.start();
    }
    done.await();
    Histogram latency = new Histogram(HIGHEST_NANOS, 3);
    long completed = 0;
    long non2xx = 0;
    long errors = 0;
    for (Worker worker : workers) {
      latency.add(worker.latency);
      completed += worker.completed;
      non2xx += worker.non2xx;
      errors += worker.errors;
    }
    long unsent = total - completed - errors;
    return new Result(total, completed, non2xx, errors, unsent, Math.max(0, lastAnswer.get() - start), latency);
  }

  /** One connection's loop: take a slot, wait for its time, send, record. */
  private static final class Worker implements Runnable {
    private final RawHttpConnection connection;
    private final byte[] bytes;
    private final Schedule schedule;
    private final long total;
    private final long start;
    private final long deadline;
    private final AtomicLong next;
    private final AtomicLong lastAnswer;
    private final CountDownLatch done;
    /** Written by this worker only, read after {@code done}: the latch orders the accesses. */
    private final Histogram latency = new Histogram(HIGHEST_NANOS, 3);
    private long completed;
    private long non2xx;
    private long errors;

    Worker(RawHttpConnection connection, byte[] bytes, Schedule schedule, long total, long start, long deadline,
        AtomicLong next, AtomicLong lastAnswer, CountDownLatch done) {
      this.connection = connection;
      this.bytes = bytes;
      this.schedule = schedule;
      this.total = total;
      this.start = start;
      this.deadline = deadline;
      this.next = next;
      this.lastAnswer = lastAnswer;
      this.done = done;
    }

    @Override
    public void run() {
      try {
        for (long slot = next.getAndIncrement(); slot < total; slot = next.getAndIncrement()) {
          long intended = start + schedule.offsetNanos(slot);
          for (long wait = intended - System.nanoTime(); wait > 0; wait = intended - System.nanoTime()) {
            LockSupport.parkNanos(wait);
          }
          if (System.nanoTime() - deadline > 0) {
            return;
          }
          send(intended);
        }
      } finally {
        done.countDown();
      }
    }

    private void send(long intended) {
      try {
        int status = connection.exchange(bytes);
        long answered = System.nanoTime();
        latency.recordValue(Math.min(answered - intended, HIGHEST_NANOS));
        completed++;
        if (status < 200 || status > 399) {
          non2xx++;
        }
        lastAnswer.accumulateAndGet(answered, Math::max);
      } catch (IOException e) {
        // Counted, not thrown: one reset connection must not end the run; it reconnects next time.
        errors++;
      }
    }
  }
}
