package dev.gatehouse.runtime.internal.limits;

import dev.gatehouse.ApiKey;
import dev.gatehouse.GatewayDefinition;
import dev.gatehouse.GatewayResponse;
import dev.gatehouse.GatewayResponseType;
import dev.gatehouse.StageDefinition;
import dev.gatehouse.Throttle;
import dev.gatehouse.UsagePlanDefinition;
import dev.gatehouse.runtime.internal.pipeline.CompiledRoute;
import dev.gatehouse.runtime.internal.pipeline.Exchange;
import dev.gatehouse.runtime.internal.pipeline.Step;
import dev.gatehouse.spi.RateLimitStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Throttles and quotas, in AWS's order: the usage plan's bucket for the key and this route, the
 * plan's bucket for the key, this route's bucket in the stage (its own throttle or the stage's
 * default), the gateway-wide account bucket; then the plan's quota for the key. The first bucket
 * without a token answers 429 {@code THROTTLED}, an exhausted quota 429 {@code QUOTA_EXCEEDED}.
 * Plan limits apply only to requests admitted with an API key (routes with {@code apiKeyRequired}),
 * as in AWS. A store that fails is logged and the request admitted, as AWS does when its usage-plan
 * check fails.
 */
public final class ThrottleStep implements Step {
  private static final Logger LOG = LoggerFactory.getLogger(ThrottleStep.class);
  /** How long daily usage is kept for {@code Gateway.usage}: AWS keeps 90 days. */
  static final Duration USAGE_RETENTION = Duration.ofDays(90);

  private final RateLimitStore store;
  private final Limits limits;
  private final String apiName;
  private final String routeKey;
  private final String label;
  private final boolean headers;
  /** Stage name to the buckets of a request without a key: the route's (if throttled) and the account's. */
  private final Map<String, List<Bucket>> keyless = new HashMap<>();
  private final List<Bucket> accountOnly;
  /** Key ID to its store keys for today; bounded by the keys of the plans covering this route. */
  private final Map<String, KeyDay> keyDays = new ConcurrentHashMap<>();

  /** One token bucket: its key in the store and its size and rate. */
  record Bucket(String key, Throttle throttle) {}

  public ThrottleStep(CompiledRoute route, GatewayDefinition definition, Limits limits) {
    this.store = limits.rateLimits(definition);
    this.limits = limits;
    this.apiName = route.api().definition().name();
    this.routeKey = route.routeKey();
    this.label = route.label();
    this.headers = route.api().definition().rateLimitHeaders();
    Bucket account = new Bucket(LimitKeys.ACCOUNT, definition.accountThrottle());
    this.accountOnly = List.of(account);
    for (StageDefinition stage : route.api().definition().stages()) {
      Throttle throttle = stage.throttleFor(routeKey);
      if (throttle != null) {
        keyless.put(stage.name(), List.of(new Bucket(LimitKeys.route(apiName, stage.name(), routeKey), throttle), account));
      }
    }
  }

  @Override
  public CompletionStage<GatewayResponse> apply(Exchange ex, Next next) {
    UsagePlanDefinition plan = ex.usagePlan();
    String stage = ex.stage().name();
    if (plan == null) {
      return take(ex, next, keyless.getOrDefault(stage, accountOnly), 0, null);
    }
    List<Bucket> buckets = new ArrayList<>(4);
    ApiKey key = ex.apiKey();
    KeyDay keyDay = keyDay(plan, key.id());
    Throttle perRoute = plan.stage(apiName, stage).routeThrottles().get(routeKey);
    if (perRoute != null) {
      buckets.add(new Bucket(LimitKeys.planRoute(plan.name(), key.id(), apiName, stage, routeKey), perRoute));
    }
    if (plan.throttle() != null) {
      buckets.add(new Bucket(keyDay.planBucketKey(), plan.throttle()));
    }
    buckets.addAll(keyless.getOrDefault(stage, accountOnly));
    return take(ex, next, buckets, 0, null);
  }

  /**
   * Takes a token from each bucket from {@code i} on. Answers the in-process store gives at once are
   * read at once; only a store that answers later makes the rest of the checks wait on it.
   */
  private CompletionStage<GatewayResponse> take(Exchange ex, Next next, List<Bucket> buckets, int i,
      Tightest tightest) {
    for (; i < buckets.size(); i++) {
      Bucket bucket = buckets.get(i);
      CompletionStage<RateLimitStore.Take> pending = call(() -> store.take(bucket.key(), bucket.throttle(), 1));
      if (!(pending instanceof CompletableFuture<RateLimitStore.Take> future) || !future.isDone()) {
        int at = i;
        Tightest sofar = tightest;
        return pending.handle((take, failure) -> afterTake(ex, next, buckets, at, sofar, take, failure))
            .thenCompose(answer -> answer);
      }
      RateLimitStore.Take take;
      try {
        take = future.join();
      } catch (CompletionException | CancellationException e) {
        storeFailed(ex, e.getCause() != null ? e.getCause() : e);
        continue;
      }
      if (!take.granted()) {
        return CompletableFuture.completedFuture(throttled(ex, bucket, take));
      }
      tightest = tighter(tightest, bucket, take);
    }
    return quota(ex, next, tightest);
  }

