package dev.gatehouse.runtime.internal.response;

import dev.gatehouse.GatewayResponse;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * An answer's body as one array, whether it was buffered or streamed, and no larger than a limit:
 * for a WebSocket route response (one message) and for a cache entry (one stored value).
 */
public final class ResponseBodies {
  private ResponseBodies() {}

  /** The whole body; a stage failed when it is larger than {@code max} or its stream breaks. */
  public static CompletionStage<byte[]> collect(GatewayResponse response, long max) {
    if (!response.isStreamed()) {
      ByteBuffer body = response.body();
      if (body.remaining() > max) {
        return tooLarge(body.remaining(), max);
      }
      byte[] bytes = new byte[body.remaining()];
      body.duplicate().get(bytes);
      return CompletableFuture.completedFuture(bytes);
    }
    if (response.contentLength() > max) {
      response.releaseBody();
      return tooLarge(response.contentLength(), max);
    }
    CompletableFuture<byte[]> collected = new CompletableFuture<>();
    response.bodyPublisher().subscribe(new Flow.Subscriber<ByteBuffer>() {
      private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      private Flow.Subscription subscription;

      @Override
      public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        subscription.request(Long.MAX_VALUE);
      }

      @Override
      public void onNext(ByteBuffer item) {
        if (collected.isDone()) {
          return;
        }
        if (bytes.size() + item.remaining() > max) {
          subscription.cancel();
          collected.completeExceptionally(new IllegalStateException("the answer is larger than " + max + " bytes"));
          return;
        }
        byte[] chunk = new byte[item.remaining()];
        item.get(chunk);
        bytes.write(chunk, 0, chunk.length);
      }

      @Override
      public void onError(Throwable error) {
        collected.completeExceptionally(error);
      }

      @Override
      public void onComplete() {
        collected.complete(bytes.toByteArray());
      }
    });
    return collected;
  }

  private static CompletionStage<byte[]> tooLarge(long size, long max) {
    return CompletableFuture.failedFuture(new IllegalStateException("the answer has " + size
        + " bytes; a message may have " + max));
  }
}
