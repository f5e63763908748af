package dev.gatehouse.jdkserver;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a streamed body to an exchange whose head is already sent, as the bytes arrive. The JDK
 * server offers only a blocking stream, and the publisher's signals may come on an I/O thread that
 * must not wait on a client, so every signal is queued and the queue is drained on the server's
 * executor, one drain at a time, in order. A few buffers are requested ahead and one more after each
 * write has returned, so at most {@link #WINDOW} buffers wait here for a slow client.
 *
 * <p>The body ends one of three ways. Complete: the exchange is closed, which ends a chunked body
 * with its last chunk. The publisher fails, or a body of declared length runs long or ends short:
 * the connection is closed without ending the body, so the client sees a broken response, never a
 * short one that looks whole. The client goes away (a write fails): the subscription is cancelled.
 */
final class StreamedBodyWriter implements Flow.Subscriber<ByteBuffer> {
  private static final Logger log = LoggerFactory.getLogger(StreamedBodyWriter.class);
  static final int WINDOW = 8;
  private static final int COPY_CHUNK = 16 * 1024;
  private static final Object SUBSCRIBED = new Object();
  private static final Object COMPLETE = new Object();

  private final HttpExchange exchange;
  private final OutputStream out;
  private final Executor executor;
  private final long declared;
  private final Queue<Object> signals = new ConcurrentLinkedQueue<>();
  private final AtomicInteger pending = new AtomicInteger();
  private volatile Flow.Subscription subscription;
  // only touched by the drain, which runs one at a time
  private long written;
  private boolean done;
  private byte[] chunk;

  /** The publisher failed: carried through the queue so that it ends the body in order. */
  private record Failure(Throwable error) {}

  private StreamedBodyWriter(HttpExchange exchange, Executor executor, long declared) {
    this.exchange = exchange;
    this.out = exchange.getResponseBody();
    this.executor = executor;
    this.declared = declared;
  }

  /**
   * Subscribes to {@code body} and writes it to {@code exchange}, whose head was sent with
   * {@code declared} as its length (-1: chunked), on {@code executor}; the writer closes the
   * exchange when the body ends.
   *
   * @param executor the server's executor, or {@code null} when it has none: then a small pool of
   *     the adapter's own writes, as no thread the gateway knows of may block on a client
   */
  static void start(HttpExchange exchange, Flow.Publisher<ByteBuffer> body, long declared, Executor executor) {
    StreamedBodyWriter writer = new StreamedBodyWriter(exchange, executor != null ? executor : OwnThreads.POOL, declared);
    try {
      body.subscribe(writer);
    } catch (RuntimeException e) {
      // a publisher may not throw here (Reactive Streams rule 1.9); one that does has failed the body
      writer.onError(e);
    }
  }

  @Override
  public void onSubscribe(Flow.Subscription subscription) {
    this.subscription = subscription;
    signal(SUBSCRIBED);
  }

  @Override
  public void onNext(ByteBuffer buffer) {
    signal(buffer);
  }

  @Override
  public void onError(Throwable error) {
    signal(new Failure(error));
  }

  @Override
  public void onComplete() {
    signal(COMPLETE);
  }

  private void signal(Object signal) {
    signals.add(signal);
    if (pending.getAndIncrement() == 0) {
      try {
        executor.execute(this::drain);
      } catch (RejectedExecutionException e) {
        // the server is stopping: writing here beats leaving the exchange open
        drain();
      }
    }
  }

  private void drain() {
    int missed = 1;
    while (true) {
      boolean wrote = false;
      Object signal;
      while ((signal = signals.poll()) != null) {
        if (done) {
          continue;
        }
        if (signal == SUBSCRIBED) {
          subscription.request(WINDOW);
        } else if (signal instanceof ByteBuffer buffer) {
          wrote |= write(buffer);
        } else if (signal == COMPLETE) {
          complete();
        } else {
          abort("the body's publisher failed", ((Failure) signal).error());
        }
      }
      if (wrote && !done) {
        flush();
      }
      missed = pending.addAndGet(-missed);
      if (missed == 0) {
        return;
      }
    }
  }

  /** Writes one buffer and asks for the next; whether bytes went out. */
  private boolean write(ByteBuffer buffer) {
    int length = buffer.remaining();
    if (declared >= 0 && written + length > declared) {
      abort("the body runs past its declared length of " + declared + " bytes", null);
      return false;
    }
    try {
      if (buffer.hasArray()) {
        out.write(buffer.array(), buffer.arrayOffset() + buffer.position(), length);
      } else {
        // the JDK client hands out read-only buffers: one copy, through a chunk reused for each
        if (chunk == null) {
          chunk = new byte[COPY_CHUNK];
        }
        while (buffer.hasRemaining()) {
          int n = Math.min(chunk.length, buffer.remaining());
          buffer.get(chunk, 0, n);
          out.write(chunk, 0, n);
        }
      }
    } catch (IOException e) {
      clientGone(e);
      return false;
    }
    written += length;
    subscription.request(1);
    return length > 0;
  }

  /** Sends what the stream holds, so that the client gets the bytes that arrived so far. */
  private void flush() {
    try {
      out.flush();
    } catch (IOException e) {
      clientGone(e);
    }
  }

  private void complete() {
    if (declared >= 0 && written != declared) {
      abort("the body ended after " + written + " of its declared " + declared + " bytes", null);
      return;
    }
    done = true;
    try {
      out.flush();
    } catch (IOException e) {
      log.debug("Client went away before the body of {} was written", ResponseWriter.describe(exchange), e);
    } finally {
      // ends a chunked body with its last chunk
      exchange.close();
    }
  }

  private void clientGone(IOException e) {
    log.debug("Client went away while the body of {} was streamed", ResponseWriter.describe(exchange), e);
    done = true;
    subscription.cancel();
    exchange.close();
  }

  private void abort(String why, Throwable error) {
    // the publisher logs its own failures; this line ties them to the client's request
    log.info("Aborting the response to {} after {} bytes: {}{}", ResponseWriter.describe(exchange), written, why,
        error == null ? "" : " (" + error + ")");
    done = true;
    if (subscription != null) {
      subscription.cancel();
    }
    if (declared >= 0) {
      // fewer bytes than the Content-Length: closing the exchange closes the connection (had they
      // all gone out, the client would hold the whole declared body, which is all HTTP can say)
      exchange.close();
    } else if (closeConnection()) {
      exchange.close();
    } else {
      // closing the exchange now would end the body with its last chunk: leave the connection to
      // the server's maxRspTime rather than send a short body that looks whole
      log.warn("Cannot close the connection of {}; it stays open until sun.net.httpserver.maxRspTime",
          ResponseWriter.describe(exchange));
    }
  }

  /**
   * Closes the connection under a chunked body without its last chunk. The JDK server offers no call
   * for that, but it writes with a blocking socket channel, which an I/O operation started by an
   * interrupted thread closes ({@link java.nio.channels.InterruptibleChannel}). Whether the channel
   * is closed: a write that went through means it was not.
   */
  private boolean closeConnection() {
    Thread.currentThread().interrupt();
    try {
      out.write(0);
      out.flush();
      return false;
    } catch (IOException expected) {
      return true;
    } finally {
      // the thread belongs to the server's pool: leave it as it was
      Thread.interrupted();
    }
  }

  /** Writes for servers without an executor: daemon threads, made as needed, kept a minute. */
  private static final class OwnThreads {
    static final ExecutorService POOL = Executors.newCachedThreadPool(runnable -> {
      Thread thread = new Thread(runnable, "gatehouse-jdkserver-body");
      thread.setDaemon(true);
      return thread;
    });
  }
}