  private CompletionStage<GatewayResponse> afterTake(Exchange ex, Next next, List<Bucket> buckets, int i,
      Tightest tightest, RateLimitStore.Take take, Throwable failure) {
    if (failure != null) {
      storeFailed(ex, failure);
      return take(ex, next, buckets, i + 1, tightest);
    }
    if (!take.granted()) {
      return CompletableFuture.completedFuture(throttled(ex, buckets.get(i), take));
    }
    return take(ex, next, buckets, i + 1, tighter(tightest, buckets.get(i), take));
  }

  private GatewayResponse throttled(Exchange ex, Bucket bucket, RateLimitStore.Take take) {
    limits.refusals().throttled(ex);
    GatewayResponse refusal = ex.api().responses().get(GatewayResponseType.THROTTLED);
    return headers ? RateLimitHeaders.throttled(refusal, bucket.throttle(), take) : refusal;
  }

  private Tightest tighter(Tightest tightest, Bucket bucket, RateLimitStore.Take take) {
    if (!headers) {
      return null;
    }
    return tightest == null || take.remaining() < tightest.take().remaining()
        ? new Tightest(bucket.throttle(), take)
        : tightest;
  }

  private CompletionStage<GatewayResponse> quota(Exchange ex, Next next, Tightest tightest) {
    UsagePlanDefinition plan = ex.usagePlan();
    if (plan == null) {
      return proceed(ex, next, tightest);
    }
    KeyDay keyDay = keyDay(plan, ex.apiKey().id());
    if (plan.quota() == null) {
      countUsage(ex, keyDay);
      return proceed(ex, next, tightest);
    }
    return call(() -> store.add(keyDay.quotaKey(), 1, keyDay.quotaLimit(), keyDay.quotaEnd())).handle((count, failure) -> {
      if (failure != null) {
        storeFailed(ex, failure);
      } else if (!count.granted()) {
        limits.refusals().quotaExceeded(ex);
        GatewayResponse refused = ex.api().responses().get(GatewayResponseType.QUOTA_EXCEEDED);
        return CompletableFuture.completedFuture(headers
            ? RateLimitHeaders.quotaExceeded(refused, keyDay.quotaLimit(),
                Duration.between(limits.clock().instant(), keyDay.quotaEnd()))
            : refused);
      }
      countUsage(ex, keyDay);
      return proceed(ex, next, tightest);
    }).thenCompose(answer -> answer);
  }

  /** Today's store keys and limits for this key in this plan, built once a day. */
  private KeyDay keyDay(UsagePlanDefinition plan, String keyId) {
    long epochDay = KeyDay.epochDay(limits.clock().millis());
    KeyDay cached = keyDays.get(keyId);
    if (cached != null && cached.isFor(plan, keyId, epochDay)) {
      return cached;
    }
    KeyDay fresh = KeyDay.of(plan, keyId, epochDay, limits);
    keyDays.put(keyId, fresh);
    return fresh;
  }

  /** Adds the request to the key's day for {@code Gateway.usage}; the request does not wait for it. */
  private void countUsage(Exchange ex, KeyDay keyDay) {
    call(() -> store.add(keyDay.usageKey(), 1, Long.MAX_VALUE, keyDay.usageExpires()))
        .whenComplete((count, failure) -> {
          if (failure != null) {
            LOG.warn("{}: usage of key {} not counted (request {})", label, ex.apiKey().id(), ex.requestId(), failure);
          }
        });
  }

  private CompletionStage<GatewayResponse> proceed(Exchange ex, Next next, Tightest tightest) {
    if (!headers || tightest == null) {
      return next.proceed(ex);
    }
    return next.proceed(ex).thenApply(answer -> RateLimitHeaders.admitted(answer, tightest.throttle(), tightest.take()));
  }

  private void storeFailed(Exchange ex, Throwable failure) {
    // AWS's words for the same event, so that people searching for them find this
    LOG.error("{}: Usage Plan check failed due to an internal error; admitting request {}", label, ex.requestId(),
        failure);
  }

  private static <T> CompletionStage<T> call(Supplier<CompletionStage<T>> operation) {
    try {
      CompletionStage<T> stage = operation.get();
      return stage != null ? stage : CompletableFuture.failedFuture(new NullPointerException("the store answered null"));
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  /** The bucket closest to empty so far: what the rate-limit headers describe. */
  private record Tightest(Throttle throttle, RateLimitStore.Take take) {}
}
