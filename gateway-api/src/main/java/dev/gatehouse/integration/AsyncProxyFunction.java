package dev.gatehouse.integration;

import dev.gatehouse.event.ProxyEventV1;
import dev.gatehouse.event.ProxyResponseV1;
import java.util.concurrent.CompletionStage;

/**
 * A non-blocking function handler with payload format 1.0: called on the request's thread, it must
 * not block and completes its stage later. A failed stage becomes 502.
 */
@FunctionalInterface
public interface AsyncProxyFunction {
  CompletionStage<ProxyResponseV1> handle(ProxyEventV1 event);
}
