package dev.gatehouse;

import java.util.Objects;

/**
 * An API's replacement for one gateway response type (or a {@code DEFAULT_4XX}/{@code DEFAULT_5XX}
 * family), as AWS's {@code PutGatewayResponse}: each part left unset keeps the default.
 *
 * @param status the status, or {@code null} to keep the type's own
 * @param headers headers added to the response
 * @param body the body to send instead of {@code {"message":"..."}}, or {@code null}
 */
public record GatewayResponseOverride(Integer status, Headers headers, String body) {
  public GatewayResponseOverride {
    Objects.requireNonNull(headers, "headers");
  }

  Builder toBuilder() {
    Builder builder = new Builder();
    builder.status = status;
    headers.forEach(builder.headers::add);
    builder.body = body;
    return builder;
  }

  /** Collects one override; not thread-safe. */
  public static final class Builder {
    private Integer status;
    private final Headers.Builder headers = Headers.builder();
    private String body;

    Builder() {}

    public Builder status(int status) {
      this.status = status;
      return this;
    }

    public Builder header(String name, String value) {
      headers.add(name, value);
      return this;
    }

    /** The body, sent as is with the type's content type ({@code application/json} by default). */
    public Builder body(String body) {
      this.body = body;
      return this;
    }

    GatewayResponseOverride collect(Problems problems) {
      if (status != null && (status < 100 || status > 599)) {
        problems.add("status", status, "100..599");
      }
      return new GatewayResponseOverride(status, headers.build(), body);
    }
  }
}
