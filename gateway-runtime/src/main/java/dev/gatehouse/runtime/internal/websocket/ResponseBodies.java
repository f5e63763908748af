package dev.gatehouse.runtime.internal.websocket;

import dev.gatehouse.GatewayResponse;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/** A route response's body as one message: whole, and no larger than the API's message limit. */
final class ResponseBodies {
  private ResponseBodies() {}

  static CompletionStage<byte[]> collect(GatewayResponse response, int max) {
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

  private static CompletionStage<byte[]> tooLarge(long size, int max) {
    return CompletableFuture.failedFuture(new IllegalStateException("the answer has " + size
        + " bytes; a message may have " + max));
  }
}
