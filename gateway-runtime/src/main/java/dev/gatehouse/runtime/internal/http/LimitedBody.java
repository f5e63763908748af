package dev.gatehouse.runtime.internal.http;

import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * The JDK's byte-array body subscriber with a ceiling: a backend answer longer than the payload
 * limit fails the call instead of filling the heap. Bytes are copied once, into the array.
 */
final class LimitedBody implements HttpResponse.BodySubscriber<byte[]> {
  private final HttpResponse.BodySubscriber<byte[]> delegate = HttpResponse.BodySubscribers.ofByteArray();
  private final long limit;
  private long received;
  private Flow.Subscription subscription;
  private boolean failed;

  LimitedBody(long limit) {
    this.limit = limit;
  }

  @Override
  public CompletionStage<byte[]> getBody() {
    return delegate.getBody();
  }

  @Override
  public void onSubscribe(Flow.Subscription subscription) {
    this.subscription = subscription;
    delegate.onSubscribe(subscription);
  }

  @Override
  public void onNext(List<ByteBuffer> buffers) {
    if (failed) {
      return;
    }
    for (ByteBuffer buffer : buffers) {
      received += buffer.remaining();
    }
    if (received > limit) {
      failed = true;
      subscription.cancel();
      delegate.onError(new BackendFailure("backend answer longer than the payload limit of " + limit + " bytes", null));
      return;
    }
    delegate.onNext(buffers);
  }

  @Override
  public void onError(Throwable error) {
    if (!failed) {
      delegate.onError(error);
    }
  }

  @Override
  public void onComplete() {
    if (!failed) {
      delegate.onComplete();
    }
  }
}
