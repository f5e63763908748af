package dev.gatehouse.runtime.internal.auth;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyOperation;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which signatures a JWT authorizer accepts, as Nimbus objects: only the compact serialization in
 * strict base64url (no padding, spaces or stray characters, which Nimbus's decoder would skip and
 * so let two spellings share one signature); only the configured algorithms (so never
 * {@code none}, and HMAC only where a secret is configured); only keys from the configured source
 * (a token's own {@code jwk}, {@code jku} or {@code x5u} header is never followed) that are meant
 * for signatures ({@code use} not {@code enc}, {@code key_ops} absent or with {@code verify}); and a
 * {@code typ} of {@code JWT}, {@code at+jwt} (RFC 9068 access tokens) or none.
 */
final class JwsPolicy {
  static final JOSEObjectTypeVerifier<SecurityContext> TYPES =
      new DefaultJOSEObjectTypeVerifier<>(JOSEObjectType.JWT, new JOSEObjectType("at+jwt"), null);

  private JwsPolicy() {}

  static JWSVerificationKeySelector<SecurityContext> keySelector(Set<String> algorithms, JWKSource<SecurityContext> keys) {
    JWKSource<SecurityContext> signingKeys = (selector, context) -> keys.get(selector, context).stream()
        .filter(JwsPolicy::isSigningKey)
        .toList();
    return new JWSVerificationKeySelector<>(
        algorithms.stream().map(JWSAlgorithm::parse).collect(Collectors.toSet()), signingKeys);
  }

  /**
   * Three parts of canonical base64url, as the compact serialization has: only the 64 letters, no
   * padding, and no stray bits in a part's last letter (so that no two spellings decode alike).
   */
  static boolean isStrictCompact(String token) {
    int dots = 0;
    int partStart = 0;
    for (int i = 0; i <= token.length(); i++) {
      char c = i < token.length() ? token.charAt(i) : '.';
      if (c == '.') {
        if (!isCanonicalTail(token, partStart, i)) {
          return false;
        }
        dots++;
        partStart = i + 1;
      } else if (sextet(c) < 0) {
        return false;
      }
    }
    return dots == 3 && token.charAt(0) != '.';
  }

  /** A part of {@code length % 4 == 1} cannot be base64; 2 or 3 leave 4 or 2 bits that must be zero. */
  private static boolean isCanonicalTail(String token, int start, int end) {
    int length = end - start;
    return switch (length % 4) {
      case 1 -> false;
      case 2 -> (sextet(token.charAt(end - 1)) & 0x0f) == 0;
      case 3 -> (sextet(token.charAt(end - 1)) & 0x03) == 0;
      default -> true;
    };
  }

  private static int sextet(char c) {
    if (c >= 'A' && c <= 'Z') {
      return c - 'A';
    }
    if (c >= 'a' && c <= 'z') {
      return c - 'a' + 26;
    }
    if (c >= '0' && c <= '9') {
      return c - '0' + 52;
    }
    return c == '-' ? 62 : c == '_' ? 63 : -1;
  }

  private static boolean isSigningKey(JWK key) {
    if (key.getKeyUse() != null && !KeyUse.SIGNATURE.equals(key.getKeyUse())) {
      return false;
    }
    return key.getKeyOperations() == null || key.getKeyOperations().contains(KeyOperation.VERIFY);
  }
}
