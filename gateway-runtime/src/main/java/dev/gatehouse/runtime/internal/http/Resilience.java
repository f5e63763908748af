package dev.gatehouse.runtime.internal.http;

import dev.gatehouse.integration.BulkheadSettings;
import dev.gatehouse.integration.CircuitBreakerSettings;
import dev.gatehouse.integration.RetrySettings;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.Registry;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import dev.gatehouse.GatewayDefinitionException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The Resilience4j registries of one gateway: breakers, retries and bulkheads by name and API stage,
 * kept across redeploys so that a breaker's state survives a new definition that keeps its
 * settings; changed settings make a new instance. Nothing here re-implements Resilience4j: the
 * gateway's settings become its configs, and its decorators wrap the backend call.
 */
final class Resilience {
  private final Clock clock;
  private final CircuitBreakerRegistry breakers = CircuitBreakerRegistry.ofDefaults();
  private final RetryRegistry retries = RetryRegistry.ofDefaults();
  private final BulkheadRegistry bulkheads = BulkheadRegistry.ofDefaults();
  private final Map<String, Object> settingsByName = new ConcurrentHashMap<>();
  /** Who declared each shared breaker and bulkhead in the deployment being compiled, and how. */
  private final Map<String, Claim> claims = new HashMap<>();

  private record Claim(Object settings, String routeLabel) {}
  private ScheduledExecutorService retryTimer;

  Resilience(Clock clock) {
    this.clock = clock;
  }

  /** Starts compiling a deployment: names it shares are claimed afresh. */
  synchronized void newDeployment() {
    claims.clear();
  }

  /**
   * The breaker of this name in one API stage, with these settings.
   *
   * @throws GatewayDefinitionException if another route of the deployment shares the name with other settings
   */
  synchronized CircuitBreaker breaker(String scope, CircuitBreakerSettings settings, String routeLabel) {
    String name = scope + "/" + settings.name();
    claim("circuitBreaker", name, settings, routeLabel);
    forgetIfChanged(breakers, name, settings);
    return breakers.circuitBreaker(name, () -> CircuitBreakerConfig.custom()
        .failureRateThreshold(settings.failureRateThreshold())
        .slidingWindowSize(settings.slidingWindowSize())
        .minimumNumberOfCalls(settings.minimumNumberOfCalls())
        .waitDurationInOpenState(settings.waitDurationInOpenState())
        .permittedNumberOfCallsInHalfOpenState(settings.permittedNumberOfCallsInHalfOpenState())
        .recordResult(result -> result instanceof BackendResponse
            && settings.failureStatuses().contains(((BackendResponse) result).status()))
        .ignoreException(error -> isFull(cause(error)))
        .clock(clock)
        .build());
  }

  /** The retry of one route in one API stage, with these settings. */
  synchronized Retry retry(String scope, RetrySettings settings) {
    forgetIfChanged(retries, scope, settings);
    return retries.retry(scope, () -> RetryConfig.<Object>custom()
        .maxAttempts(settings.maxAttempts())
        .waitDuration(settings.waitDuration())
        .retryOnResult(result -> result instanceof BackendResponse
            && settings.retryStatuses().contains(((BackendResponse) result).status()))
        .retryOnException(error -> cause(error) instanceof BackendFailure)
        // an answer retried is dropped: a streamed body must let its backend connection go
        .consumeResultBeforeRetryAttempt((attempt, result) -> {
          if (result instanceof BackendResponse) {
            ((BackendResponse) result).release();
          }
        })
        .failAfterMaxAttempts(false)
        .build());
  }

  /**
   * The bulkhead of this name in one API stage: never waits for a permit.
   *
   * @throws GatewayDefinitionException if another route of the deployment shares the name with other settings
   */
  synchronized Bulkhead bulkhead(String scope, BulkheadSettings settings, String routeLabel) {
    String name = scope + "/" + settings.name();
    claim("bulkhead", name, settings, routeLabel);
    forgetIfChanged(bulkheads, name, settings);
    return bulkheads.bulkhead(name, () -> BulkheadConfig.custom()
        .maxConcurrentCalls(settings.maxConcurrentCalls())
        .maxWaitDuration(Duration.ZERO)
        .build());
  }

  /** One instance serves every route naming it, so they must agree on what it is. */
  private void claim(String kind, String name, Object settings, String routeLabel) {
    Claim earlier = claims.putIfAbsent(kind + " " + name, new Claim(settings, routeLabel));
    if (earlier != null && !earlier.settings().equals(settings)) {
      String stage = name.substring(name.indexOf('/') + 1, name.lastIndexOf('/'));
      throw new GatewayDefinitionException(List.of(routeLabel + ": integration " + kind + " \""
          + name.substring(name.lastIndexOf('/') + 1) + "\": " + settings + " (expected: the settings of "
          + earlier.routeLabel() + ", which shares it in stage \"" + stage + "\": " + earlier.settings() + ")"));
    }
  }

  /** Drops the registry's instance of {@code name} when its settings changed, so the next lookup makes a new one. */
  private void forgetIfChanged(Registry<?, ?> registry, String name, Object settings) {
    if (!settings.equals(settingsByName.put(registry.getClass().getSimpleName() + " " + name, settings))) {
      registry.remove(name);
    }
  }

  /** The timer that spaces retries (and closes drained transports): one daemon thread, started on first use. */
  synchronized ScheduledExecutorService retryTimer() {
    if (retryTimer == null) {
      retryTimer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "gatehouse-retry");
        thread.setDaemon(true);
        return thread;
      });
    }
    return retryTimer;
  }

  synchronized void close() {
    if (retryTimer != null) {
      retryTimer.shutdownNow();
    }
  }

  /** {@code error} without the {@link java.util.concurrent.CompletionException}s around it. */
  static Throwable cause(Throwable error) {
    Throwable cause = error;
    while (cause instanceof java.util.concurrent.CompletionException && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }

  /** Whether {@code error} is a call the breaker refused. */
  static boolean isOpen(Throwable error) {
    return error instanceof CallNotPermittedException;
  }

  /** Whether {@code error} is a call the bulkhead refused. */
  static boolean isFull(Throwable error) {
    return error instanceof BulkheadFullException;
  }
}
