package dev.gatehouse.runtime.internal;

import dev.gatehouse.ApiKeys;
import dev.gatehouse.Gateway;
import dev.gatehouse.GatewayDefinition;
import dev.gatehouse.GatewayRequest;
import dev.gatehouse.GatewayResponse;
import dev.gatehouse.GatewayResponseType;
import dev.gatehouse.RouteDefinition;
import dev.gatehouse.Usage;
import dev.gatehouse.cache.StageCache;
import dev.gatehouse.runtime.internal.auth.AuthorizerRuntime;
import dev.gatehouse.runtime.internal.cache.StageCaches;
import dev.gatehouse.runtime.internal.http.HttpIntegrations;
import dev.gatehouse.runtime.internal.integration.HandlerExecutors;
import dev.gatehouse.runtime.internal.integration.IntegrationSteps;
import dev.gatehouse.runtime.internal.limits.GatewayApiKeys;
import dev.gatehouse.runtime.internal.limits.Limits;
import dev.gatehouse.runtime.internal.log.ExecutionLog;
import dev.gatehouse.runtime.internal.log.ObserverQueue;
import dev.gatehouse.runtime.internal.limits.UsageReports;
import dev.gatehouse.runtime.internal.pipeline.Deployment;
import dev.gatehouse.runtime.internal.pipeline.Exchange;
import dev.gatehouse.runtime.internal.pipeline.Step;
import dev.gatehouse.runtime.internal.response.GatewayResponses;
import dev.gatehouse.runtime.internal.response.ResponseFinisher;
import dev.gatehouse.runtime.internal.websocket.WebSocketRuntime;
import dev.gatehouse.websocket.WebSocketConnections;
import dev.gatehouse.websocket.WebSocketUpgrade;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running gateway: the current deployment behind an atomic reference, so that a redeploy swaps
 * the whole routing table at once while requests already started finish on the table they began
 * with.
 */
final class DefaultGateway implements Gateway {
  private static final Logger LOG = LoggerFactory.getLogger(DefaultGateway.class);

  private final Clock clock;
  private final Limits limits;
  private final AuthorizerRuntime authorizers;
  private final HttpIntegrations http;
  private final ApiKeys apiKeys;
  private final AtomicReference<Deployment> current = new AtomicReference<>();
  private final WebSocketRuntime webSockets;
  private final StageCaches caches;
  /** Access-log lines and reports to metrics sinks that may block, off the request threads. */
  private final ObserverQueue observers = new ObserverQueue(ObserverQueue.DEFAULT_CAPACITY);
  private final AccessLog accessLog = new AccessLog(observers);
  private final MetricsReports metrics = new MetricsReports(observers);
  private final ExecutionLog executionLog = new ExecutionLog(observers);
  private ExecutorService ownExecutor;

  DefaultGateway(GatewayDefinition definition, Clock clock) {
    this.clock = clock;
    this.limits = new Limits(clock);
    this.authorizers = new AuthorizerRuntime(clock);
    this.http = new HttpIntegrations(clock);
    this.apiKeys = new GatewayApiKeys(this::definition, limits);
    this.webSockets = new WebSocketRuntime(clock, current::get, limits, definition.connectionRegistry(),
        accessLog::record, metrics);
    this.caches = new StageCaches(clock);
    current.set(deploy(definition));
  }

  @Override
  public CompletionStage<GatewayResponse> handle(GatewayRequest request) {
    Objects.requireNonNull(request, "request");
    long started = System.nanoTime();
    Deployment deployment = current.get();
    Exchange ex = deployment.exchange(request, clock.millis(), RequestIds.requestId());
    CompletionStage<GatewayResponse> answer = start(deployment.entry(), ex);
    if (answer instanceof CompletableFuture && isReady((CompletableFuture<?>) answer)) {
      // most answers are ready at once (mocks, refusals, async functions that answered): no chain
      return finishNow(ex, ((CompletableFuture<GatewayResponse>) answer).getNow(null), started);
    }
    CompletableFuture<GatewayResponse> finished =
        answer.handle((response, error) -> finish(ex, response, error)).toCompletableFuture();
    finished.thenAccept(response -> observe(ex, response, started));
    return finished;
  }

  @Override
  public CompletionStage<WebSocketUpgrade> upgrade(GatewayRequest request) {
    Objects.requireNonNull(request, "request");
    long started = System.nanoTime();
    Deployment deployment = current.get();
    Exchange ex = deployment.exchange(request, clock.millis(), RequestIds.requestId());
    CompletionStage<GatewayResponse> answer = start(deployment.upgradeEntry(), ex);
    return answer.handle((response, error) -> {
      GatewayResponse finished = finish(ex, response, error);
      accessLog.record(ex, finished, (System.nanoTime() - started) / 1_000_000);
      webSockets.connected(ex, finished);
      return webSockets.decide(ex, finished);
    });
  }

