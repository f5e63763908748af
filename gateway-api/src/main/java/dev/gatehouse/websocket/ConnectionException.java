package dev.gatehouse.websocket;

/**
 * Why an {@code @connections} call failed, with the status and error type AWS's management API
 * answers it with ({@code x-amzn-ErrorType}), so that its clients understand the HTTP endpoint.
 */
public final class ConnectionException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The failures AWS's management API names. */
  public enum Kind {
    /** The connection is closed, or never existed. */
    GONE(410, "GoneException"),
    /** The data is larger than the API's message limit (128 KB by default). */
    PAYLOAD_TOO_LARGE(413, "PayloadTooLargeException"),
    /** The client is not reading: its send buffer is full. */
    LIMIT_EXCEEDED(429, "LimitExceededException"),
    /** The caller may not manage connections. */
    FORBIDDEN(403, "ForbiddenException");

    private final int status;
    private final String errorType;

    Kind(int status, String errorType) {
      this.status = status;
      this.errorType = errorType;
    }

    public int status() {
      return status;
    }

    public String errorType() {
      return errorType;
    }
  }

  private final Kind kind;

  public ConnectionException(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
