package dev.gatehouse.runtime.internal.limits;

import dev.gatehouse.ApiKey;
import dev.gatehouse.GatewayDefinition;
import dev.gatehouse.Quota;
import dev.gatehouse.UsagePlanDefinition;
import dev.gatehouse.spi.ApiKeyStore;
import dev.gatehouse.spi.RateLimitStore;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The state of API keys, throttles and quotas that outlives a deployment: the stores (the
 * definition's, or in-process defaults kept across redeploys so buckets and keys survive them), the
 * clock, the day each usage plan was first deployed (its quota's first period takes the offset),
 * and the refusal counters.
 */
public final class Limits {
  private static final Logger LOG = LoggerFactory.getLogger(Limits.class);

  private final Clock clock;
  private final RateLimitStore defaultRateLimits;
  private final ApiKeyStore defaultApiKeys;
  private final Map<String, LocalDate> firstDeployed = new ConcurrentHashMap<>();
  private final RefusalCounters refusals = new RefusalCounters();

  public Limits(Clock clock) {
    this.clock = clock;
    this.defaultRateLimits = new InProcessRateLimitStore(clock);
    this.defaultApiKeys = new InMemoryApiKeyStore();
  }

  public Clock clock() {
    return clock;
  }

  public RateLimitStore rateLimits(GatewayDefinition definition) {
    return definition.rateLimitStore() != null ? definition.rateLimitStore() : defaultRateLimits;
  }

  public ApiKeyStore apiKeys(GatewayDefinition definition) {
    return definition.apiKeyStore() != null ? definition.apiKeyStore() : defaultApiKeys;
  }

  RefusalCounters refusals() {
    return refusals;
  }

  /**
   * Records a definition about to serve: declared keys the store lacks are added (keys changed at
   * run time keep their changes), and plans seen for the first time start their first period.
   */
  public void deploying(GatewayDefinition definition) {
    LocalDate today = LocalDate.ofInstant(clock.instant(), java.time.ZoneOffset.UTC);
    for (UsagePlanDefinition plan : definition.usagePlans()) {
      firstDeployed.putIfAbsent(plan.name(), today);
    }
    ApiKeyStore store = apiKeys(definition);
    for (ApiKey key : definition.apiKeys()) {
      if (store.get(key.id()).isEmpty()) {
        try {
          store.add(key);
        } catch (IllegalArgumentException e) {
          // another instance sharing the store added it first
          LOG.debug("API key {} not added: {}", key.id(), e.getMessage());
        }
      }
    }
  }

  /** The quota a key may use in the period starting on {@code periodStart}. */
  long quotaLimit(UsagePlanDefinition plan, LocalDate periodStart) {
    Quota quota = plan.quota();
    LocalDate first = firstDeployed.get(plan.name());
    boolean firstPeriod = first != null && quota.period().start(first).equals(periodStart);
    return firstPeriod ? quota.limit() - quota.offset() : quota.limit();
  }
}
