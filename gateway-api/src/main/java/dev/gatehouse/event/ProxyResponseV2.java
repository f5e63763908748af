package dev.gatehouse.event;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a payload 2.0 function returns when it sets the status itself. A 2.0 function may instead
 * return any other value (a {@code String}, a map, a record): the gateway then answers 200 with
 * {@code content-type: application/json} and that value as the body, as AWS does.
 *
 * @param statusCode the HTTP status
 * @param headers headers, values of repeated headers joined with commas; or {@code null}
 * @param cookies each becomes one {@code Set-Cookie} header; or {@code null}
 * @param body the body, as text or base64; {@code null} for none
 * @param isBase64Encoded whether {@code body} is base64 (a binary body)
 */
public record ProxyResponseV2(
    int statusCode,
    Map<String, String> headers,
    List<String> cookies,
    String body,
    boolean isBase64Encoded) {

  /** A response with a status and a text body and no headers. */
  public static ProxyResponseV2 of(int statusCode, String body) {
    return new ProxyResponseV2(statusCode, null, null, body, false);
  }

  public static Builder builder(int statusCode) {
    return new Builder(statusCode);
  }

  /** Collects one response; not thread-safe. */
  public static final class Builder {
    private final int statusCode;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private final List<String> cookies = new ArrayList<>();
    private String body;
    private boolean base64;

    private Builder(int statusCode) {
      this.statusCode = statusCode;
    }

    public Builder header(String name, String value) {
      headers.put(name, value);
      return this;
    }

    public Builder cookie(String setCookie) {
      cookies.add(setCookie);
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

    public ProxyResponseV2 build() {
      return new ProxyResponseV2(statusCode, java.util.Collections.unmodifiableMap(new LinkedHashMap<>(headers)), List.copyOf(cookies), body, base64);
    }
  }
}
