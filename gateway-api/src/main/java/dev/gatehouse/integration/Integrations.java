package dev.gatehouse.integration;

import dev.gatehouse.Headers;

/**
 * Factories for the integrations a route can use.
 *
 * <pre>{@code
 * api.route("GET /pets/{id}", Integrations.function(Pets::get))
 *    .route("GET /ping", Integrations.mock(200, "{\"ok\":true}"));
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
}
