package dev.gatehouse.runtime.internal.auth;

import dev.gatehouse.GatewayDefinitionException;
import dev.gatehouse.authorizer.AuthorizerDefinition;
import dev.gatehouse.authorizer.FunctionAuthorizer;
import dev.gatehouse.authorizer.IamAuthorizer;
import dev.gatehouse.authorizer.JwtAuthorizer;
import dev.gatehouse.runtime.internal.iam.IamAuthorizerStep;
import dev.gatehouse.runtime.internal.pipeline.CompiledRoute;
import dev.gatehouse.runtime.internal.pipeline.Step;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The authorizers of a running gateway, kept across redeploys: an authorizer whose definition is
 * unchanged keeps its JWKS and verified-token caches. Token checks that cannot be answered from a
 * cache run on a small pool of daemon threads ({@code gatehouse-authorizer-N}), one per core: the
 * work is signature arithmetic and the occasional JWKS fetch.
 */
public final class AuthorizerRuntime implements AutoCloseable {
  private final Clock clock;
  private final Map<JwtAuthorizer, JwtVerifier> verifiers = new ConcurrentHashMap<>();
  private final Map<FunctionAuthorizer, FunctionAuthorizerRuntime> functions = new ConcurrentHashMap<>();
  private ExecutorService executor;
  /** One for every AWS_IAM route: it reads the route from the exchange and keeps the day's signing keys. */
  private final IamAuthorizerStep iam;

  public AuthorizerRuntime(Clock clock) {
    this.clock = clock;
    this.iam = new IamAuthorizerStep(clock);
  }

  /**
   * The guard of {@code route}: its authorizer's step, or {@code null} for a route without one.
   *
   * @param handlers where function authorizers run: the gateway's handler executor
   */
  public Step stepFor(CompiledRoute route, Executor handlers) {
    AuthorizerDefinition authorizer = route.api().definition().authorizerOf(route.definition());
    if (authorizer == null) {
      return null;
    }
    if (authorizer instanceof JwtAuthorizer jwt) {
      JwtVerifier verifier = verifiers.computeIfAbsent(jwt, definition -> new JwtVerifier(definition, clock, executor()));
      return new JwtAuthorizerStep(verifier, jwt.identitySource(), route.definition().scopes());
    }
    if (authorizer instanceof IamAuthorizer) {
      return iam;
    }
    if (authorizer instanceof FunctionAuthorizer function) {
      FunctionAuthorizerRuntime runtime =
          functions.computeIfAbsent(function, definition -> new FunctionAuthorizerRuntime(definition, clock, handlers));
      return new FunctionAuthorizerStep(runtime, route);
    }
    throw new GatewayDefinitionException(List.of(route.label() + ": authorizer \"" + authorizer.name() + "\": "
        + authorizer.getClass().getName() + " (expected: an authorizer from dev.gatehouse.authorizer.Authorizers)"));
  }

  private synchronized ExecutorService executor() {
    if (executor == null) {
      int threads = Math.max(2, Runtime.getRuntime().availableProcessors());
      AtomicInteger count = new AtomicInteger();
      // bounded queue; when it is full the request's own thread does the check rather than fail it
      executor = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(10_000),
          task -> {
            Thread thread = new Thread(task, "gatehouse-authorizer-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
          },
          new ThreadPoolExecutor.CallerRunsPolicy());
    }
    return executor;
  }

  @Override
  public synchronized void close() {
    if (executor != null) {
      executor.shutdown();
    }
  }
}
