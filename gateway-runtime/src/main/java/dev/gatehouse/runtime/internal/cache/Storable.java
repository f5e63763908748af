package dev.gatehouse.runtime.internal.cache;

import dev.gatehouse.GatewayResponse;
import dev.gatehouse.cache.CacheSettings;
import dev.gatehouse.runtime.internal.response.ResponseBodies;
import java.nio.ByteBuffer;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

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
    return ResponseBodies.collect(response, settings.maxEntryBytes()).thenApply(bytes ->
        GatewayResponse.builder(response.status()).headers(response.headers()).body(bytes).build());
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
