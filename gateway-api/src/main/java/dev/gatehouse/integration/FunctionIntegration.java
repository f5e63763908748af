package dev.gatehouse.integration;

import java.util.ArrayList;
import java.util.List;

/**
 * An in-process function, AWS's Lambda proxy integration without the JSON round trip: the handler
 * receives the event object itself. Create one with {@code Integrations.function(...)}.
 *
 * @param payloadFormat the event and response format
 * @param handler one of {@link ProxyFunction}, {@link ProxyFunctionV2}, {@link AsyncProxyFunction},
 *     {@link AsyncProxyFunctionV2}, {@link WebSocketFunction}, {@link AsyncWebSocketFunction},
 *     matching {@code payloadFormat}
 */
public record FunctionIntegration(PayloadFormat payloadFormat, Object handler) implements Integration {

  /** Whether the handler blocks and so runs on the handler executor. */
  public boolean blocking() {
    return handler instanceof ProxyFunction || handler instanceof ProxyFunctionV2
        || handler instanceof WebSocketFunction;
  }

  @Override
  public List<String> problems() {
    List<String> problems = new ArrayList<>();
    if (payloadFormat == null) {
      problems.add("payloadFormat: null (expected: V1_0, V2_0 or WEBSOCKET)");
    }
    if (handler == null) {
      problems.add("handler: null (expected: a function)");
    } else if (payloadFormat == PayloadFormat.V1_0 && !(handler instanceof ProxyFunction
        || handler instanceof AsyncProxyFunction)) {
      problems.add("handler: " + kind(handler)
          + " (expected: ProxyFunction or AsyncProxyFunction for payload format 1.0)");
    } else if (payloadFormat == PayloadFormat.V2_0 && !(handler instanceof ProxyFunctionV2
        || handler instanceof AsyncProxyFunctionV2)) {
      problems.add("handler: " + kind(handler)
          + " (expected: ProxyFunctionV2 or AsyncProxyFunctionV2 for payload format 2.0)");
    } else if (payloadFormat == PayloadFormat.WEBSOCKET && !(handler instanceof WebSocketFunction
        || handler instanceof AsyncWebSocketFunction)) {
      problems.add("handler: " + kind(handler)
          + " (expected: WebSocketFunction or AsyncWebSocketFunction for WebSocket events)");
    }
    return problems;
  }

  @Override
  public String toString() {
    return "function(" + (payloadFormat == null ? null : payloadFormat.version())
        + (blocking() ? ", blocking" : ", async") + ")";
  }

  /** The handler interface a handler implements, or its class: lambdas' class names say nothing. */
  private static String kind(Object handler) {
    for (Class<?> type : List.of(ProxyFunction.class, AsyncProxyFunction.class, ProxyFunctionV2.class,
        AsyncProxyFunctionV2.class, WebSocketFunction.class, AsyncWebSocketFunction.class)) {
      if (type.isInstance(handler)) {
        return type.getSimpleName();
      }
    }
    return handler.getClass().getName();
  }
}
