package dev.gatehouse.runtime.internal.auth;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.gatehouse.authorizer.AuthorizerFunction;
import dev.gatehouse.authorizer.AuthorizerFunctionV2;
import dev.gatehouse.authorizer.FunctionAuthorizer;
import dev.gatehouse.authorizer.SimpleAuthorizerFunction;
import dev.gatehouse.event.AuthorizerEvent;
import dev.gatehouse.event.AuthorizerEventV2;
import dev.gatehouse.runtime.internal.integration.Timeouts;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * Calls one function authorizer on the handler executor, bounded by its timeout, and keeps its
 * checked answers by identity for the result TTL. The cache is Caffeine's {@link AsyncCache}: any
 * number of concurrent requests with one identity share one call; a call that fails is not kept.
 */
final class FunctionAuthorizerRuntime {
  private final FunctionAuthorizer definition;
  private final Executor executor;
  private final AsyncCache<String, PolicyDecision> answers;

  FunctionAuthorizerRuntime(FunctionAuthorizer definition, Clock clock, Executor executor) {
    this.definition = definition;
    this.executor = executor;
    this.answers = definition.resultTtl().isZero() ? null : Caffeine.newBuilder()
        .ticker(() -> clock.millis() * 1_000_000L)
        .expireAfterWrite(definition.resultTtl())
        .maximumSize(100_000)
        .executor(Runnable::run)
        .buildAsync();
  }

  FunctionAuthorizer definition() {
    return definition;
  }

  /**
   * The decision for {@code identity}, from the cache or a call with {@code event}'s input.
   *
   * @param identity the identity sources' values joined; the cache key
   */
  CompletableFuture<PolicyDecision> decide(String identity, Supplier<Object> event) {
    if (answers == null) {
      return call(event.get());
    }
    return answers.get(identity, (key, unused) -> call(event.get()));
  }

  /**
   * Drops a failed answer before the request that saw it is answered, so that the next request
   * calls the function again (Caffeine would drop it too, but possibly after that next request).
   */
  void forget(String identity, CompletableFuture<PolicyDecision> failed) {
    if (answers != null) {
      answers.asMap().remove(identity, failed);
    }
  }

  private CompletableFuture<PolicyDecision> call(Object event) {
    CompletableFuture<PolicyDecision> called = CompletableFuture.supplyAsync(() -> {
      try {
        return PolicyDecision.of(invoke(event));
      } catch (RuntimeException e) {
        throw e;
      } catch (Exception e) {
        throw new CompletionException(e);
      }
    }, executor);
    return Timeouts.within(called, definition.timeout().toNanos());
  }

  private Object invoke(Object event) throws Exception {
    Object handler = definition.handler();
    return switch (definition.kind()) {
      case TOKEN, REQUEST -> ((AuthorizerFunction) handler).authorize((AuthorizerEvent) event);
      case REQUEST_V2 -> ((AuthorizerFunctionV2) handler).authorize((AuthorizerEventV2) event);
      case SIMPLE -> ((SimpleAuthorizerFunction) handler).authorize((AuthorizerEventV2) event);
    };
  }
}
