package dev.gatehouse.runtime.internal.cache;

import dev.gatehouse.GatewayResponse;
import dev.gatehouse.cache.CacheSettings;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Which answers a cache keeps: a status the stage caches (2xx by default), no {@code Set-Cookie}
 * (one caller's session must not reach the next), no {@code Cache-Control: no-store} or
 * {@code private} from the integration, and at most {@code maxEntryBytes}. A streamed answer short
 * enough to keep is read whole first, so that it can be stored and shared.
 */
final class Storable {
  private Storable() {}

  /** The answer, read whole when it is streamed with a declared length the stage may keep. */
  static CompletionStage<GatewayResponse> of(GatewayResponse response, CacheSettings settings) {
    if (!response.isStreamed() || response.contentLength() < 0 || response.contentLength() > settings.maxEntryBytes()
        || !settings.isCacheable(response.status())) {
      return CompletableFuture.completedFuture(response);
    }
    CompletableFuture<GatewayResponse> whole = new CompletableFuture<>();
    response.bodyPublisher().subscribe(new Flow.Subscriber<ByteBuffer>() {
      private final ByteArrayOutputStream bytes = new ByteArrayOutputStream((int) response.contentLength());

      @Override
      public void onSubscribe(Flow.Subscription subscription) {
        subscription.request(Long.MAX_VALUE);
      }

      @Override
      public void onNext(ByteBuffer item) {
        byte[] chunk = new byte[item.remaining()];
        item.get(chunk);
        bytes.write(chunk, 0, chunk.length);
      }

      @Override
      public void onError(Throwable error) {
        whole.completeExceptionally(error);
      }

      @Override
      public void onComplete() {
        whole.complete(GatewayResponse.builder(response.status()).headers(response.headers())
            .body(bytes.toByteArray()).build());
      }
    });
    return whole;
  }

  static boolean isStorable(GatewayResponse response, CacheSettings settings) {
    if (response.isStreamed() || !settings.isCacheable(response.status())
        || response.bodyLength() > settings.maxEntryBytes() || response.headers().contains("Set-Cookie")) {
      return false;
    }
    for (String value : response.headers().all("Cache-Control")) {
      for (String directive : value.split(",")) {
        String name = directive.trim().toLowerCase(Locale.ROOT);
        if (name.equals("no-store") || name.equals("private") || name.startsWith("private=")) {
          return false;
        }
      }
    }
    return true;
  }

  static byte[] bytes(GatewayResponse response) {
    ByteBuffer body = response.body();
    byte[] bytes = new byte[body.remaining()];
    body.get(bytes);
    return bytes;
  }
}
