package dev.gatehouse.runtime.internal.cache;

import dev.gatehouse.GatewayResponse;
import dev.gatehouse.spi.ResponseCacheStore;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * One API stage's cache at run time: where its entries live, the misses being fetched now (so that
 * concurrent misses for one key make one integration call), and its hit and miss counts.
 */
final class StageStore {
  final String prefix;
  final long maxBytes;
  final ResponseCacheStore store;
  final ConcurrentHashMap<String, CompletableFuture<GatewayResponse>> fetching = new ConcurrentHashMap<>();
  final LongAdder hits = new LongAdder();
  final LongAdder misses = new LongAdder();

  StageStore(String prefix, long maxBytes, ResponseCacheStore store) {
    this.prefix = prefix;
    this.maxBytes = maxBytes;
    this.store = store;
  }
}