  @Override
  public StageCache cache(String api, String stage) {
    return caches.cache(api, stage, current::get);
  }

  @Override
  public WebSocketConnections connections(String api, String stage) {
    return webSockets.connections(api, stage);
  }

  /** The steps' answer; a step that throws instead of failing its stage is answered like one that failed. */
  private static CompletionStage<GatewayResponse> start(Step.Next entry, Exchange ex) {
    try {
      return entry.proceed(ex);
    } catch (Throwable t) {
      return CompletableFuture.failedFuture(t);
    }
  }

  private static boolean isReady(CompletableFuture<?> answer) {
    return answer.isDone() && !answer.isCompletedExceptionally();
  }

  private CompletableFuture<GatewayResponse> finishNow(Exchange ex, GatewayResponse answer, long started) {
    GatewayResponse response;
    try {
      response = finish(ex, answer, null);
    } catch (Throwable t) {
      return CompletableFuture.failedFuture(t);
    }
    observe(ex, response, started);
    return CompletableFuture.completedFuture(response);
  }

  /** The observers, after the answer is ready: they never delay or fail it. */
  private void observe(Exchange ex, GatewayResponse response, long started) {
    long nanos = System.nanoTime() - started;
    accessLog.record(ex, response, nanos / 1_000_000);
    metrics.request(ex.deployment().definition().metrics(), ex, response, nanos);
    executionLog.record(ex, response, nanos);
  }

  private static GatewayResponse finish(Exchange ex, GatewayResponse response, Throwable error) {
    GatewayResponses responses = ex.api() != null ? ex.api().responses() : ex.deployment().unmatchedResponses();
    String where = ex.route() != null ? ex.route().label() : "gateway";
    if (error != null || response == null) {
      LOG.error("{}: request {} failed inside the gateway, answering 500", where, ex.requestId(), error);
      response = responses.get(GatewayResponseType.API_CONFIGURATION_ERROR);
    }
    GatewayResponseType type = responses.typeOf(response);
    if (type != null) {
      ex.answeredWith(type);
    }
    return ResponseFinisher.finish(response, ex.requestId(), responses, where);
  }

  @Override
  public ApiKeys apiKeys() {
    return apiKeys;
  }

  @Override
  public CompletionStage<Usage> usage(String usagePlan, LocalDate startDate, LocalDate endDate) {
    return UsageReports.usage(definition(), limits, usagePlan, startDate, endDate);
  }

  @Override
  public long maxRequestBodyBytes() {
    return current.get().definition().maxRequestBodyBytes();
  }

  @Override
  public GatewayDefinition definition() {
    return current.get().definition();
  }

  @Override
  public void redeploy(GatewayDefinition definition) {
    // a definition made with the record's constructor was never checked: check it like a built one
    Deployment next = deploy(Objects.requireNonNull(definition, "definition").toBuilder().definition());
    current.set(next);
    LOG.info("redeployed: {} APIs", definition.apis().size());
  }

  private synchronized Deployment deploy(GatewayDefinition definition) {
    Executor executor = definition.handlerExecutor() != null ? definition.handlerExecutor() : ownExecutor();
    long maxBodyBytes = definition.maxRequestBodyBytes();
    http.deploying();
    caches.deploying(definition);
    Deployment deployment = new Deployment(definition,
        route -> IntegrationSteps.create(route, executor, http, maxBodyBytes), limits,
        route -> authorizers.stepFor(route, executor), webSockets.steps(), caches::stepFor);
    Deployment previous = current.get();
    http.deployed(previous == null ? Duration.ZERO : longestTimeout(previous.definition()));
    return deployment;
  }

  private static Duration longestTimeout(GatewayDefinition definition) {
    return definition.apis().stream().flatMap(api -> api.routes().stream()).map(RouteDefinition::timeout)
        .max(Duration::compareTo).orElse(Duration.ZERO);
  }

  private synchronized Executor ownExecutor() {
    if (ownExecutor == null) {
      ownExecutor = HandlerExecutors.createDefault();
    }
    return ownExecutor;
  }

  @Override
  public synchronized void close() {
    if (ownExecutor != null) {
      ownExecutor.shutdown();
    }
    webSockets.close();
    authorizers.close();
    http.close();
    accessLog.close();
  }
}
