package dev.gatehouse.runtime.internal.http;

import dev.gatehouse.GatewayRequest;
import dev.gatehouse.GatewayResponse;
import dev.gatehouse.GatewayResponseType;
import dev.gatehouse.Headers;
import dev.gatehouse.PathTemplate;
import dev.gatehouse.StageDefinition;
import dev.gatehouse.integration.HttpIntegration;
import dev.gatehouse.runtime.internal.http.BackendUri.BadParameterException;
import dev.gatehouse.runtime.internal.integration.Timeouts;
import dev.gatehouse.runtime.internal.pipeline.CompiledRoute;
import dev.gatehouse.runtime.internal.pipeline.Exchange;
import dev.gatehouse.runtime.internal.pipeline.Step;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a route's requests to its HTTP backend and passes the answers back (AWS's
 * {@code HTTP_PROXY} and {@code HTTP}). Nothing blocks: the transport completes on its own thread,
 * and the route's timeout bounds the whole call, retries included, until the answer's head is in.
 *
 * <p>A large answer (past 64 KiB, or of unknown length) is passed on as a streamed body, its
 * header fields filtered and mapped as any other's. The route's timeout then bounds the body's
 * progress instead: a body that goes that long without a byte from the backend or a request for
 * more from the client is aborted, as is one that runs past the payload limit (see
 * {@link BodyStream}); the client's response breaks rather than ends short.
 */
final class HttpStep implements Step {
  private static final Logger LOG = LoggerFactory.getLogger(HttpStep.class);

  private final CompiledRoute route;
  private final HttpIntegration integration;
  private final BackendTransport transport;
  private final Map<String, StagePlan> plans = new HashMap<>();
  private final List<String> greedy = new ArrayList<>();
  private final List<RequestMapping> requestMappings = new ArrayList<>();
  private final List<ResponseMapping> responseMappings = new ArrayList<>();
  private final List<StatusRule> statusRules = new ArrayList<>();
  private final long timeoutNanos;

  private record RequestMapping(String kind, String name, MappingSource source) {}

  private record ResponseMapping(String header, MappingSource source) {}

  private record StatusRule(Pattern pattern, int status) {}

  HttpStep(CompiledRoute route, HttpIntegration integration, BackendTransport transport, Resilience resilience) {
    this.route = route;
    this.integration = integration;
    this.transport = transport;
    this.timeoutNanos = route.definition().timeout().toNanos();
    for (StageDefinition stage : route.api().definition().stages()) {
      plans.put(stage.name(), StagePlan.create(route, stage, integration, resilience));
    }
    if (route.definition().key().path() != null) {
      for (PathTemplate.Segment segment : route.definition().key().path().segments()) {
        if (segment.kind() == PathTemplate.Segment.Kind.GREEDY) {
          greedy.add(segment.value());
        }
      }
    }
    integration.requestParameters().forEach((target, source) -> {
      String rest = target.substring("integration.request.".length());
      int dot = rest.indexOf('.');
      requestMappings.add(new RequestMapping(rest.substring(0, dot), rest.substring(dot + 1),
          MappingSource.compile(source)));
    });
    integration.responseParameters().forEach((target, source) -> responseMappings.add(
        new ResponseMapping(target.substring("method.response.header.".length()), MappingSource.compile(source))));
    integration.responseStatuses().forEach((pattern, status) ->
        statusRules.add(new StatusRule(Pattern.compile(pattern), status)));
  }

  @Override
  public CompletionStage<GatewayResponse> apply(Exchange ex, Next next) {
    StagePlan plan = plans.get(ex.stage().name());
    BackendRequest request;
    try {
      request = prepare(ex, plan);
    } catch (BadParameterException | IllegalArgumentException e) {
      LOG.info("{}: request {} cannot go to the backend, answering 400: {}", route.label(), ex.requestId(),
          e.getMessage());
      return CompletableFuture.completedFuture(
          ex.api().responses().get(GatewayResponseType.BAD_REQUEST_PARAMETERS));
    }
    BackendCall call = new BackendCall(transport, request);
    CompletableFuture<BackendResponse> answer = new CompletableFuture<>();
    plan.decorate(request.method(), call::attempt).get().whenComplete((response, error) -> {
      if (error != null) {
        answer.completeExceptionally(error);
      } else if (!answer.complete(response)) {
        // the route's timeout answered first: a streamed body must let its backend go
        response.release();
      }
    });
    return Timeouts.within(answer, timeoutNanos).handle((response, error) -> {
      if (error != null) {
        // before answering: the abandoned attempt gives its bulkhead permit back (and the breaker
        // counts it) first, so the client's next request does not find the permit still taken
        call.abandon();
      }
      return answer(ex, response, error);
    });
  }

