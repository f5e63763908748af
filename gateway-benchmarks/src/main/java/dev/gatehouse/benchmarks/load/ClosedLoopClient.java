package dev.gatehouse.benchmarks.load;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * The maximum-throughput generator where wrk is not installed: one thread per keep-alive
 * {@link RawHttpConnection}, each sending its next request as soon as the previous answer is in,
 * until the duration is over or {@code maxRequests} have been sent. It runs in the orchestrator's
 * JVM, on the generator's core. A Java client costs more per request than wrk, so on a fast server
 * it may saturate its own core first; the report names the generator used.
 */
final class ClosedLoopClient implements MaxLoadGenerator {
  private static final long HIGHEST_NANOS = TimeUnit.SECONDS.toNanos(60);

  private final long maxRequests;
  private final Duration readTimeout;

  ClosedLoopClient(long maxRequests, Duration readTimeout) {
    this.maxRequests = maxRequests;
    this.readTimeout = readTimeout;
  }

  @Override
  public String description() {
    return "in-JVM closed-loop client (wrk absent), one thread per connection";
  }

  @Override
  public Result run(InetSocketAddress target, LoadRequest request, Duration duration, int connections)
      throws IOException, InterruptedException {
    byte[] bytes = request.toHttp11(target.getHostString() + ":" + target.getPort());
    List<Loop> loops = new ArrayList<>();
    List<Thread> threads = new ArrayList<>();
    long perConnection = Math.max(1, maxRequests / connections);
    try {
      for (int i = 0; i < connections; i++) {
        RawHttpConnection connection = new RawHttpConnection(target, (int) readTimeout.toMillis());
        loops.add(new Loop(connection, bytes, request.method(), perConnection));
        connection.connect();
      }
      long start = System.nanoTime();
      long end = start + duration.toNanos();
      for (Loop loop : loops) {
        Thread thread = new Thread(() -> loop.run(end), "closed-loop-" + threads.size());
        thread.setDaemon(true);
        threads.add(thread);
        thread.start();
      }
      for (Thread thread : threads) {
        thread.join();
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      Histogram latency = new Histogram(HIGHEST_NANOS, 3);
      long completed = 0;
      long errors = 0;
      for (Loop loop : loops) {
        latency.add(loop.latency);
        completed += loop.completed;
        errors += loop.errors;
      }
      return new Result(completed, seconds, errors,
          latency.getValueAtPercentile(50) / 1e3, latency.getValueAtPercentile(99) / 1e3);
    } finally {
      loops.forEach(loop -> loop.connection.close());
    }
  }

  /** One connection's loop; its fields are read after {@link Thread#join}, which orders the accesses. */
  private static final class Loop {
    final RawHttpConnection connection;
    final byte[] bytes;
    final String method;
    final long max;
    final Histogram latency = new Histogram(HIGHEST_NANOS, 3);
    long completed;
    long errors;

    Loop(RawHttpConnection connection, byte[] bytes, String method, long max) {
      this.connection = connection;
      this.bytes = bytes;
      this.method = method;
      this.max = max;
    }

    void run(long end) {
      for (long sent = 0; sent < max && System.nanoTime() - end < 0; sent++) {
        long before = System.nanoTime();
        try {
          int status = connection.exchange(bytes, method);
          latency.recordValue(Math.min(System.nanoTime() - before, HIGHEST_NANOS));
          completed++;
          if (status < 200 || status > 399) {
            errors++;
          }
        } catch (IOException e) {
          // Counted; the connection reopens on the next request.
          errors++;
        }
      }
    }
  }
}
