package dev.gatehouse.runtime.internal.integration;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Integration timeouts: {@link CompletableFuture#orTimeout} on a timer that is not woken by every
 * request. The JDK's timer thread sleeps until its earliest deadline, so each new deadline that
 * becomes the earliest wakes it to sleep again; with one request at a time that is every request,
 * a context switch each. Here a no-op tick keeps a deadline at most a second away, so a request's
 * deadline (29 s by default) joins the queue silently; a shorter one still wakes the timer, as it
 * must. Cancelled deadlines leave the queue at once. One daemon thread for the JVM, as the JDK's.
 */
public final class Timeouts {
  private static final ScheduledThreadPoolExecutor TIMER = start();

  private Timeouts() {}

  private static ScheduledThreadPoolExecutor start() {
    ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, runnable -> {
      Thread thread = new Thread(runnable, "gatehouse-timeouts");
      thread.setDaemon(true);
      return thread;
    });
    timer.setRemoveOnCancelPolicy(true);
    timer.scheduleAtFixedRate(() -> { }, 1, 1, TimeUnit.SECONDS);
    return timer;
  }

  /** Runs {@code task} once, after {@code nanos}, on the timer thread; it must not block. */
  public static ScheduledFuture<?> schedule(Runnable task, long nanos) {
    return TIMER.schedule(task, nanos, TimeUnit.NANOSECONDS);
  }

  /**
   * Completes {@code future} with a {@link TimeoutException} unless it completes within
   * {@code nanos}, as {@code orTimeout} does; returns it.
   */
  public static <T> CompletableFuture<T> within(CompletableFuture<T> future, long nanos) {
    if (future.isDone()) {
      return future;
    }
    ScheduledFuture<?> deadline =
        TIMER.schedule(() -> future.completeExceptionally(new TimeoutException()), nanos, TimeUnit.NANOSECONDS);
    future.whenComplete((value, error) -> deadline.cancel(false));
    return future;
  }
}
