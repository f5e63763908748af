package dev.gatehouse.authorizer;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A JWT (OAuth 2.0 / OpenID Connect) authorizer, as AWS's HTTP API JWT authorizer: the token from
 * the identity source ({@code Authorization}, with or without {@code Bearer }, by default) must be a
 * JWS signed by a key of the issuer's JWKS with an allowed algorithm, with {@code iss} equal to the
 * issuer, {@code aud} or {@code client_id} among the audiences, {@code exp} in the future and
 * {@code nbf}/{@code iat} not in it (give or take the clock skew). A route's scopes, if any, must meet
 * the token's {@code scope} or {@code scp} in at least one scope. Create one with
 * {@link Authorizers#jwt} or {@link Authorizers#cognito}.
 *
 * <pre>{@code
 * api.authorizer(Authorizers.jwt("users")
 *         .issuer("https://login.example.com")
 *         .audience("petstore")
 *         .jwksUri(URI.create("https://login.example.com/.well-known/jwks.json")))
 *     .route("POST /pets", create, route -> route.authorizer("users").scopes("pets:write"));
 * }</pre>
 *
 * <p>Beyond AWS, a token already verified is accepted again from a bounded cache until its
 * {@code exp} (or {@link #verifiedTokenTtl()}, if shorter), without a second signature check.
 *
 * @param name the name routes use
 * @param issuer the exact {@code iss} required
 * @param audiences accepted {@code aud} or {@code client_id} values, at least one
 * @param jwksUri where the issuer's signing keys are published, or {@code null} with an HMAC secret
 * @param algorithms the JWS algorithms accepted; never {@code none}; HMAC ones only with a secret
 * @param hmacSecret the shared secret for HS256/HS384/HS512, or {@code null}; never printed
 * @param clockSkew how far {@code exp}, {@code nbf} and {@code iat} may be off; 60 seconds by default, as
 *     Nimbus's, so that a token issued this very second is already valid
 * @param identitySource where the token is
 * @param tokenUses accepted values of Cognito's {@code token_use} claim; empty to not check it
 * @param verifiedTokenCacheSize how many verified tokens are remembered; 0 turns the cache off
 * @param verifiedTokenTtl the longest a verified token is accepted without a new check
 * @param jwksCacheTtl how long fetched keys are used before the JWKS is fetched again; while the
 *     endpoint is down, the last keys keep working
 * @param jwksMinRefreshInterval the shortest time between two fetches caused by a token whose
 *     {@code kid} is unknown, so that made-up key ids cannot hammer the issuer; zero for no limit
 */
public record JwtAuthorizer(
    String name,
    String issuer,
    Set<String> audiences,
    URI jwksUri,
    Set<String> algorithms,
    Secret hmacSecret,
    Duration clockSkew,
    IdentitySource identitySource,
    Set<String> tokenUses,
    long verifiedTokenCacheSize,
    Duration verifiedTokenTtl,
    Duration jwksCacheTtl,
    Duration jwksMinRefreshInterval) implements AuthorizerDefinition {

  /** The algorithms accepted unless others are given: RS256 and ES256, as identity providers sign. */
  public static final Set<String> DEFAULT_ALGORITHMS =
      Collections.unmodifiableSet(new LinkedHashSet<>(List.of("RS256", "ES256")));
  /** The HMAC algorithms, accepted only with a secret. */
  public static final Set<String> HMAC_ALGORITHMS = Set.of("HS256", "HS384", "HS512");
  /** Every asymmetric algorithm that may be listed. */
  public static final Set<String> SIGNATURE_ALGORITHMS = Set.of("RS256", "RS384", "RS512", "PS256", "PS384", "PS512",
      "ES256", "ES384", "ES512", "EdDSA");

  public JwtAuthorizer {
    Objects.requireNonNull(name, "name");
    audiences = Collections.unmodifiableSet(new LinkedHashSet<>(audiences));
    algorithms = Collections.unmodifiableSet(new LinkedHashSet<>(algorithms));
    tokenUses = Collections.unmodifiableSet(new LinkedHashSet<>(tokenUses));
    Objects.requireNonNull(clockSkew, "clockSkew");
    Objects.requireNonNull(identitySource, "identitySource");
    Objects.requireNonNull(verifiedTokenTtl, "verifiedTokenTtl");
    Objects.requireNonNull(jwksCacheTtl, "jwksCacheTtl");
    Objects.requireNonNull(jwksMinRefreshInterval, "jwksMinRefreshInterval");
  }

  @Override
  public boolean checksScopes() {
    return true;
  }

  @Override
  public List<String> problems() {
    List<String> problems = new ArrayList<>();
    if (issuer == null || issuer.isBlank()) {
      problems.add("issuer: " + (issuer == null ? "null" : "\"\"") + " (expected: the exact iss of the tokens)");
    }
    if (audiences.isEmpty()) {
      problems.add("audiences: [] (expected: at least one aud or client_id value)");
    }
    for (String algorithm : algorithms) {
      if (HMAC_ALGORITHMS.contains(algorithm)) {
        if (hmacSecret == null) {
          problems.add("algorithms: " + algorithm + " (expected: HMAC only with hmacSecret(...) set)");
        }
      } else if (!SIGNATURE_ALGORITHMS.contains(algorithm)) {
        problems.add("algorithms: " + algorithm + " (expected: one of " + new java.util.TreeSet<>(SIGNATURE_ALGORITHMS)
            + ", or HS256/HS384/HS512 with a secret; never none)");
      }
    }
    if (algorithms.isEmpty()) {
      problems.add("algorithms: [] (expected: at least one)");
    }
    boolean asymmetric = algorithms.stream().anyMatch(SIGNATURE_ALGORITHMS::contains);
    if (asymmetric && jwksUri == null) {
      problems.add("jwksUri: null (expected: the issuer's JWKS URL for " + algorithms + ")");
    }
    if (jwksUri != null && !("https".equals(jwksUri.getScheme()) || "http".equals(jwksUri.getScheme()))) {
      problems.add("jwksUri: " + jwksUri + " (expected: an http or https URL)");
    }
    if (clockSkew.isNegative() || clockSkew.compareTo(Duration.ofMinutes(5)) > 0) {
      problems.add("clockSkew: " + clockSkew + " (expected: 0 to 5 minutes)");
    }
    if (verifiedTokenCacheSize < 0) {
      problems.add("verifiedTokenCacheSize: " + verifiedTokenCacheSize + " (expected: >= 0, 0 for no cache)");
    }
    if (verifiedTokenTtl.isNegative()) {
      problems.add("verifiedTokenTtl: " + verifiedTokenTtl + " (expected: >= 0)");
    }
    if (jwksCacheTtl.compareTo(Duration.ofSeconds(1)) < 0) {
      problems.add("jwksCacheTtl: " + jwksCacheTtl + " (expected: at least 1 second)");
    }
    if (jwksMinRefreshInterval.isNegative() || jwksMinRefreshInterval.compareTo(jwksCacheTtl) >= 0) {
      problems.add("jwksMinRefreshInterval: " + jwksMinRefreshInterval + " (expected: 0 or more, below jwksCacheTtl "
          + jwksCacheTtl + ")");
    }
    return problems;
  }

  /** A shared HMAC secret: compared by content, never printed. */
  public static final class Secret {
    private final byte[] bytes;

    private Secret(byte[] bytes) {
      this.bytes = bytes.clone();
    }

    public static Secret of(byte[] bytes) {
      return new Secret(Objects.requireNonNull(bytes, "bytes"));
    }

    /** A copy of the secret's bytes. */
    public byte[] bytes() {
      return bytes.clone();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Secret other && java.security.MessageDigest.isEqual(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
      return bytes.length;
    }

    @Override
    public String toString() {
      return "Secret[" + bytes.length + " bytes]";
    }
  }

  /** Collects one JWT authorizer; not thread-safe. */
  public static final class Builder {
    private final String name;
    private String issuer;
    private final Set<String> audiences = new LinkedHashSet<>();
    private URI jwksUri;
    private Set<String> algorithms;
    private Secret hmacSecret;
    private Duration clockSkew = Duration.ofSeconds(60);
    private IdentitySource identitySource = IdentitySource.header("Authorization");
    private final Set<String> tokenUses = new LinkedHashSet<>();
    private long verifiedTokenCacheSize = 10_000;
    private Duration verifiedTokenTtl = Duration.ofMinutes(5);
    private Duration jwksCacheTtl = Duration.ofMinutes(5);
    private Duration jwksMinRefreshInterval = Duration.ofSeconds(30);

    Builder(String name) {
      this.name = name;
    }

    public Builder issuer(String issuer) {
      this.issuer = issuer;
      return this;
    }

    /** Adds accepted {@code aud} / {@code client_id} values. */
    public Builder audience(String... audiences) {
      this.audiences.addAll(Arrays.asList(audiences));
      return this;
    }

    public Builder jwksUri(URI jwksUri) {
      this.jwksUri = jwksUri;
      return this;
    }

    /** The accepted algorithms, replacing the default RS256 and ES256. */
    public Builder algorithms(String... algorithms) {
      this.algorithms = new LinkedHashSet<>(Arrays.asList(algorithms));
      return this;
    }

    /**
     * Verifies HMAC-signed tokens with this shared secret; unless {@link #algorithms} says otherwise,
     * HS256 becomes the only accepted algorithm.
     */
    public Builder hmacSecret(byte[] secret) {
      this.hmacSecret = Secret.of(secret);
      return this;
    }

    public Builder clockSkew(Duration skew) {
      this.clockSkew = skew;
      return this;
    }

    public Builder identitySource(IdentitySource source) {
      this.identitySource = source;
      return this;
    }

    /** Accepted values of Cognito's {@code token_use} claim ({@code id}, {@code access}). */
    public Builder tokenUse(String... uses) {
      this.tokenUses.clear();
      this.tokenUses.addAll(Arrays.asList(uses));
      return this;
    }

    /** Remembers up to {@code size} verified tokens, each at most {@code ttl} (and never past its exp). */
    public Builder verifiedTokenCache(long size, Duration ttl) {
      this.verifiedTokenCacheSize = size;
      this.verifiedTokenTtl = ttl;
      return this;
    }

    /** Checks every token's signature, as AWS does. */
    public Builder noVerifiedTokenCache() {
      this.verifiedTokenCacheSize = 0;
      return this;
    }

    /**
     * How long fetched keys are used ({@code ttl}, 5 minutes by default) and the shortest time between
     * fetches caused by unknown key ids ({@code minRefreshInterval}, 30 seconds by default).
     */
    public Builder jwksCache(Duration ttl, Duration minRefreshInterval) {
      this.jwksCacheTtl = ttl;
      this.jwksMinRefreshInterval = minRefreshInterval;
      return this;
    }

    public JwtAuthorizer build() {
      Set<String> algs = algorithms != null ? algorithms
          : hmacSecret != null ? Set.of("HS256") : DEFAULT_ALGORITHMS;
      return new JwtAuthorizer(name == null ? "" : name, issuer, audiences, jwksUri, algs, hmacSecret, clockSkew,
          identitySource, tokenUses, verifiedTokenCacheSize, verifiedTokenTtl, jwksCacheTtl, jwksMinRefreshInterval);
    }
  }
}
