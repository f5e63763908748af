package dev.gatehouse.runtime.internal.http;

import dev.gatehouse.runtime.internal.integration.Timeouts;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Flow;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A backend's answer body passed on as it arrives, for one subscriber (the adapter writing the
 * client's response). It is the JDK client's body subscriber and, to the gateway, the publisher of
 * a streamed {@link dev.gatehouse.GatewayResponse}: the client's lists of buffers go out one buffer
 * at a time, never copied, and the client is asked for more only when the subscriber has asked for
 * more than is at hand, so a slow client slows the backend down instead of filling memory.
 *
 * <p>Limits. Past {@code limit} bytes the backend is cancelled and the subscriber gets an error,
 * which makes the adapter abort the response, never end it short. A stream that makes no progress
 * for {@code idleNanos} (no bytes from the backend and no demand from the subscriber, or no
 * subscriber at all) fails the same way; so a stalled backend, a stuck client or a response
 * nobody sends holds the backend connection for that long at most, and no thread meanwhile.
 *
 * <p>Every signal (the client's, the subscriber's, the timer's) only records what happened and
 * runs {@link #drain}, which acts on whichever thread gets there, one at a time: the subscriber's
 * signals and the calls on the client's subscription are serial, as Reactive Streams requires.
 */
final class BodyStream implements HttpResponse.BodySubscriber<Object>, Flow.Publisher<ByteBuffer> {
  private static final Logger LOG = LoggerFactory.getLogger(BodyStream.class);

  private final long declared;
  private final long limit;
  private final long idleNanos;
  private final Queue<ByteBuffer> buffers = new ConcurrentLinkedQueue<>();
  private final AtomicInteger pending = new AtomicInteger();
  private final AtomicLong demand = new AtomicLong();
  private final AtomicBoolean taken = new AtomicBoolean();
  private volatile Flow.Subscription backend;
  private volatile Flow.Subscriber<? super ByteBuffer> subscriber;
  private volatile boolean backendAsked;
  private volatile boolean backendDone;
  private volatile Throwable failure;
  private volatile boolean cancelled;
  private volatile long lastProgress = System.nanoTime();
  private volatile String where = "backend body";
  // written by onNext only (the client's signals are serial), read for log lines
  private volatile long received;
  // written by the drain only
  private boolean introduced;
  private volatile boolean over;
  private volatile ScheduledFuture<?> idleCheck;
  // written by the drain only: the backend was let go before any subscriber came
  private boolean upstreamClosed;

  /**
   * @param declared the backend's Content-Length, or -1 when it sent none (chunked, or until close)
   * @param limit the payload limit: the most bytes passed on
   * @param idleNanos how long the stream may go without progress
   */
  BodyStream(long declared, long limit, long idleNanos) {
    this.declared = declared;
    this.limit = limit;
    this.idleNanos = idleNanos;
  }

  /** The Content-Length the backend declared, or -1. */
  long declared() {
    return declared;
  }

  /** Names the stream in log lines, such as the route and request it answers. */
  void describe(String where) {
    this.where = where;
  }

  /** Lets the backend go: for a stream that will not be sent; nothing once it has a subscriber. */
  void release() {
    if (taken.compareAndSet(false, true)) {
      cancelled = true;
      drain();
    }
  }

  @Override
  public CompletionStage<Object> getBody() {
    // the response is complete once its head is here: the body follows through this publisher
    return CompletableFuture.completedStage(this);
  }

  @Override
  public void onSubscribe(Flow.Subscription subscription) {
    backend = subscription;
    drain();
  }

  @Override
  public void onNext(List<ByteBuffer> items) {
    for (ByteBuffer item : items) {
      received += item.remaining();
      if (item.hasRemaining()) {
        buffers.add(item);
      }
    }
    lastProgress = System.nanoTime();
    if (received > limit && failure == null) {
      failure = new BackendFailure("backend answer passed the payload limit of " + limit + " bytes", null);
    }
    backendAsked = false;
    drain();
  }

  @Override
  public void onError(Throwable error) {
    if (failure == null) {
      failure = error;
    }
    backendDone = true;
    drain();
  }

  @Override
  public void onComplete() {
    backendDone = true;
    drain();
  }

  @Override
  public void subscribe(Flow.Subscriber<? super ByteBuffer> downstream) {
    if (!taken.compareAndSet(false, true)) {
      downstream.onSubscribe(new Flow.Subscription() {
        @Override
        public void request(long n) {}

        @Override
        public void cancel() {}
      });
      downstream.onError(new IllegalStateException("a backend body streams once (expected: one subscriber)"));
      return;
    }
    lastProgress = System.nanoTime();
    subscriber = downstream;
    drain();
  }

  private final Flow.Subscription forSubscriber = new Flow.Subscription() {
    @Override
    public void request(long n) {
      if (n <= 0) {
        failure = new IllegalArgumentException("request(" + n + ") (expected: > 0, Reactive Streams rule 3.9)");
      } else {
        demand.accumulateAndGet(n, (a, b) -> a + b < 0 ? Long.MAX_VALUE : a + b);
        lastProgress = System.nanoTime();
      }
      drain();
    }

    @Override
    public void cancel() {
      cancelled = true;
      drain();
    }
  };

  private void drain() {
    if (pending.getAndIncrement() != 0) {
      return;
    }
    int missed = 1;
    while (true) {
      if (!over) {
        try {
          step();
        } catch (RuntimeException | Error e) {
          // a signal that threw (the client library's demand, a subscriber) must not wedge the
          // drain: the stream fails, and the next pass tells the subscriber and lets the backend go
          if (failure == null) {
            failure = e;
          }
          pending.incrementAndGet();
        }
      }
      missed = pending.addAndGet(-missed);
      if (missed == 0) {
        return;
      }
    }
  }

  private void step() {
    Flow.Subscription up = backend;
    if (up == null) {
      return;
    }
    if (idleCheck == null) {
      idleCheck = Timeouts.schedule(this::checkIdle, idleNanos);
    }
    if (cancelled) {
      LOG.debug("{}: the client's response ended early, the backend is let go after {} bytes", where, received);
      end(up);
      return;
    }
    Flow.Subscriber<? super ByteBuffer> down = subscriber;
    if (down == null) {
      if (failure != null && !upstreamClosed) {
        // nobody reads this body yet: a stream nobody sends, timed out, or a backend that failed
        // first (a client that reads ahead, as Jetty's, can pass the limit before a subscriber
        // comes). Let the backend go now; a subscriber that still comes gets the failure.
        LOG.debug("{}: unsent backend body let go: {}", where, failure.getMessage());
        upstreamClosed = true;
        buffers.clear();
        stopIdleCheck();
        up.cancel();
      }
      return;
    }
    if (!introduced) {
      introduced = true;
      down.onSubscribe(forSubscriber);
    }
    Throwable error = failure;
    if (error != null) {
      LOG.warn("{}: backend body failed after {} bytes, aborting the client's response: {}", where, received,
          error.getMessage() != null ? error.getMessage() : error.toString());
      end(up);
      down.onError(error);
      return;
    }
    while (demand.get() > 0 && !cancelled) {
      ByteBuffer next = buffers.poll();
      if (next == null) {
        break;
      }
      demand.decrementAndGet();
      down.onNext(next);
    }
    if (!buffers.isEmpty() || cancelled) {
      return;
    }
    if (backendDone) {
      over = true;
      stopIdleCheck();
      down.onComplete();
    } else if (demand.get() > 0 && !backendAsked) {
      backendAsked = true;
      up.request(1);
    }
  }

  /** Stops the backend (a no-op once it is done) and the idle check; nothing more is signalled. */
  private void end(Flow.Subscription up) {
    over = true;
    buffers.clear();
    stopIdleCheck();
    up.cancel();
  }

  private void stopIdleCheck() {
    if (idleCheck != null) {
      idleCheck.cancel(false);
    }
  }

  /** On the timer: fails the stream if it made no progress for the idle time, or checks again later. */
  private void checkIdle() {
    if (over) {
      return;
    }
    long idle = System.nanoTime() - lastProgress;
    if (idle < idleNanos) {
      idleCheck = Timeouts.schedule(this::checkIdle, idleNanos - idle);
      return;
    }
    if (failure == null) {
      failure = new BackendFailure("backend body made no progress for " + TimeUnit.NANOSECONDS.toMillis(idleNanos)
          + " ms (the route's timeout)", null);
    }
    drain();
  }
}
