package dev.gatehouse.testing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

/** Real keys and JWTs signed with Nimbus, for authorizer tests. */
public final class TestTokens {
  private TestTokens() {}

  public static RSAKey rsaKey(String kid) {
    try {
      return new RSAKeyGenerator(2048).keyID(kid).generate();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  public static ECKey ecKey(String kid) {
    try {
      return new ECKeyGenerator(Curve.P_256).keyID(kid).generate();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Claims valid at {@code now} for an hour: issuer, audience, subject and the times. */
  public static JWTClaimsSet.Builder claims(String issuer, String audience, Instant now) {
    return new JWTClaimsSet.Builder()
        .issuer(issuer)
        .audience(audience)
        .subject("user-42")
        .issueTime(Date.from(now))
        .notBeforeTime(Date.from(now))
        .expirationTime(Date.from(now.plus(Duration.ofHours(1))));
  }

  /** A compact JWS of {@code claims} signed with {@code key} (RS256 for RSA, ES256 for EC), its kid in the header. */
  public static String sign(JWK key, JWTClaimsSet claims) {
    JWSAlgorithm algorithm = key instanceof ECKey ? JWSAlgorithm.ES256 : JWSAlgorithm.RS256;
    return sign(new JWSHeader.Builder(algorithm).keyID(key.getKeyID()).build(), claims, signer(key));
  }

  public static String sign(JWSHeader header, JWTClaimsSet claims, JWSSigner signer) {
    try {
      SignedJWT jwt = new SignedJWT(header, claims);
      jwt.sign(signer);
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  public static JWSSigner signer(JWK key) {
    try {
      if (key instanceof ECKey ec) {
        return new ECDSASigner(ec);
      }
      if (key instanceof RSAKey rsa) {
        return new RSASSASigner(rsa);
      }
      return new MACSigner(key.toOctetSequenceKey());
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A signer for HS256 with these bytes as the secret. */
  public static JWSSigner hmac(byte[] secret) {
    try {
      return new MACSigner(secret);
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }
}
