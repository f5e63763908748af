package dev.gatehouse.integration;

import dev.gatehouse.RouteKey;
import dev.gatehouse.StageDefinition;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;

/**
 * An HTTP backend, as AWS's {@code HTTP_PROXY} ({@code proxy}) and {@code HTTP} (mapped)
 * integrations. Create one with {@code Integrations.http(...)} or {@code Integrations.httpMapped(...)}.
 *
 * <p>The URI template may use {@code ${stageVariables.name}} anywhere (resolved per stage when the
 * gateway is built; a stage without the variable fails {@code build()}), and {@code {name}} in the
 * path or query for a path parameter: the route's parameter of that name, {@code {proxy}} for a
 * greedy {@code {proxy+}}, or an {@code integration.request.path.name} mapping. Parameter values
 * are percent-encoded, so they never add path segments; the greedy path keeps its separators but
 * comes normalised by the router and cannot climb out of the template's base path.
 *
 * <p>A proxy passes the method, path, query string, headers and body through, and the backend's
 * status, headers and body back; request and response parameter mappings add to that. A mapped
 * integration sends only the body, its {@code Content-Type} and the mapped parameters, and answers
 * with the backend's body and {@code Content-Type}, the mapped headers, and the backend's status
 * unless a {@link #responseStatuses() status mapping} selects another. Unlike AWS, a mapped
 * integration without status mappings passes the backend's status instead of answering 200.
 *
 * <p>Both ways, hop-by-hop headers are dropped and any value with CR or LF is never forwarded;
 * {@code Host} is the backend's, and {@code X-Forwarded-For}, {@code X-Forwarded-Proto} and
 * {@code Forwarded} are set. The route's timeout bounds the whole call (retries included) until
 * the backend's answer head is in; a timeout gives 504 {@code INTEGRATION_TIMEOUT}, an unreachable
 * backend or a malformed answer 504 {@code INTEGRATION_FAILURE}; no gateway answer names the
 * backend.
 *
 * <p>Large answers are streamed: a body over 64 KiB, or of unknown length (chunked), is passed to
 * the client as it arrives ({@link dev.gatehouse.GatewayResponse#isStreamed()}) instead of being
 * collected first; a smaller one is collected. No more than the gateway's payload limit is passed
 * on: an answer declaring a longer body gets 504 {@code INTEGRATION_FAILURE} before any of it is
 * read, and a streamed body that runs past the limit is cut off by aborting the client's response
 * (the connection closes mid-body), never by ending it short. Once streaming, the route's timeout
 * bounds the body's progress instead: a body that goes that long with no bytes from the backend
 * and no demand from the client is aborted the same way.
 *
 * @param uri the URI template
 * @param proxy whether this is a proxy ({@code HTTP_PROXY}) rather than a mapped ({@code HTTP}) integration
 * @param method the backend method, or {@code null} for the request's own
 * @param requestParameters {@code integration.request.(path|querystring|header).name} to its source:
 *     {@code method.request.(path|querystring|multivaluequerystring|header|multivalueheader).name},
 *     {@code method.request.body}, {@code stageVariables.name}, {@code context.name} or a constant
 *     in single quotes; in declaration order, unmodifiable
 * @param responseParameters {@code method.response.header.name} to its source:
 *     {@code integration.response.(header|multivalueheader).name}, {@code stageVariables.name},
 *     {@code context.name} or a constant in single quotes; unmodifiable
 * @param responseStatuses mapped integrations only: a regular expression over the backend's status
 *     to the status the client gets, first match wins; unmodifiable
 * @param connectTimeout how long connecting to the backend may take, within the route's timeout
 * @param sslContext trusts and keys for {@code https} backends, or {@code null} for the JDK's defaults
 * @param circuitBreaker the breaker in front of the backend, or {@code null} for none
 * @param retry retries of idempotent requests, or {@code null} for none
 * @param bulkhead the limit of calls in flight, or {@code null} for none
 */
