package dev.gatehouse;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * One HTTP response as the gateway hands it back to an adapter: status, header fields and body.
 * Immutable; the adapter writes it as is.
 */
public final class GatewayResponse {
  private static final ByteBuffer NO_BODY = ByteBuffer.allocate(0).asReadOnlyBuffer();

  private final int status;
  private final Headers headers;
  private final ByteBuffer body;

  private GatewayResponse(int status, Headers headers, ByteBuffer body) {
    this.status = status;
    this.headers = headers;
    this.body = body;
  }

  public static Builder builder(int status) {
    return new Builder(status);
  }

  public int status() {
    return status;
  }

  public Headers headers() {
    return headers;
  }

  /** The body as a read-only view; empty when there is none. */
  public ByteBuffer body() {
    return body.duplicate();
  }

  public int bodyLength() {
    return body.remaining();
  }

  /** The body decoded as UTF-8. */
  public String bodyAsString() {
    return StandardCharsets.UTF_8.decode(body.duplicate()).toString();
  }

  public Builder toBuilder() {
    Builder builder = new Builder(status);
    builder.headers = headers.toBuilder();
    builder.body = body;
    return builder;
  }

  @Override
  public String toString() {
    return "GatewayResponse[" + status + ", " + headers + ", " + bodyLength() + " bytes]";
  }

  /** Collects one response; not thread-safe. */
  public static final class Builder {
    private int status;
    private Headers.Builder headers = Headers.builder();
    private ByteBuffer body = NO_BODY;

    private Builder(int status) {
      status(status);
    }

    /** @throws IllegalArgumentException unless {@code 100 <= status <= 599} */
    public Builder status(int status) {
      if (status < 100 || status > 599) {
        throw new IllegalArgumentException("status: " + status + " (expected: 100..599)");
      }
      this.status = status;
      return this;
    }

    public Builder header(String name, String value) {
      headers.add(name, value);
      return this;
    }

    public Builder setHeader(String name, String value) {
      headers.set(name, value);
      return this;
    }

    public Builder headers(Headers all) {
      all.forEach(headers::add);
      return this;
    }

    /** Whether a header of this name has been added. */
    public boolean hasHeader(String name) {
      return headers.contains(name);
    }

    /** Sets the body; the response takes ownership of the array and never copies it. */
    public Builder body(byte[] body) {
      this.body = ByteBuffer.wrap(Objects.requireNonNull(body, "body")).asReadOnlyBuffer();
      return this;
    }

    public Builder body(String utf8) {
      return body(utf8.getBytes(StandardCharsets.UTF_8));
    }

    public GatewayResponse build() {
      return new GatewayResponse(status, headers.build(), body);
    }
  }
}
