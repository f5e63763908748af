package dev.gatehouse.iam;

import java.time.Instant;
import java.util.Objects;

/**
 * What a {@link dev.gatehouse.spi.CredentialsProvider} knows of an access key: its secret, its
 * principal and, for temporary credentials, the session token every request must carry and when
 * they expire. {@link #toString()} never shows the secret or the token.
 *
 * <pre>{@code
 * Credentials demo = Credentials.longTerm("AKIDEXAMPLE", "demo-secret-not-for-production",
 *     IamPrincipal.of("arn:aws:iam::123456789012:user/alice", "AIDAEXAMPLEALICE"));
 * }</pre>
 *
 * @param accessKeyId the key ID that requests name in their credential scope
 * @param secretKey the secret that signs; never logged
 * @param principal who signs with this key
 * @param sessionToken the token of temporary credentials ({@code X-Amz-Security-Token}), or
 *     {@code null} for long-term keys
 * @param expiration when temporary credentials stop working, or {@code null} for never
 */
public record Credentials(String accessKeyId, String secretKey, IamPrincipal principal, String sessionToken,
    Instant expiration) {

  public Credentials {
    if (accessKeyId == null || accessKeyId.isBlank()) {
      throw new IllegalArgumentException("accessKeyId: " + (accessKeyId == null ? "null" : "\"\"")
          + " (expected: a non-blank key ID)");
    }
    if (secretKey == null || secretKey.isEmpty()) {
      throw new IllegalArgumentException("credentials " + accessKeyId + ": secretKey: "
          + (secretKey == null ? "null" : "\"\"") + " (expected: a non-empty secret)");
    }
    Objects.requireNonNull(principal, "principal");
    if (sessionToken != null && sessionToken.isEmpty()) {
      throw new IllegalArgumentException("credentials " + accessKeyId
          + ": sessionToken: \"\" (expected: the token, or null for long-term credentials)");
    }
  }

  /** Long-term credentials, as an IAM user's access key. */
  public static Credentials longTerm(String accessKeyId, String secretKey, IamPrincipal principal) {
    return new Credentials(accessKeyId, secretKey, principal, null, null);
  }

  /** Temporary credentials, as STS issues them: valid only with {@code sessionToken}, until {@code expiration}. */
  public static Credentials temporary(String accessKeyId, String secretKey, String sessionToken,
      IamPrincipal principal, Instant expiration) {
    Objects.requireNonNull(sessionToken, "sessionToken");
    return new Credentials(accessKeyId, secretKey, principal, sessionToken, expiration);
  }

  @Override
  public String toString() {
    return "Credentials[accessKeyId=" + accessKeyId + ", principal=" + principal.arn()
        + (sessionToken == null ? "" : ", temporary until " + expiration) + "]";
  }
}
