package dev.gatehouse.testing;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A streamed body for adapter tests: emits {@code body} in read-only chunks from a thread of its
 * own, one chunk per unit of demand, as a backend's I/O thread would. It can stop and fail after a
 * number of bytes, or wait after a number of bytes until the test lets it go on (bounded: 10 s). It
 * records whether it was cancelled and the most chunks it was ever asked for ahead of emitting them.
 */
public final class ChunkPublisher implements Flow.Publisher<ByteBuffer>, AutoCloseable {
  private final byte[] body;
  private final int chunkSize;
  private final ThreadPoolExecutor thread = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
      new LinkedBlockingQueue<>(), r -> {
        Thread t = new Thread(r, "chunk-publisher");
        t.setDaemon(true);
        return t;
      });
  private final AtomicBoolean subscribed = new AtomicBoolean();
  private final AtomicLong demand = new AtomicLong();
  private final AtomicLong maxDemand = new AtomicLong();
  private final CountDownLatch cancelled = new CountDownLatch(1);
  private final CountDownLatch paused = new CountDownLatch(1);
  private volatile long failAfter = -1;
  private volatile long pauseAfter = -1;
  private volatile CountDownLatch resume;
  private int position;
  private boolean ended;

  public ChunkPublisher(byte[] body, int chunkSize) {
    this.body = body;
    this.chunkSize = chunkSize;
    // started here, by the test: a thread a servlet container saw start in a request looks leaked
    thread.prestartAllCoreThreads();
  }

  /** Fails with an {@link IOException} once {@code bytes} have been emitted, instead of completing. */
  public ChunkPublisher failAfter(long bytes) {
    this.failAfter = bytes;
    return this;
  }

  /** Waits once {@code bytes} have been emitted until {@code resume} opens (10 s at most). */
  public ChunkPublisher pauseAfter(long bytes, CountDownLatch resume) {
    this.pauseAfter = bytes;
    this.resume = resume;
    return this;
  }

  /** Whether the subscriber cancelled within {@code seconds}. */
  public boolean awaitCancel(long seconds) throws InterruptedException {
    return cancelled.await(seconds, TimeUnit.SECONDS);
  }

  /** Whether the publisher reached its pause within {@code seconds}. */
  public boolean awaitPause(long seconds) throws InterruptedException {
    return paused.await(seconds, TimeUnit.SECONDS);
  }

  /** The most chunks requested and not yet emitted at any moment. */
  public long maxDemand() {
    return maxDemand.get();
  }

  @Override
  public void subscribe(Flow.Subscriber<? super ByteBuffer> subscriber) {
    if (!subscribed.compareAndSet(false, true)) {
      subscriber.onSubscribe(new Flow.Subscription() {
        @Override
        public void request(long n) {}

        @Override
        public void cancel() {}
      });
      subscriber.onError(new IllegalStateException("subscribed twice"));
      return;
    }
    subscriber.onSubscribe(new Flow.Subscription() {
      @Override
      public void request(long n) {
        maxDemand.accumulateAndGet(demand.addAndGet(n), Math::max);
        thread.execute(() -> emit(subscriber));
      }

      @Override
      public void cancel() {
        cancelled.countDown();
        thread.execute(() -> ended = true);
      }
    });
  }

  private void emit(Flow.Subscriber<? super ByteBuffer> subscriber) {
    while (!ended && cancelled.getCount() > 0) {
      if (position == pauseAfter && demand.get() > 0) {
        paused.countDown();
        pauseAfter = -1;
        try {
          resume.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
      if (position == failAfter) {
        ended = true;
        subscriber.onError(new IOException("the source died after " + position + " bytes"));
        return;
      }
      if (position == body.length) {
        ended = true;
        subscriber.onComplete();
        return;
      }
      if (demand.get() == 0) {
        return;
      }
      int n = Math.min(chunkSize, body.length - position);
      if (failAfter > position) {
        n = (int) Math.min(n, failAfter - position);
      }
      if (pauseAfter > position) {
        n = (int) Math.min(n, pauseAfter - position);
      }
      ByteBuffer chunk = ByteBuffer.wrap(body, position, n).slice().asReadOnlyBuffer();
      position += n;
      demand.decrementAndGet();
      subscriber.onNext(chunk);
    }
  }

  @Override
  public void close() {
    thread.shutdownNow();
  }
}
