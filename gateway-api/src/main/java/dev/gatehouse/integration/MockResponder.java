package dev.gatehouse.integration;

import dev.gatehouse.GatewayResponse;

/**
 * Computes a mock integration's answer from the request, on the request's thread: it must be quick
 * and must not block. An exception or a {@code null} answer becomes 502.
 */
@FunctionalInterface
public interface MockResponder {
  GatewayResponse respond(MockRequest request);
}
