package dev.gatehouse.runtime.internal.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.CachingJWKSetSource;
import com.nimbusds.jose.jwk.source.ImmutableSecret;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.nimbusds.jwt.proc.ExpiredJWTException;
import dev.gatehouse.authorizer.JwtAuthorizer;
import java.net.MalformedURLException;
import java.text.ParseException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Verifies tokens for one JWT authorizer with Nimbus: a {@link DefaultJWTProcessor} over the
 * issuer's JWKS ({@link JWKSourceBuilder}: cached, refetched for an unknown {@code kid} at most once
 * per the minimum interval, the last keys kept through an outage) and the claims checks of
 * {@link JwtClaimsChecks}. Verified tokens are remembered in a bounded Caffeine cache until their
 * {@code exp} (or the authorizer's TTL); a key that leaves the JWKS takes its tokens out of it.
 *
 * <p>Signature checks and JWKS fetches run on {@code executor}, never on the request's thread: a
 * fetch blocks, and ES256 costs most of a millisecond. A remembered token is answered inline.
 */
final class JwtVerifier {
  /** Longer tokens are refused unparsed: AWS's whole header section is 10 KB. */
  static final int MAX_TOKEN_CHARS = 16 * 1024;
  private static final Logger LOG = LoggerFactory.getLogger(JwtVerifier.class);
  private static final int JWKS_TIMEOUT_MILLIS = 2_000;
  private static final int JWKS_SIZE_LIMIT = 512 * 1024;
  /** How long the last keys keep working while the JWKS endpoint is down. */
  private static final long OUTAGE_TOLERANCE_MILLIS = 24L * 60 * 60 * 1000;

  private final JwtAuthorizer definition;
  private final Clock clock;
  private final Executor executor;
  private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
  private final JwtClaimsChecks checks;
  private final Cache<String, Remembered> verified;

  /** A verified token: its verdict, the key that signed it, and when it expires. */
  private record Remembered(Verdict verdict, String kid, long expiresAtMillis) {}

  JwtVerifier(JwtAuthorizer definition, Clock clock, Executor executor) {
    this.definition = definition;
    this.clock = clock;
    this.executor = executor;
    this.checks = new JwtClaimsChecks(definition, clock);
    processor.setJWSKeySelector(JwsPolicy.keySelector(definition.algorithms(), keys(definition)));
    processor.setJWSTypeVerifier(JwsPolicy.TYPES);
    processor.setJWTClaimsSetVerifier(checks);
    this.verified = definition.verifiedTokenCacheSize() == 0 ? null : Caffeine.newBuilder()
        .maximumSize(definition.verifiedTokenCacheSize())
        .ticker(() -> clock.millis() * 1_000_000L)
        .expireAfter(Expiry.<String, Remembered>creating((token, remembered) ->
            java.time.Duration.ofMillis(Math.max(0, remembered.expiresAtMillis() - clock.millis()))))
        .executor(Runnable::run)
        .build();
  }

  /** The verdict on a token verified before and not expired since, or {@code null}. */
  Verdict remembered(String token) {
    if (verified == null) {
      return null;
    }
    Remembered remembered = verified.getIfPresent(token);
    return remembered != null && remembered.expiresAtMillis() > clock.millis() ? remembered.verdict() : null;
  }

  /** How many verified tokens are remembered now; for tests of the bound. */
  long rememberedCount() {
    if (verified == null) {
      return 0;
    }
    verified.cleanUp();
    return verified.estimatedSize();
  }

  /** Verifies {@code token} on the executor. */
  CompletionStage<Verdict> verify(String token) {
    return CompletableFuture.supplyAsync(() -> verifyNow(token), executor);
  }

  Verdict verifyNow(String token) {
    if (token.length() > MAX_TOKEN_CHARS) {
      return Verdict.refused("the token is too large");
    }
    if (!JwsPolicy.isStrictCompact(token)) {
      return Verdict.refused("the token is not a JWT");
    }
    try {
      JWT jwt = JWTParser.parse(token);
      JWTClaimsSet claims = processor.process(jwt, null);
      String problem = checks.audienceAndUse(claims);
      if (problem != null) {
        return Verdict.refused(problem);
      }
      Verdict verdict = Verdict.admitted(JwtClaimsChecks.authorization(claims));
      remember(token, jwt, claims, verdict);
      return verdict;
    } catch (ExpiredJWTException e) {
      return Verdict.refused("the token has expired");
    } catch (BadJWTException e) {
      return refused(e, "the token's claims are not valid: " + e.getMessage());
    } catch (ParseException e) {
      return refused(e, "the token is not a JWT");
    } catch (BadJOSEException | JOSEException e) {
      return refused(e, "the token's signature is not valid");
    } catch (RuntimeException e) {
      // Nimbus rejects some malformed inputs with unchecked exceptions; a bad token is never a 500
      return refused(e, "the token is not valid");
    }
  }

  private Verdict refused(Exception e, String problem) {
    LOG.debug("authorizer {}: token refused: {}", definition.name(), e.toString());
    return Verdict.refused(problem);
  }

  private void remember(String token, JWT jwt, JWTClaimsSet claims, Verdict verdict) {
    if (verified == null || claims.getExpirationTime() == null) {
      return;
    }
    long until = Math.min(claims.getExpirationTime().getTime(), clock.millis() + definition.verifiedTokenTtl().toMillis());
    String kid = jwt instanceof SignedJWT signed ? signed.getHeader().getKeyID() : null;
    verified.put(token, new Remembered(verdict, kid, until));
  }

  /** Forgets tokens signed by keys no longer in the issuer's JWKS. */
  private void keysRefreshed(JWKSet keys) {
    if (verified == null) {
      return;
    }
    Set<String> kids = new HashSet<>();
    for (JWK key : keys.getKeys()) {
      kids.add(key.getKeyID());
    }
    verified.asMap().values().removeIf(remembered -> remembered.kid() != null && !kids.contains(remembered.kid()));
  }

  private JWKSource<SecurityContext> keys(JwtAuthorizer definition) {
    List<JWKSource<SecurityContext>> sources = new ArrayList<>();
    if (definition.jwksUri() != null) {
      sources.add(remoteKeys(definition));
    }
    if (definition.hmacSecret() != null) {
      sources.add(new ImmutableSecret<>(definition.hmacSecret().bytes()));
    }
    if (sources.size() == 1) {
      return sources.get(0);
    }
    return (selector, context) -> {
      List<JWK> all = new ArrayList<>();
      for (JWKSource<SecurityContext> source : sources) {
        all.addAll(source.get(selector, context));
      }
      return all;
    };
  }

  private JWKSource<SecurityContext> remoteKeys(JwtAuthorizer definition) {
    try {
      long ttl = definition.jwksCacheTtl().toMillis();
      long minInterval = definition.jwksMinRefreshInterval().toMillis();
      JWKSourceBuilder<SecurityContext> builder = JWKSourceBuilder.<SecurityContext>create(
              definition.jwksUri().toURL(),
              new DefaultResourceRetriever(JWKS_TIMEOUT_MILLIS, JWKS_TIMEOUT_MILLIS, JWKS_SIZE_LIMIT))
          .cache(ttl, JWKS_TIMEOUT_MILLIS, event -> {
            if (event instanceof CachingJWKSetSource.RefreshCompletedEvent<SecurityContext> done) {
              keysRefreshed(done.getJWKSet());
            }
          })
          .refreshAheadCache(false)
          .retrying(false)
          .outageTolerant(OUTAGE_TOLERANCE_MILLIS);
      return (minInterval > 0 ? builder.rateLimited(minInterval) : builder.rateLimited(false)).build();
    } catch (MalformedURLException e) {
      throw new IllegalArgumentException("authorizer " + definition.name() + ": jwksUri " + definition.jwksUri(), e);
    }
  }
}
