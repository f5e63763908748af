package dev.gatehouse.cache;

import dev.gatehouse.Headers;
import java.time.Instant;
import java.util.Objects;

/**
 * One answer in a response cache: what the integration answered and until when it may be served.
 *
 * @param status the status
 * @param headers the headers as the integration answered them
 * @param body the body; never changed once stored
 * @param expiresAt when the entry stops being served
 */
public record CachedResponse(int status, Headers headers, byte[] body, Instant expiresAt) {
  public CachedResponse {
    Objects.requireNonNull(headers, "headers");
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(expiresAt, "expiresAt");
  }

  /** The bytes it takes in a cache: the body, the headers and a small fixed cost. */
  public long weight() {
    long weight = 64L + body.length;
    for (var entry : headers.toMultiMap().entrySet()) {
      weight += entry.getKey().length();
      for (String value : entry.getValue()) {
        weight += value.length() + 16;
      }
    }
    return weight;
  }
}
