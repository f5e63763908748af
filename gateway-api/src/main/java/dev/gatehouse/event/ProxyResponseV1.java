package dev.gatehouse.event;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a payload 1.0 function returns: AWS's Lambda proxy response. {@code headers} and
 * {@code multiValueHeaders} are merged, as AWS merges them; a status outside 100..599 or a header
 * with a line break makes the gateway answer 502.
 *
 * <pre>{@code
 * return ProxyResponseV1.builder(200)
 *     .header("Content-Type", "application/json")
 *     .body("{\"id\":7}")
 *     .build();
 * }</pre>
 *
 * @param statusCode the HTTP status
 * @param headers single-value headers, or {@code null}
 * @param multiValueHeaders multi-value headers, or {@code null}
 * @param body the body, as text or base64; {@code null} for none
 * @param isBase64Encoded whether {@code body} is base64 (a binary body)
 */
public record ProxyResponseV1(
    int statusCode,
    Map<String, String> headers,
    Map<String, List<String>> multiValueHeaders,
    String body,
    boolean isBase64Encoded) {

  /** A response with a status and a text body and no headers. */
  public static ProxyResponseV1 of(int statusCode, String body) {
    return new ProxyResponseV1(statusCode, null, null, body, false);
  }

  public static Builder builder(int statusCode) {
    return new Builder(statusCode);
  }

  /** Collects one response; not thread-safe. */
  public static final class Builder {
    private final int statusCode;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private final Map<String, List<String>> multiValueHeaders = new LinkedHashMap<>();
    private String body;
    private boolean base64;

    private Builder(int statusCode) {
      this.statusCode = statusCode;
    }

    public Builder header(String name, String value) {
      headers.put(name, value);
      return this;
    }

    /** Adds one more value for a header, sent as a repeated field. */
    public Builder addHeader(String name, String value) {
      multiValueHeaders.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
      return this;
    }

    public Builder body(String body) {
      this.body = body;
      this.base64 = false;
      return this;
    }

    /** Sets a binary body, sent base64-encoded as AWS does. */
    public Builder body(byte[] binary) {
      this.body = java.util.Base64.getEncoder().encodeToString(binary);
      this.base64 = true;
      return this;
    }

    public ProxyResponseV1 build() {
      Map<String, List<String>> multi = new LinkedHashMap<>();
      multiValueHeaders.forEach((k, v) -> multi.put(k, List.copyOf(v)));
      return new ProxyResponseV1(statusCode, java.util.Collections.unmodifiableMap(new LinkedHashMap<>(headers)),
          java.util.Collections.unmodifiableMap(multi), body, base64);
    }
  }
}