public record HttpIntegration(String uri, boolean proxy, String method, Map<String, String> requestParameters,
    Map<String, String> responseParameters, Map<String, Integer> responseStatuses, Duration connectTimeout,
    SSLContext sslContext, CircuitBreakerSettings circuitBreaker, RetrySettings retry, BulkheadSettings bulkhead)
    implements Integration {

  /** The connect timeout unless set. */
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

  public HttpIntegration {
    requestParameters = Collections.unmodifiableMap(new LinkedHashMap<>(requestParameters));
    responseParameters = Collections.unmodifiableMap(new LinkedHashMap<>(responseParameters));
    responseStatuses = Collections.unmodifiableMap(new LinkedHashMap<>(responseStatuses));
  }

  static Builder builder(String uri, boolean proxy) {
    return new Builder(uri, proxy);
  }

  /** The stage variables the URI template and the mappings read. */
  public List<String> stageVariables() {
    List<String> names = new ArrayList<>(UriTemplates.stageVariables(uri));
    List<String> sources = new ArrayList<>(requestParameters.values());
    sources.addAll(responseParameters.values());
    for (String source : sources) {
      if (source != null && source.startsWith(HttpMappings.STAGE_VARIABLES)) {
        names.add(source.substring(HttpMappings.STAGE_VARIABLES.length()));
      }
    }
    return names.stream().distinct().toList();
  }

  @Override
  public List<String> problems() {
    List<String> problems = new ArrayList<>(UriTemplates.problems(uri));
    if (method != null && !method.matches("[A-Z]{1,16}")) {
      problems.add("method: " + method + " (expected: an upper-case method such as GET, or none to pass the request's)");
    }
    HttpMappings.checkRequest(requestParameters, problems);
    HttpMappings.checkResponse(responseParameters, problems);
    if (proxy && !responseStatuses.isEmpty()) {
      problems.add("responseStatuses: " + responseStatuses.keySet()
          + " (expected: none on a proxy integration, which passes the backend's status)");
    }
    HttpMappings.checkStatuses(responseStatuses, problems);
    if (connectTimeout == null || connectTimeout.isNegative() || connectTimeout.isZero()) {
      problems.add("connectTimeout: " + connectTimeout + " (expected: a positive duration)");
    }
    if (circuitBreaker != null) {
      problems.addAll(circuitBreaker.problems());
    }
    if (retry != null) {
      problems.addAll(retry.problems());
    }
    if (bulkhead != null) {
      problems.addAll(bulkhead.problems());
    }
    return problems;
  }

  @Override
  public List<String> problems(RouteKey route, List<StageDefinition> stages) {
    List<String> problems = new ArrayList<>();
    List<String> routeParameters = route.path() == null ? List.of() : route.path().parameterNames();
    for (String name : UriTemplates.parameters(uri)) {
      boolean mapped = requestParameters.containsKey("integration.request.path." + name);
      if (!mapped && !routeParameters.contains(name)) {
        problems.add("uri: {" + name + "} (expected: a path parameter of the route " + routeParameters
            + " or an integration.request.path." + name + " mapping)");
      }
    }
    requestParameters.values().stream()
        .filter(source -> source != null && source.startsWith("method.request.path."))
        .map(source -> source.substring("method.request.path.".length()))
        .filter(name -> !routeParameters.contains(name))
        .forEach(name -> problems.add("requestParameters: method.request.path." + name
            + " (expected: a path parameter of the route " + routeParameters + ")"));
    for (StageDefinition stage : stages) {
      for (String variable : stageVariables()) {
        if (!stage.variables().containsKey(variable)) {
          problems.add("stage \"" + stage.name() + "\" has no variable \"" + variable + "\" (expected: "
              + "stage.variable(\"" + variable + "\", ...) for ${stageVariables." + variable + "})");
        }
      }
      if (stage.variables().keySet().containsAll(stageVariables())) {
        String resolved = UriTemplates.resolve(uri, stage.variables());
        if (!UriTemplates.isAbsoluteHttp(resolved)) {
          problems.add("uri in stage \"" + stage.name() + "\": \"" + resolved
              + "\" (expected: an http:// or https:// URI with a host)");
        }
      }
    }
    return problems;
  }

  @Override
  public String toString() {
    return (proxy ? "http(" : "httpMapped(") + (method == null ? "" : method + " ") + uri + ")";
  }

  /**
   * Collects an HTTP integration; not thread-safe.
   *
   * <pre>{@code
   * Integrations.http("${stageVariables.petsUrl}/pets/{id}", http -> http
   *     .connectTimeout(Duration.ofSeconds(2))
   *     .requestParameter("integration.request.header.x-caller", "context.identity.sourceIp")
   *     .circuitBreaker("pets", breaker -> breaker.failureRateThreshold(50).minimumNumberOfCalls(20))
   *     .retry(retry -> retry.maxAttempts(2))
   *     .bulkhead("pets", 200))
   * }</pre>
   */
  public static final class Builder {
    private final String uri;
    private final boolean proxy;
    private String method;
    private final Map<String, String> requestParameters = new LinkedHashMap<>();
    private final Map<String, String> responseParameters = new LinkedHashMap<>();
    private final Map<String, Integer> responseStatuses = new LinkedHashMap<>();
    private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
    private SSLContext sslContext;
    private CircuitBreakerSettings circuitBreaker;
    private RetrySettings retry;
    private BulkheadSettings bulkhead;

    private Builder(String uri, boolean proxy) {
      this.uri = uri;
      this.proxy = proxy;
    }

    /** Calls the backend with this method whatever the request's, as AWS's integration {@code httpMethod}. */
    public Builder method(String method) {
      this.method = method;
      return this;
    }

    /**
     * Maps a request value to the backend request, such as
     * {@code requestParameter("integration.request.header.x-user", "context.authorizer.principalId")}.
     */
    public Builder requestParameter(String target, String source) {
      requestParameters.put(Objects.requireNonNull(target, "target"), source);
      return this;
    }

    /**
     * Maps a backend answer's value to the client's answer, such as
     * {@code responseParameter("method.response.header.x-version", "integration.response.header.x-v")}.
     */
    public Builder responseParameter(String target, String source) {
      responseParameters.put(Objects.requireNonNull(target, "target"), source);
      return this;
    }

    /** Mapped integrations: a backend status matching {@code selectionPattern} answers {@code status}. */
    public Builder responseStatus(String selectionPattern, int status) {
      responseStatuses.put(Objects.requireNonNull(selectionPattern, "selectionPattern"), status);
      return this;
    }

    public Builder connectTimeout(Duration connectTimeout) {
      this.connectTimeout = connectTimeout;
      return this;
    }

    /** Trusts (and client keys) for {@code https} backends, such as a private CA's. */
    public Builder sslContext(SSLContext sslContext) {
      this.sslContext = sslContext;
      return this;
    }

    /** Puts a circuit breaker of this name in front of the backend; see {@link CircuitBreakerSettings}. */
    public Builder circuitBreaker(String name, Consumer<CircuitBreakerSettings.Builder> settings) {
      CircuitBreakerSettings.Builder builder = CircuitBreakerSettings.builder(name);
      settings.accept(builder);
      this.circuitBreaker = builder.build();
      return this;
    }

    /** Retries idempotent requests; see {@link RetrySettings}. */
    public Builder retry(Consumer<RetrySettings.Builder> settings) {
      RetrySettings.Builder builder = RetrySettings.builder();
      settings.accept(builder);
      this.retry = builder.build();
      return this;
    }

    /** Limits the calls in flight to the backend; see {@link BulkheadSettings}. */
    public Builder bulkhead(String name, int maxConcurrentCalls) {
      this.bulkhead = new BulkheadSettings(name, maxConcurrentCalls);
      return this;
    }

    public HttpIntegration build() {
      return new HttpIntegration(uri, proxy, method, requestParameters, responseParameters, responseStatuses,
          connectTimeout, sslContext, circuitBreaker, retry, bulkhead);
    }
  }
}
