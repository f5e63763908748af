package dev.gatehouse.runtime.internal.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.RSAKey;
import dev.gatehouse.authorizer.Authorizers;
import dev.gatehouse.authorizer.JwtAuthorizer;
import dev.gatehouse.testing.JwksServer;
import dev.gatehouse.testing.ManualClock;
import dev.gatehouse.testing.TestTokens;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The verified-token cache: what it remembers, for how long, and how many. */
class JwtVerifierTest {
  private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
  private static final String ISSUER = "https://login.example.com";
  private static final RSAKey KEY = TestTokens.rsaKey("k1");

  private final ManualClock clock = new ManualClock(NOW);
  private final JwksServer jwks = new JwksServer(KEY);

  @AfterEach
  void close() {
    jwks.close();
  }

  private JwtVerifier verifier(JwtAuthorizer.Builder builder) {
    return new JwtVerifier(builder.issuer(ISSUER).audience("api").jwksUri(jwks.uri()).build(), clock, Runnable::run);
  }

  private static String token(String subject) {
    return TestTokens.sign(KEY, TestTokens.claims(ISSUER, "api", NOW).subject(subject).build());
  }

  @Test
  void aVerifiedTokenIsRememberedWithoutFetchingOrCheckingAgainUntilTheTtl() {
    JwtVerifier verifier = verifier(Authorizers.jwt("users").verifiedTokenCache(100, Duration.ofMinutes(5)));
    String token = token("u1");
    assertThat(verifier.remembered(token)).isNull();

    assertThat(verifier.verifyNow(token).isAdmitted()).isTrue();
    jwks.down(true);

    assertThat(verifier.remembered(token)).isNotNull()
        .satisfies(verdict -> assertThat(verdict.authorization().principalId()).isEqualTo("u1"));
    clock.advance(Duration.ofMinutes(5));
    assertThat(verifier.remembered(token)).as("past the TTL").isNull();
  }

  @Test
  void aRememberedTokenIsNeverKeptPastItsExp() {
    JwtVerifier verifier = verifier(Authorizers.jwt("users").verifiedTokenCache(100, Duration.ofDays(1)));
    String token = token("u1");
    verifier.verifyNow(token);

    clock.advance(Duration.ofMinutes(59));
    assertThat(verifier.remembered(token)).isNotNull();
    clock.advance(Duration.ofMinutes(1));
    assertThat(verifier.remembered(token)).isNull();
  }

  @Test
  void theCacheHoldsAtMostItsSizeAndCanBeTurnedOff() {
    JwtVerifier bounded = verifier(Authorizers.jwt("users").verifiedTokenCache(3, Duration.ofMinutes(5)));
    JwtVerifier off = verifier(Authorizers.jwt("users").noVerifiedTokenCache());
    for (int i = 0; i < 20; i++) {
      String token = token("u" + i);
      bounded.verifyNow(token);
      off.verifyNow(token);
      assertThat(off.remembered(token)).isNull();
    }

    assertThat(bounded.rememberedCount()).isLessThanOrEqualTo(3);
    assertThat(off.rememberedCount()).isZero();
  }

  @Test
  void refusedTokensAreNotRemembered() {
    JwtVerifier verifier = verifier(Authorizers.jwt("users"));
    String foreign = TestTokens.sign(TestTokens.rsaKey("k1"), TestTokens.claims(ISSUER, "api", NOW).build());

    assertThat(verifier.verifyNow(foreign).isAdmitted()).isFalse();
    assertThat(verifier.remembered(foreign)).isNull();
  }
}
