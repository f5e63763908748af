package dev.gatehouse.spi;

import dev.gatehouse.cache.CachedResponse;
import java.util.concurrent.CompletionStage;

/**
 * Where cached responses live. The runtime's default keeps each API stage's entries in process
 * (Caffeine, weighed in bytes, each entry expiring at its own time); a store module (Redis) shares
 * them between instances. Keys are opaque strings starting with the API stage's prefix, which
 * {@link #flush(String)} takes. Every method must not block.
 */
public interface ResponseCacheStore {
  /** The entry for {@code key}, or a stage completed with {@code null} when there is none or it expired. */
  CompletionStage<CachedResponse> get(String key);

  /** Stores {@code response} until its {@code expiresAt}, replacing an entry for the same key. */
  CompletionStage<Void> put(String key, CachedResponse response);

  /** Drops the entry for {@code key}, if any. */
  CompletionStage<Void> invalidate(String key);

  /** Drops every entry whose key starts with {@code prefix}. */
  CompletionStage<Void> flush(String prefix);
}
