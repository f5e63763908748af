package dev.gatehouse.runtime.internal.http;

import java.util.concurrent.CompletableFuture;

/**
 * Sends one request to an HTTP backend without blocking the caller. One transport serves every
 * integration with the same connect timeout and TLS settings, and pools its connections.
 */
interface BackendTransport {
  /**
   * Sends {@code request}; the future completes with the backend's answer, or fails with
   * {@link BackendFailure} (refused, reset, malformed, too large) or a timeout. Cancelling the
   * future abandons the exchange.
   */
  CompletableFuture<BackendResponse> send(BackendRequest request);

  /** Releases the transport's connections and threads; requests in flight fail. */
  default void close() {}
}
