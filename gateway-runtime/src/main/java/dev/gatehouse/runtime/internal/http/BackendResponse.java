package dev.gatehouse.runtime.internal.http;

import dev.gatehouse.Headers;

/**
 * A backend's answer as received: status, every header field, and the body, either whole in
 * {@code body} or still arriving through {@code stream} (then {@code body} is empty).
 *
 * @param stream the body as it arrives, or {@code null} when it was collected
 */
record BackendResponse(int status, Headers headers, byte[] body, BodyStream stream) {
  private static final byte[] NO_BODY = new byte[0];

  /** An answer whose body was collected. */
  BackendResponse(int status, Headers headers, byte[] body) {
    this(status, headers, body, null);
  }

  /** An answer whose body is streamed. */
  BackendResponse(int status, Headers headers, BodyStream stream) {
    this(status, headers, NO_BODY, stream);
  }

  /** Lets a streamed body's backend go, for an answer that will not be sent. */
  void release() {
    if (stream != null) {
      stream.release();
    }
  }
}
