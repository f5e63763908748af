package dev.gatehouse.runtime.internal.integration;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The default home of blocking function handlers: virtual threads where the JVM has them (21+),
 * found reflectively because the code is compiled for 17; otherwise a bounded pool whose full queue
 * rejects, so that overload becomes a 429 instead of unbounded memory.
 */
public final class HandlerExecutors {
  /** Threads of the Java 17 pool; blocking handlers mostly wait on I/O, so more than the cores. */
  static final int POOL_THREADS = Math.max(16, 8 * Runtime.getRuntime().availableProcessors());
  /** Requests that may wait for a pool thread before the gateway answers 429. */
  static final int POOL_QUEUE = 10_000;

  private HandlerExecutors() {}

  public static ExecutorService createDefault() {
    ExecutorService virtual = virtualThreads();
    return virtual != null ? virtual : boundedPool();
  }

  private static ExecutorService virtualThreads() {
    try {
      return (ExecutorService) MethodHandles.publicLookup()
          .findStatic(Executors.class, "newVirtualThreadPerTaskExecutor", MethodType.methodType(ExecutorService.class))
          .invoke();
    } catch (NoSuchMethodException | IllegalAccessException e) {
      return null;
    } catch (Throwable t) {
      throw new IllegalStateException("virtual-thread executor failed to start", t);
    }
  }

  private static ExecutorService boundedPool() {
    AtomicInteger count = new AtomicInteger();
    ThreadFactory threads = runnable -> {
      Thread thread = new Thread(runnable, "gatehouse-handler-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
    ThreadPoolExecutor pool = new ThreadPoolExecutor(POOL_THREADS, POOL_THREADS, 60, TimeUnit.SECONDS,
        new LinkedBlockingQueue<>(POOL_QUEUE), threads, new ThreadPoolExecutor.AbortPolicy());
    pool.allowCoreThreadTimeOut(true);
    return pool;
  }
}
