package dev.gatehouse.integration;

import java.util.List;

/**
 * An in-process function, AWS's Lambda proxy integration without the JSON round trip: the handler
 * receives the event object itself. Create one with {@code Integrations.function(...)}.
 *
 * @param payloadFormat the event and response format
 * @param handler one of {@link ProxyFunction}, {@link ProxyFunctionV2}, {@link AsyncProxyFunction},
 *     {@link AsyncProxyFunctionV2}, matching {@code payloadFormat}
 */
public record FunctionIntegration(PayloadFormat payloadFormat, Object handler) implements Integration {

  /** Whether the handler blocks and so runs on the handler executor. */
  public boolean blocking() {
    return handler instanceof ProxyFunction || handler instanceof ProxyFunctionV2;
  }

  @Override
  public List<String> problems() {
    return handler == null ? List.of("handler: null (expected: a function)") : List.of();
  }

  @Override
  public String toString() {
    return "function(" + payloadFormat.version() + (blocking() ? ", blocking" : ", async") + ")";
  }
}
