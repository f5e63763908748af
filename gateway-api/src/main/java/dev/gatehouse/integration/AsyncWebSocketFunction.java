package dev.gatehouse.integration;

import dev.gatehouse.event.ProxyResponseV1;
import dev.gatehouse.event.WebSocketEvent;
import java.util.concurrent.CompletionStage;

/**
 * A non-blocking WebSocket route handler: called on the transport's thread, it must not block and
 * completes its stage later; otherwise as {@link WebSocketFunction}.
 */
@FunctionalInterface
public interface AsyncWebSocketFunction {
  CompletionStage<ProxyResponseV1> handle(WebSocketEvent event);
}
