package dev.gatehouse.benchmarks.load;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * An open-loop load generator in this JVM: requests leave on a fixed {@link Schedule} over a fixed
 * set of keep-alive connections, and each latency runs from the request's intended send time to
 * the end of its answer, recorded in an HdrHistogram. When every connection is busy at a slot's
 * time, the slot leaves on the next connection to free up, late, and the lateness counts: free of
 * coordinated omission.
 *
 * <p>One thread drives every connection through one selector: a thread per connection would cost
 * the generator's core a context switch per request and cap the rate it can offer below what the
 * servers answer. Within {@value #SPIN_MICROS} µs of the next slot the thread polls rather than
 * sleeps, because a timed sleep overshoots by the kernel's timer slack (about 50 µs), which would be
 * added to every latency; the generator's core is busy throughout a run as a result.
 *
 * <p>Bounded: at most {@link Schedule#requests()} requests; none starts after the schedule's end
 * plus {@code grace} (the rest are reported unsent); an answer still missing {@code readTimeout}
 * after that counts as an error.
 */
public final class OpenLoopClient {
  /** Within this of the next slot the client polls instead of sleeping; the report quotes it. */
  static final long SPIN_MICROS = 1_200;
  /** Latencies above this are recorded as this; far above any answer a benchmark accepts. */
  private static final long HIGHEST_NANOS = TimeUnit.SECONDS.toNanos(60);
  /** Slot 0 is due this long after the connections are open. */
  private static final long START_DELAY_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

  private final Schedule schedule;
  private final Selector selector;
  private final ArrayDeque<NioConnection> idle = new ArrayDeque<>();
  private final Histogram latency = new Histogram(HIGHEST_NANOS, 3);
  private long completed;
  private long non2xx;
  private long errors;
  private int busy;
  private long lastAnswer;

  private OpenLoopClient(Schedule schedule, Selector selector) {
    this.schedule = schedule;
    this.selector = selector;
  }

  /**
   * What a run measured.
   *
   * @param scheduled the requests the schedule held
   * @param completed answers received, any status
   * @param non2xx answers whose status was not 2xx or 3xx
   * @param errors requests that failed on the connection (reset, timed out, malformed)
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
   * @param readTimeout how long past that the last answers may take before they count as errors
   * @throws IOException if a connection cannot be opened before the run starts
   */
  public static Result run(InetSocketAddress target, LoadRequest request, Schedule schedule, int connections,
      Duration grace, Duration readTimeout) throws IOException {
    if (connections < 1) {
      throw new IllegalArgumentException("connections: " + connections + " (expected: >= 1)");
    }
    byte[] bytes = request.toHttp11(target.getHostString() + ":" + target.getPort());
    List<NioConnection> pool = new ArrayList<>();
    try (Selector selector = Selector.open()) {
      OpenLoopClient client = new OpenLoopClient(schedule, selector);
      for (int i = 0; i < connections; i++) {
        NioConnection connection = new NioConnection(target, selector, bytes, request.method());
        pool.add(connection);
        connection.open();
        client.idle.add(connection);
      }
      return client.drive(grace, readTimeout);
    } finally {
      pool.forEach(NioConnection::close);
    }
  }

  private Result drive(Duration grace, Duration readTimeout) throws IOException {
    long total = schedule.requests();
    long start = System.nanoTime() + START_DELAY_NANOS;
    long deadline = start + schedule.lastOffsetNanos() + grace.toNanos();
    long hardStop = deadline + readTimeout.toNanos();
    lastAnswer = start;
    long next = 0;
    while (true) {
      long now = System.nanoTime();
      boolean sending = next < total && now - deadline <= 0;
      while (sending && !idle.isEmpty() && start + schedule.offsetNanos(next) - now <= 0) {
        send(idle.poll(), start + schedule.offsetNanos(next), hardStop);
        next++;
        sending = next < total;
      }
      if (!sending && busy == 0) {
        break;
      }
      if (now - hardStop > 0) {
        errors += busy;
        break;
      }
      long wait = sending && !idle.isEmpty() ? start + schedule.offsetNanos(next) - now : hardStop - now;
      long spin = TimeUnit.MICROSECONDS.toNanos(SPIN_MICROS);
      if (wait > spin) {
        selector.select(this::onReadable, Math.max(1, TimeUnit.NANOSECONDS.toMillis(wait - spin)));
      } else {
        selector.selectNow(this::onReadable);
      }
    }
    long unsent = total - completed - errors;
    return new Result(total, completed, non2xx, errors, unsent, Math.max(0, lastAnswer - start), latency);
  }

  private void send(NioConnection connection, long intended, long hardStop) {
    try {
      connection.send(intended, hardStop);
      busy++;
    } catch (IOException e) {
      // Counted, not thrown: one reset connection must not end the run.
      errors++;
      reopen(connection);
    }
  }

  private void onReadable(SelectionKey key) {
    NioConnection connection = (NioConnection) key.attachment();
    boolean wasInFlight = connection.inFlight();
    try {
      if (!connection.read()) {
        return;
      }
      long answered = System.nanoTime();
      latency.recordValue(Math.min(Math.max(0, answered - connection.intended()), HIGHEST_NANOS));
      completed++;
      busy--;
      lastAnswer = answered;
      if (connection.status() < 200 || connection.status() > 399) {
        non2xx++;
      }
      if (connection.closesConnection()) {
        reopen(connection);
      } else {
        idle.add(connection);
      }
    } catch (IOException e) {
      if (wasInFlight) {
        errors++;
        busy--;
      }
      idle.remove(connection);
      reopen(connection);
    }
  }

  /** Replaces a closed or failed connection; a server that refuses leaves the pool one smaller. */
  private void reopen(NioConnection connection) {
    try {
      connection.open();
      idle.add(connection);
    } catch (IOException e) {
      connection.close();
    }
  }
}
