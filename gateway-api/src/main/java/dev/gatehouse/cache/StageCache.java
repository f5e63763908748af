package dev.gatehouse.cache;

import dev.gatehouse.GatewayRequest;
import java.util.concurrent.CompletionStage;

/**
 * One API stage's response cache, to manage at run time: AWS's "flush entire cache" and the
 * eviction of one entry. Obtained from {@code gateway.cache(api, stage)}; thread-safe.
 *
 * <pre>{@code
 * StageCache cache = gateway.cache("petstore", "prod");
 * cache.evict(GatewayRequest.builder("GET", "/prod/pets").rawQuery("type=dog").build());
 * cache.flush();
 * }</pre>
 */
public interface StageCache {
  /** Drops every entry of the stage. */
  CompletionStage<Void> flush();

  /** Drops the entry {@code request} would be answered from, found as the request itself would find it. */
  CompletionStage<Void> evict(GatewayRequest request);

  /** Requests answered from the cache since the gateway started. */
  long hits();

  /** Requests of cached routes that went to the integration since the gateway started. */
  long misses();
}
