package dev.gatehouse.runtime.internal.http;

import dev.gatehouse.StageDefinition;
import dev.gatehouse.integration.HttpIntegration;
import dev.gatehouse.runtime.internal.pipeline.CompiledRoute;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.retry.Retry;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;

/**
 * A route's backend in one stage: the URI template with the stage's variables resolved, and the
 * stage's Resilience4j instances, if configured, in Resilience4j's recommended order: retry around
 * the breaker around the bulkhead.
 */
record StagePlan(BackendUri uri, CircuitBreaker breaker, Retry retry, Bulkhead bulkhead,
    ScheduledExecutorService retryTimer) {

  private static final Set<String> IDEMPOTENT = Set.of("GET", "HEAD", "OPTIONS", "PUT", "DELETE", "TRACE");

  static StagePlan create(CompiledRoute route, StageDefinition stage, HttpIntegration integration,
      Resilience resilience) {
    String resolved = integration.uri();
    for (var variable : stage.variables().entrySet()) {
      resolved = resolved.replace("${stageVariables." + variable.getKey() + "}", variable.getValue());
    }
    String scope = route.api().definition().name() + "/" + stage.name();
    return new StagePlan(BackendUri.compile(resolved),
        integration.circuitBreaker() == null ? null : resilience.breaker(scope, integration.circuitBreaker(), route.label()),
        integration.retry() == null ? null : resilience.retry(scope + "/" + route.routeKey(), integration.retry()),
        integration.bulkhead() == null ? null : resilience.bulkhead(scope, integration.bulkhead(), route.label()),
        integration.retry() == null ? null : resilience.retryTimer());
  }

  /** The call for one request: {@code attempt} wrapped in this stage's bulkhead, breaker and retry. */
  Supplier<CompletionStage<BackendResponse>> decorate(String method,
      Supplier<CompletionStage<BackendResponse>> attempt) {
    Supplier<CompletionStage<BackendResponse>> call = attempt;
    if (bulkhead != null) {
      call = Bulkhead.decorateCompletionStage(bulkhead, call);
    }
    if (breaker != null) {
      call = CircuitBreaker.decorateCompletionStage(breaker, call);
    }
    if (retry != null && IDEMPOTENT.contains(method)) {
      call = Retry.decorateCompletionStage(retry, retryTimer, call);
    }
    return call;
  }
}
