package dev.gatehouse.runtime.internal.http;

import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Publishes one read-only buffer as a request body, so the client's body reaches the backend
 * without a copy ({@code BodyPublishers.ofByteArray} needs an array a read-only view cannot give).
 */
final class BufferPublisher implements HttpRequest.BodyPublisher {
  private final ByteBuffer body;

  BufferPublisher(ByteBuffer body) {
    this.body = body;
  }

  @Override
  public long contentLength() {
    return body.remaining();
  }

  @Override
  public void subscribe(Flow.Subscriber<? super ByteBuffer> subscriber) {
    AtomicBoolean done = new AtomicBoolean();
    subscriber.onSubscribe(new Flow.Subscription() {
      @Override
      public void request(long n) {
        if (n <= 0) {
          if (done.compareAndSet(false, true)) {
            subscriber.onError(new IllegalArgumentException("request(" + n + ") (expected: > 0)"));
          }
        } else if (done.compareAndSet(false, true)) {
          subscriber.onNext(body.duplicate());
          subscriber.onComplete();
        }
      }

      @Override
      public void cancel() {
        done.set(true);
      }
    });
  }
}
