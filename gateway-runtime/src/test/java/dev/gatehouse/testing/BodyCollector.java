package dev.gatehouse.testing;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;

/**
 * Reads a streamed body in process, as an adapter would: one buffer requested at a time. {@link #body}
 * completes with every byte, or fails as the body failed.
 */
public final class BodyCollector implements Flow.Subscriber<ByteBuffer> {
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final CompletableFuture<byte[]> body = new CompletableFuture<>();
  private Flow.Subscription subscription;

  /** Subscribes to {@code publisher} and returns the collector. */
  public static BodyCollector of(Flow.Publisher<ByteBuffer> publisher) {
    BodyCollector collector = new BodyCollector();
    publisher.subscribe(collector);
    return collector;
  }

  /** The whole body, waiting up to {@code seconds} for it. */
  public byte[] body(long seconds) throws Exception {
    return body.get(seconds, TimeUnit.SECONDS);
  }

  /** The stage of the whole body. */
  public CompletableFuture<byte[]> body() {
    return body;
  }

  /** How many bytes arrived so far. */
  public synchronized int received() {
    return bytes.size();
  }

  @Override
  public void onSubscribe(Flow.Subscription subscription) {
    this.subscription = subscription;
    subscription.request(1);
  }

  @Override
  public void onNext(ByteBuffer buffer) {
    byte[] chunk = new byte[buffer.remaining()];
    buffer.get(chunk);
    synchronized (this) {
      bytes.write(chunk, 0, chunk.length);
    }
    subscription.request(1);
  }

  @Override
  public void onError(Throwable error) {
    body.completeExceptionally(error);
  }

  @Override
  public synchronized void onComplete() {
    body.complete(bytes.toByteArray());
  }
}
