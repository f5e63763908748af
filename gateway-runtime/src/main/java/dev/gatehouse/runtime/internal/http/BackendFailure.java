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

  /**
   * The failure for {@code cause} from a client library, with a short message: Jetty's name the
   * whole connection state, hundreds of characters per log line.
   */
  static BackendFailure of(Throwable cause) {
    if (cause instanceof BackendFailure) {
      return (BackendFailure) cause;
    }
    String message = String.valueOf(cause.getMessage());
    int cut = message.indexOf("::");
    if (cut < 0 || cut > 160) {
      cut = Math.min(message.length(), 160);
    }
    return new BackendFailure(cause.getClass().getSimpleName() + ": " + message.substring(0, cut), cause);
  }
}
