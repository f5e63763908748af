package dev.gatehouse.integration;

import dev.gatehouse.event.ProxyEventV1;
import dev.gatehouse.event.ProxyResponseV1;

/**
 * A blocking function handler with payload format 1.0, run on the gateway's handler executor.
 * An exception or a {@code null} answer becomes 502 {@code Internal server error}.
 */
@FunctionalInterface
public interface ProxyFunction {
  ProxyResponseV1 handle(ProxyEventV1 event) throws Exception;
}
