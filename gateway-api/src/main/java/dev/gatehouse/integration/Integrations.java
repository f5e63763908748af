package dev.gatehouse.integration;

import dev.gatehouse.Headers;
import java.util.function.Consumer;

/**
 * Factories for the integrations a route can use.
 *
 * <pre>{@code
 * api.route("GET /pets/{id}", Integrations.function(Pets::get))
 *    .route("GET /ping", Integrations.mock(200, "{\"ok\":true}"))
 *    .route("ANY /legacy/{proxy+}", Integrations.http("${stageVariables.legacyUrl}/{proxy}"));
 * }</pre>
 */
public final class Integrations {
  private Integrations() {}

  /** A blocking payload 1.0 function, run on the handler executor. */
  public static FunctionIntegration function(ProxyFunction handler) {
    return new FunctionIntegration(PayloadFormat.V1_0, handler);
  }

  /** A blocking payload 2.0 function, run on the handler executor. HTTP APIs only. */
  public static FunctionIntegration functionV2(ProxyFunctionV2 handler) {
    return new FunctionIntegration(PayloadFormat.V2_0, handler);
  }

  /** A non-blocking payload 1.0 function, called on the request's thread. */
  public static FunctionIntegration asyncFunction(AsyncProxyFunction handler) {
    return new FunctionIntegration(PayloadFormat.V1_0, handler);
  }

  /** A non-blocking payload 2.0 function, called on the request's thread. HTTP APIs only. */
  public static FunctionIntegration asyncFunctionV2(AsyncProxyFunctionV2 handler) {
    return new FunctionIntegration(PayloadFormat.V2_0, handler);
  }

  /** A blocking WebSocket route handler, run on the handler executor. WebSocket APIs only. */
  public static FunctionIntegration webSocketFunction(WebSocketFunction handler) {
    return new FunctionIntegration(PayloadFormat.WEBSOCKET, handler);
  }

  /** A non-blocking WebSocket route handler, called on the transport's thread. WebSocket APIs only. */
  public static FunctionIntegration asyncWebSocketFunction(AsyncWebSocketFunction handler) {
    return new FunctionIntegration(PayloadFormat.WEBSOCKET, handler);
  }

  /** A mock that answers with a status and no body. */
  public static MockIntegration mock(int status) {
    return new MockIntegration(status, Headers.empty(), "", null);
  }

  /** A mock that answers with a status and a JSON body. */
  public static MockIntegration mock(int status, String jsonBody) {
    return new MockIntegration(
        status, Headers.of(java.util.Map.of("Content-Type", "application/json")), jsonBody, null);
  }

  /** A mock that answers with a status, headers and a body. */
  public static MockIntegration mock(int status, Headers headers, String body) {
    return new MockIntegration(status, headers, body, null);
  }

  /** A mock whose answer is computed from each request. */
  public static MockIntegration mock(MockResponder responder) {
    return new MockIntegration(0, Headers.empty(), "", responder);
  }

  /**
   * An HTTP proxy (AWS's {@code HTTP_PROXY}): the request passes through to the URI, the backend's
   * answer back; see {@link HttpIntegration}.
   */
  public static HttpIntegration http(String uriTemplate) {
    return HttpIntegration.builder(uriTemplate, true).build();
  }

  /** An HTTP proxy with options: timeouts, TLS, mappings, circuit breaker, retry, bulkhead. */
  public static HttpIntegration http(String uriTemplate, Consumer<HttpIntegration.Builder> options) {
    HttpIntegration.Builder builder = HttpIntegration.builder(uriTemplate, true);
    options.accept(builder);
    return builder.build();
  }

  /**
   * A mapped HTTP integration (AWS's {@code HTTP}): only the body and the mapped parameters reach
   * the backend, and only the body and mapped headers come back; see {@link HttpIntegration}.
   *
   * <pre>{@code
   * Integrations.httpMapped("http://127.0.0.1:9000/orders/{orderId}", http -> http
   *     .method("POST")
   *     .requestParameter("integration.request.path.orderId", "method.request.header.x-order")
   *     .requestParameter("integration.request.header.x-user", "context.authorizer.principalId")
   *     .responseParameter("method.response.header.x-version", "integration.response.header.x-backend-version")
   *     .responseStatus("5\\d\\d", 502))
   * }</pre>
   */
  public static HttpIntegration httpMapped(String uriTemplate, Consumer<HttpIntegration.Builder> options) {
    HttpIntegration.Builder builder = HttpIntegration.builder(uriTemplate, false);
    options.accept(builder);
    return builder.build();
  }

  /** An integration the application writes itself; see {@link CustomIntegration}. */
  public static CustomIntegration custom(CustomIntegration integration) {
    return integration;
  }
}
