package dev.gatehouse.runtime.internal.cache;

import dev.gatehouse.GatewayResponse;
import dev.gatehouse.GatewayResponseType;
import dev.gatehouse.StageDefinition;
import dev.gatehouse.cache.CacheSettings;
import dev.gatehouse.cache.CachedResponse;
import dev.gatehouse.cache.RouteCache;
import dev.gatehouse.metrics.RequestMetrics;
import dev.gatehouse.runtime.internal.pipeline.CompiledRoute;
import dev.gatehouse.runtime.internal.pipeline.Exchange;
import dev.gatehouse.runtime.internal.pipeline.Step;
import dev.gatehouse.runtime.internal.response.ResponseFinisher;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The route's cache, between its guards and its integration, so that a cached answer reaches only
 * callers the guards admitted and counted: a hit is answered from the stage's store; concurrent
 * misses for one key wait on one integration call; a cacheable answer is stored for the route's TTL.
 * {@code Cache-Control: max-age=0} refetches where the caller may invalidate, and otherwise goes as
 * the stage's {@code unauthorizedCacheControl} says.
 */
final class CacheStep implements Step {
  /** The warning a caller gets for a {@code max-age=0} it may not send (SUCCEED_WITH_RESPONSE_HEADER). */
  static final String IGNORED_WARNING = "199 - \"Cache-Control: max-age=0 ignored: not authorized to invalidate\"";

  private final CompiledRoute route;
  private final Map<String, StageStore> stores;
  private final Clock clock;
  private final Set<String> methods;
  private final List<String> keyParameters;

  CacheStep(CompiledRoute route, Map<String, StageStore> stores, Clock clock) {
    this.route = route;
    this.stores = stores;
    this.clock = clock;
    RouteCache own = route.definition().cache();
    String routeMethod = route.definition().key().method();
    this.methods = own != null ? own.methodsFor(routeMethod)
        : "ANY".equals(routeMethod) || "GET".equals(routeMethod) || "HEAD".equals(routeMethod) || routeMethod == null
            ? Set.of("GET", "HEAD") : Set.of();
    this.keyParameters = own != null ? own.keyParameters() : List.of();
  }

  @Override
  public CompletionStage<GatewayResponse> apply(Exchange ex, Next next) {
    StageDefinition stage = ex.stage();
    StageStore store = stores.get(stage.name());
    if (store == null || !methods.contains(ex.request().method())) {
      return next.proceed(ex);
    }
    CacheSettings settings = stage.cache();
    Duration ttl = route.definition().cache() != null && route.definition().cache().ttl() != null
        ? route.definition().cache().ttl() : settings.ttl();
    if (ttl.isZero()) {
      return next.proceed(ex);
    }
    String key = CacheKeys.of(store.prefix, ex, keyParameters);
    if (asksToRefetch(ex)) {
      if (!settings.requireAuthorization() || mayInvalidate(ex, settings)) {
        store.misses.increment();
        ex.cacheOutcome(RequestMetrics.Cache.MISS);
        return fetch(ex, next, store, settings, key, ttl, true);
      }
      switch (settings.unauthorizedCacheControl()) {
        case FAIL_WITH_403:
          return CompletableFuture.completedFuture(ex.api().responses().get(GatewayResponseType.ACCESS_DENIED));
        case SUCCEED_WITH_RESPONSE_HEADER:
          return lookup(ex, next, store, settings, key, ttl)
              .thenApply(response -> response.toBuilder().header("Warning", IGNORED_WARNING).build());
        default:
          break;
      }
    }
    return lookup(ex, next, store, settings, key, ttl);
  }

  /** Drops the entry a routed request would be answered from. */
  CompletionStage<Void> evict(Exchange ex) {
    StageStore store = stores.get(ex.stage().name());
    return store == null ? CompletableFuture.completedFuture(null)
        : store.store.invalidate(CacheKeys.of(store.prefix, ex, keyParameters));
  }

