package dev.gatehouse.runtime.internal.iam;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.gatehouse.iam.Credentials;
import java.time.Duration;

/**
 * The signing keys of the day, remembered: a key is four HMACs of the secret, the same for every
 * request a client signs that day in that region for that service. Bounded, and keyed by the secret
 * too, so that a rotated secret never meets its predecessor's key. Kept in memory only, as the secrets
 * themselves are.
 */
final class SigningKeys {
  private record Scope(String accessKeyId, String secretKey, String date, String region, String service) {
    @Override
    public String toString() {
      return "Scope[" + accessKeyId + "/" + date + "/" + region + "/" + service + "]";
    }
  }

  private final Cache<Scope, byte[]> keys = Caffeine.newBuilder()
      .maximumSize(10_000)
      .expireAfterWrite(Duration.ofHours(25))
      .build();

  /** The key {@code credentials} sign with in {@code signed}'s scope. */
  byte[] of(Credentials credentials, SignedRequest signed) {
    Scope scope = new Scope(credentials.accessKeyId(), credentials.secretKey(), signed.scopeDate(), signed.region(),
        signed.service());
    return keys.get(scope, s -> SigV4.signingKey(s.secretKey(), s.date(), s.region(), s.service()));
  }
}
