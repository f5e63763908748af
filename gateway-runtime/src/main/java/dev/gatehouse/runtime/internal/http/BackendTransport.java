package dev.gatehouse.runtime.internal.http;

import java.util.concurrent.CompletableFuture;

/**
 * Sends one request to an HTTP backend without blocking the caller. One transport serves every
 * integration with the same connect timeout and TLS settings, and pools its connections.
 */
interface BackendTransport {
  /** Answers up to this size are collected; larger ones, and those of unknown length, streamed. */
  long STREAM_ABOVE_BYTES = 64 * 1024;

  /** How a transport receives an answer's body, decided from its head. */
  enum BodyMode {
    /** Collected into an array: small, or no body at all. */
    COLLECT,
    /** Passed on as it arrives: large, or of unknown length (chunked, or until the close). */
    STREAM,
    /** Refused before a byte is read: the declared length is past the payload limit. */
    TOO_LARGE
  }

  /** The body mode of an answer with {@code status} and Content-Length {@code declared} (-1 for none). */
  static BodyMode bodyMode(String method, int status, long declared, long maxBodyBytes) {
    if (method.equals("HEAD") || status < 200 || status == 204 || status == 304) {
      return BodyMode.COLLECT;
    }
    if (declared > maxBodyBytes) {
      return BodyMode.TOO_LARGE;
    }
    return declared >= 0 && declared <= STREAM_ABOVE_BYTES ? BodyMode.COLLECT : BodyMode.STREAM;
  }

  /**
   * Sends {@code request}; the future completes with the backend's answer, or fails with
   * {@link BackendFailure} (refused, reset, malformed, too large) or a timeout. Cancelling the
   * future abandons the exchange.
   */
  CompletableFuture<BackendResponse> send(BackendRequest request);

  /** Releases the transport's connections and threads; requests in flight fail. */
  default void close() {}
}