  private CompletionStage<GatewayResponse> lookup(Exchange ex, Next next, StageStore store, CacheSettings settings,
      String key, Duration ttl) {
    return store.store.get(key).thenCompose(entry -> {
      if (entry != null) {
        store.hits.increment();
        ex.cacheOutcome(RequestMetrics.Cache.HIT);
        return CompletableFuture.completedFuture(answer(entry, settings, ex.requestId()));
      }
      store.misses.increment();
      ex.cacheOutcome(RequestMetrics.Cache.MISS);
      return fetch(ex, next, store, settings, key, ttl, false);
    });
  }

  /**
   * One integration call per key at a time: the first miss calls it, later ones wait for its answer
   * (or its failure) unless they refetch on purpose. The answer is stored when it may be.
   */
  private CompletionStage<GatewayResponse> fetch(Exchange ex, Next next, StageStore store, CacheSettings settings,
      String key, Duration ttl, boolean refetch) {
    CompletableFuture<GatewayResponse> mine = new CompletableFuture<>();
    CompletableFuture<GatewayResponse> leader = refetch ? null : store.fetching.putIfAbsent(key, mine);
    if (leader != null) {
      return leader.thenCompose(shared -> shared.isStreamed()
          // a streamed answer reaches one client only: this request calls the integration itself
          ? next.proceed(ex)
          : CompletableFuture.completedFuture(marked(shared, settings)));
    }
    CompletionStage<GatewayResponse> answer;
    try {
      answer = next.proceed(ex);
    } catch (RuntimeException e) {
      answer = CompletableFuture.failedFuture(e);
    }
    return answer.thenCompose(response -> Storable.of(response, settings))
        .thenCompose(response -> store(store, settings, key, ttl, response))
        .whenComplete((response, error) -> {
          if (!refetch) {
            store.fetching.remove(key, mine);
          }
          if (error != null) {
            mine.completeExceptionally(error);
          } else {
            mine.complete(response);
          }
        })
        .thenApply(response -> marked(response, settings));
  }

  /** A miss's answer, with {@code X-Cache: Miss} where the stage asks for it. */
  private static GatewayResponse marked(GatewayResponse response, CacheSettings settings) {
    return settings.xCacheHeader() && !response.isStreamed()
        ? response.toBuilder().header("X-Cache", "Miss").build() : response;
  }

  private CompletionStage<GatewayResponse> store(StageStore store, CacheSettings settings, String key, Duration ttl,
      GatewayResponse response) {
    if (!Storable.isStorable(response, settings)) {
      return CompletableFuture.completedFuture(response);
    }
    CachedResponse entry = new CachedResponse(response.status(), response.headers(), Storable.bytes(response),
        clock.instant().plus(ttl));
    return store.store.put(key, entry).handle((ok, error) -> response);
  }

  /**
   * A hit, stamped with this request's ID as it is built: the entry holds the first request's, and
   * stamping now spares the finisher a second copy of every hit.
   */
  private static GatewayResponse answer(CachedResponse entry, CacheSettings settings, String requestId) {
    GatewayResponse.Builder response = GatewayResponse.builder(entry.status()).headers(entry.headers())
        .body(entry.body());
    if (settings.xCacheHeader()) {
      response.header("X-Cache", "Hit");
    }
    return ResponseFinisher.stamp(response, requestId).build();
  }

  private static boolean asksToRefetch(Exchange ex) {
    for (String value : ex.request().headers().all("Cache-Control")) {
      for (String directive : value.split(",")) {
        if (directive.trim().toLowerCase(Locale.ROOT).replace(" ", "").equals("max-age=0")) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean mayInvalidate(Exchange ex, CacheSettings settings) {
    return ex.mayInvalidateCache()
        || ex.apiKey() != null && settings.invalidationKeys().contains(ex.apiKey().id());
  }
}
