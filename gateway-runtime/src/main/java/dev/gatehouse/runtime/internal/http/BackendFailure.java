package dev.gatehouse.runtime.internal.http;

import java.io.IOException;

/**
 * A backend call that failed below HTTP or with an answer the gateway cannot pass on: refused,
 * reset, malformed or too large. The message is for logs only; it may name the backend.
 */
final class BackendFailure extends IOException {
  private static final long serialVersionUID = 1L;

  BackendFailure(String message, Throwable cause) {
    super(message, cause);
  }
}
