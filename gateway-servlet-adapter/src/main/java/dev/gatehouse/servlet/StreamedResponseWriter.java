package dev.gatehouse.servlet;

import dev.gatehouse.GatewayResponse;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Writes a streamed body without blocking, as it arrives: subscribes once the container first
 * reports the output writable, asks for one buffer at a time, and asks for the next only when the
 * container says the last write is done ({@link ServletOutputStream#isReady()}), so that a slow
 * client slows the source down instead of filling memory.
 *
 * <p>Status and header fields are flushed first, before the body is subscribed to.
 *
 * <p>Callbacks come from the container ({@link #listener()}: write possible, write failed), from
 * the exchange (the client left) and from the publisher's thread (a buffer, the end); each only
 * records what happened and runs {@link #drain}, which does the work on whichever thread gets
 * there, one at a time: the output stream and the subscription are never used by two threads at
 * once. Bytes that arrived are flushed whenever the publisher has no more at hand, so the client
 * sees them before the body is complete.
 *
 * <p>The body ends one of three ways. Complete: the exchange completes, which ends a chunked body.
 * The publisher fails, or a body of declared length runs long or ends short: the exchange is
 * {@linkplain AsyncExchange#abort aborted}, which makes the container close the connection without
 * ending the body. The client goes away: the subscription is cancelled and the exchange completed.
 */
final class StreamedResponseWriter implements Flow.Subscriber<ByteBuffer> {
  private static final int CHUNK_BYTES = 16 * 1024;

  private final ServletOutputStream out;
  private final GatewayResponse answer;
  private final long declared;
  private final AsyncExchange exchange;
  private final AtomicInteger pending = new AtomicInteger();
  // written by the callbacks, read by the drain
  private volatile Flow.Subscription subscription;
  private volatile ByteBuffer next;
  private volatile Throwable failure;
  private volatile boolean sourceDone;
  private volatile Throwable clientGone;
  // only touched by the drain
  private boolean committed;
  private boolean subscribed;
  private boolean requested;
  private boolean unflushed;
  private boolean finished;
  private boolean cancelled;
  private long written;
  private byte[] chunk;

  /** Writes {@code answer}'s streamed body, whose length (if known) is already set on the response. */
  StreamedResponseWriter(ServletOutputStream out, GatewayResponse answer, AsyncExchange exchange) {
    this.out = out;
    this.answer = answer;
    this.declared = answer.contentLength();
    this.exchange = exchange;
  }

  /** What the container calls; its {@code onError} and Flow's share a signature, hence two objects. */
  WriteListener listener() {
    return new WriteListener() {
      @Override
      public void onWritePossible() {
        drain();
      }

      @Override
      public void onError(Throwable error) {
        clientGone(error);
      }
    };
  }

  /** The client went away or the container gave up on the exchange. */
  void clientGone(Throwable error) {
    clientGone = error;
    drain();
  }

  @Override
  public void onSubscribe(Flow.Subscription subscription) {
    this.subscription = subscription;
    drain();
  }

  @Override
  public void onNext(ByteBuffer buffer) {
    if (next != null) {
      // more than was asked for: the body can no longer be trusted
      failure = new IllegalStateException("the body's publisher emitted more buffers than requested");
    } else {
      next = buffer;
    }
    drain();
  }

  @Override
  public void onError(Throwable error) {
    failure = error;
    drain();
  }

  @Override
  public void onComplete() {
    sourceDone = true;
    drain();
  }

  private void drain() {
    if (pending.getAndIncrement() != 0) {
      return;
    }
    int missed = 1;
    while (true) {
      try {
        step();
      } catch (IOException | RuntimeException e) {
        // the container refuses the output: the client is gone or the exchange is over
        clientGone = e;
      }
      settle();
      missed = pending.addAndGet(-missed);
      if (missed == 0) {
        return;
      }
    }
  }

  private void step() throws IOException {
    while (!finished && clientGone == null) {
      // a false here promises an onWritePossible once the last write is done
      if (!out.isReady()) {
        return;
      }
      if (!committed) {
        // status and header fields go out now: the client learns of the answer at once, and a body
        // that fails later always fails on a committed response, which the container can only
        // abort (uncommitted, it would answer with an error page of its own instead)
        committed = true;
        out.flush();
        continue;
      }
      if (!subscribed) {
        subscribed = true;
        answer.bodyPublisher().subscribe(this);
      }
      if (subscription == null) {
        return;
      }
      ByteBuffer buffer = next;
      if (buffer != null) {
        write(buffer);
      } else if (failure != null) {
        abort("the body's publisher failed", failure);
      } else if (sourceDone) {
        complete();
      } else if (!requested) {
        requested = true;
        subscription.request(1);
      } else if (unflushed) {
        unflushed = false;
        out.flush();
      } else {
        return;
      }
    }
  }

  /** Once the body is over, one way or another: the exchange ends and the source stops. */
  private void settle() {
    if (!finished && clientGone != null) {
      finished = true;
      exchange.writeFailed(clientGone);
    }
    if (!finished) {
      return;
    }
    Flow.Subscription s = subscription;
    if (!cancelled && s != null) {
      cancelled = true;
      s.cancel();
    } else if (!subscribed) {
      subscribed = true;
      answer.releaseBody();
    }
  }

  /** Writes what fits of {@code buffer}; asks for the next buffer once it is all written. */
  private void write(ByteBuffer buffer) throws IOException {
    if (declared >= 0 && written + buffer.remaining() > declared) {
      abort("the body runs past its declared length of " + declared + " bytes", null);
      return;
    }
    int n;
    if (buffer.hasArray()) {
      // the buffer is ours now: the container may keep the array until isReady() says it is done
      n = buffer.remaining();
      out.write(buffer.array(), buffer.arrayOffset() + buffer.position(), n);
      buffer.position(buffer.limit());
    } else {
      // read-only (as the JDK client hands them out): one copy, through a chunk that is reused only
      // once isReady() has said the container is done with it
      if (chunk == null) {
        chunk = new byte[CHUNK_BYTES];
      }
      n = Math.min(chunk.length, buffer.remaining());
      buffer.get(chunk, 0, n);
      out.write(chunk, 0, n);
    }
    written += n;
    unflushed = true;
    if (!buffer.hasRemaining()) {
      next = null;
      requested = false;
    }
  }

  private void complete() {
    if (declared >= 0 && written != declared) {
      abort("the body ended after " + written + " of its declared " + declared + " bytes", null);
      return;
    }
    finished = true;
    exchange.complete();
  }

  private void abort(String why, Throwable error) {
    finished = true;
    exchange.abort(why + ", after " + written + " bytes", error);
  }
}
