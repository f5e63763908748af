package dev.gatehouse.integration;

import dev.gatehouse.event.ProxyEventV2;
import java.util.concurrent.CompletionStage;

/**
 * A non-blocking function handler with payload format 2.0: called on the request's thread, it must
 * not block. Its stage completes with what a {@link ProxyFunctionV2} would return.
 */
@FunctionalInterface
public interface AsyncProxyFunctionV2 {
  CompletionStage<?> handle(ProxyEventV2 event);
}
