package dev.gatehouse.runtime.internal.cache;

import dev.gatehouse.ApiDefinition;
import dev.gatehouse.ApiType;
import dev.gatehouse.GatewayDefinition;
import dev.gatehouse.GatewayRequest;
import dev.gatehouse.StageDefinition;
import dev.gatehouse.cache.StageCache;
import dev.gatehouse.runtime.internal.pipeline.CompiledRoute;
import dev.gatehouse.runtime.internal.pipeline.Deployment;
import dev.gatehouse.runtime.internal.pipeline.Exchange;
import dev.gatehouse.runtime.internal.pipeline.Step;
import dev.gatehouse.spi.ResponseCacheStore;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * A gateway's stage caches. They outlive deployments: a redeploy keeps a stage's entries unless its
 * cache's size changed (or the stage lost its cache), so that deploying does not send every request
 * to the backends at once.
 */
public final class StageCaches {
  private final Clock clock;
  private final ConcurrentHashMap<String, StageStore> stores = new ConcurrentHashMap<>();

  public StageCaches(Clock clock) {
    this.clock = clock;
  }

  /** Prepares the stores of {@code definition}'s cached stages and drops those of stages no longer cached. */
  public synchronized void deploying(GatewayDefinition definition) {
    Map<String, StageStore> next = new HashMap<>();
    ResponseCacheStore shared = definition.responseCacheStore();
    for (ApiDefinition api : definition.apis()) {
      if (api.type() == ApiType.WEBSOCKET) {
        continue;
      }
      for (StageDefinition stage : api.stages()) {
        if (stage.cache() == null) {
          continue;
        }
        String prefix = CacheKeys.prefix(api.name(), stage.name());
        long maxBytes = stage.cache().maxBytes();
        StageStore earlier = stores.get(prefix);
        boolean keep = earlier != null && (shared != null ? earlier.store == shared : earlier.maxBytes == maxBytes);
        next.put(prefix, keep ? earlier : new StageStore(prefix, maxBytes,
            shared != null ? shared : new InProcessResponseCache(maxBytes, clock)));
      }
    }
    stores.keySet().retainAll(next.keySet());
    stores.putAll(next);
  }

  /** The cache step of {@code route}, or {@code null} where no stage of its API has a cache. */
  public Step stepFor(CompiledRoute route) {
    ApiDefinition api = route.api().definition();
    Map<String, StageStore> byStage = new HashMap<>();
    for (StageDefinition stage : api.stages()) {
      StageStore store = stores.get(CacheKeys.prefix(api.name(), stage.name()));
      if (store != null) {
        byStage.put(stage.name(), store);
      }
    }
    return byStage.isEmpty() ? null : new CacheStep(route, Map.copyOf(byStage), clock);
  }

  /**
   * The cache of one API stage.
   *
   * @throws IllegalArgumentException if that stage has no cache
   */
  public StageCache cache(String api, String stage, Supplier<Deployment> current) {
    StageStore store = stores.get(CacheKeys.prefix(api, stage));
    if (store == null) {
      throw new IllegalArgumentException("api: " + api + ", stage: " + stage
          + " (expected: an API stage of this gateway with stage.cache(...))");
    }
    return new StageCache() {
      @Override
      public CompletionStage<Void> flush() {
        return store.store.flush(store.prefix);
      }

      @Override
      public CompletionStage<Void> evict(GatewayRequest request) {
        Exchange ex = current.get().route(request);
        if (ex == null || !ex.api().definition().name().equals(api) || !ex.stage().name().equals(stage)) {
          return CompletableFuture.completedFuture(null);
        }
        CacheStep step = (CacheStep) stepFor(ex.route());
        return step == null ? CompletableFuture.completedFuture(null) : step.evict(ex);
      }

      @Override
      public long hits() {
        return store.hits.sum();
      }

      @Override
      public long misses() {
        return store.misses.sum();
      }
    };
  }
}