  private BackendRequest prepare(Exchange ex, StagePlan plan) throws BadParameterException {
    GatewayRequest request = ex.request();
    Headers.Builder headers;
    StringBuilder query = new StringBuilder();
    if (integration.proxy()) {
      headers = ForwardHeaders.passThrough(request.headers());
      if (request.rawQuery() != null) {
        UriEncoding.rawQuery(query, request.rawQuery());
      }
    } else {
      headers = Headers.builder();
      String contentType = request.headers().first("Content-Type");
      if (contentType != null && ForwardHeaders.isSafe(contentType)) {
        headers.add("Content-Type", contentType);
      }
    }
    Map<String, String> pathValues = ex.pathParameters();
    for (RequestMapping mapping : requestMappings) {
      List<String> values = mapping.source().values(ex, null);
      switch (mapping.kind()) {
        case "path":
          if (pathValues == ex.pathParameters()) {
            pathValues = new HashMap<>(pathValues);
          }
          pathValues.put(mapping.name(), values.isEmpty() ? "" : values.get(0));
          break;
        case "querystring":
          for (String value : values) {
            if (query.length() > 0) {
              query.append('&');
            }
            UriEncoding.queryComponent(query, mapping.name());
            query.append('=');
            UriEncoding.queryComponent(query, value);
          }
          break;
        default:
          headers.remove(mapping.name());
          values.stream().filter(ForwardHeaders::isSafe).forEach(value -> headers.add(mapping.name(), value));
      }
    }
    ForwardHeaders.forwarding(headers, request);
    ForwardHeaders.tracing(headers, request, ex.context().xrayTraceId());
    String method = integration.method() != null ? integration.method() : request.method();
    URI uri = URI.create(plan.uri().build(pathValues, greedy, query.toString()));
    return new BackendRequest(method, uri, headers.build(), request.body(), timeoutNanos);
  }

  private GatewayResponse answer(Exchange ex, BackendResponse response, Throwable error) {
    if (error != null) {
      return failure(ex, Resilience.cause(error));
    }
    int status = response.status();
    Headers.Builder headers;
    if (integration.proxy()) {
      headers = ForwardHeaders.fromBackend(response.headers());
    } else {
      for (StatusRule rule : statusRules) {
        if (rule.pattern().matcher(Integer.toString(status)).matches()) {
          status = rule.status();
          break;
        }
      }
      headers = Headers.builder();
      String contentType = response.headers().first("Content-Type");
      if (contentType != null && ForwardHeaders.isSafe(contentType)) {
        headers.add("Content-Type", contentType);
      }
    }
    for (ResponseMapping mapping : responseMappings) {
      List<String> values = mapping.source().values(ex, response);
      headers.remove(mapping.header());
      values.stream().filter(ForwardHeaders::isSafe).forEach(value -> headers.add(mapping.header(), value));
    }
    GatewayResponse.Builder out = GatewayResponse.builder(status).headers(headers.build());
    BodyStream stream = response.stream();
    if (stream == null) {
      return out.body(response.body()).build();
    }
    stream.describe(route.label() + " (request " + ex.requestId() + ")");
    return out.body(stream, stream.declared()).build();
  }

  private GatewayResponse failure(Exchange ex, Throwable cause) {
    if (cause instanceof TimeoutException) {
      LOG.warn("{}: backend gave no answer within {} ms, answering 504 (request {})", route.label(),
          TimeUnit.NANOSECONDS.toMillis(timeoutNanos), ex.requestId());
      return ex.api().responses().get(GatewayResponseType.INTEGRATION_TIMEOUT);
    }
    if (Resilience.isOpen(cause)) {
      LOG.debug("{}: circuit breaker open, answering 503 (request {})", route.label(), ex.requestId());
      return ex.api().responses().get(GatewayResponseType.INTEGRATION_CIRCUIT_OPEN);
    }
    if (Resilience.isFull(cause)) {
      LOG.debug("{}: bulkhead full, answering 429 (request {})", route.label(), ex.requestId());
      return ex.api().responses().get(GatewayResponseType.THROTTLED).toBuilder().setHeader("Retry-After", "1").build();
    }
    if (cause instanceof BackendFailure) {
      LOG.warn("{}: backend call failed, answering 504 (request {}): {}", route.label(), ex.requestId(),
          cause.getMessage());
    } else {
      LOG.error("{}: backend call failed, answering 504 (request {})", route.label(), ex.requestId(), cause);
    }
    return ex.api().responses().get(GatewayResponseType.INTEGRATION_FAILURE);
  }
}
