package dev.gatehouse.runtime.internal.http;

import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * The JDK's byte-array body subscriber with a ceiling: a backend answer longer than the payload
 * limit fails the call instead of filling the heap, and one that declares such a length fails before
 * its first byte is read. Bytes are copied once, into the array. Its body is a {@code byte[]}, typed
 * {@code Object} so that one response type carries either it or a {@link BodyStream} without a
 * wrapper per response.
 */
final class LimitedBody implements HttpResponse.BodySubscriber<Object> {
  private final HttpResponse.BodySubscriber<byte[]> delegate = HttpResponse.BodySubscribers.ofByteArray();
  private final long limit;
  private final long declared;
  private long received;
  private Flow.Subscription subscription;
  private boolean failed;

  /**
   * @param declared the backend's Content-Length, or -1 when it sent none
   */
  LimitedBody(long limit, long declared) {
    this.limit = limit;
    this.declared = declared;
  }

  @Override
  @SuppressWarnings("unchecked") // a stage of byte[] is a stage of Object to whoever only reads it
  public CompletionStage<Object> getBody() {
    return (CompletionStage<Object>) (CompletionStage<?>) delegate.getBody();
  }

  @Override
  public void onSubscribe(Flow.Subscription subscription) {
    this.subscription = subscription;
    delegate.onSubscribe(subscription);
    if (declared > limit) {
      fail("backend answer declares " + declared + " bytes, past the payload limit of " + limit + " bytes");
    }
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
      fail("backend answer longer than the payload limit of " + limit + " bytes");
      return;
    }
    delegate.onNext(buffers);
  }

  private void fail(String why) {
    failed = true;
    subscription.cancel();
    delegate.onError(new BackendFailure(why, null));
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
