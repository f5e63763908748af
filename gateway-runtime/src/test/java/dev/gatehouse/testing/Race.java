package dev.gatehouse.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Many callers released at once on a few threads, for tests of exactness under contention. */
public final class Race {
  private Race() {}

  /**
   * Runs {@code call} {@code callers} times on 16 threads, all released together, and counts the
   * calls that returned {@code true}. Bounded: each call must finish within 30 seconds.
   */
  public static int countTrue(int callers, Callable<Boolean> call) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(16);
    CountDownLatch go = new CountDownLatch(1);
    try {
      List<Future<Boolean>> results = new ArrayList<>();
      for (int i = 0; i < callers; i++) {
        results.add(pool.submit(() -> {
          go.await();
          return call.call();
        }));
      }
      go.countDown();
      int count = 0;
      for (Future<Boolean> result : results) {
        count += result.get(30, TimeUnit.SECONDS) ? 1 : 0;
      }
      return count;
    } finally {
      pool.shutdownNow();
    }
  }
}
