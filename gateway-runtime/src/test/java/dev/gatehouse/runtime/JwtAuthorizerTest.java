package dev.gatehouse.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import dev.gatehouse.Gateway;
import dev.gatehouse.GatewayResponse;
import dev.gatehouse.authorizer.Authorizers;
import dev.gatehouse.authorizer.IdentitySource;
import dev.gatehouse.event.ProxyEventV1;
import dev.gatehouse.event.ProxyEventV2;
import dev.gatehouse.event.ProxyResponseV1;
import dev.gatehouse.integration.Integrations;
import dev.gatehouse.runtime.internal.RuntimeEngine;
import dev.gatehouse.testing.JwksServer;
import dev.gatehouse.testing.ManualClock;
import dev.gatehouse.testing.TestTokens;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A JWT authorizer against real RSA and EC keys served from a real JWKS endpoint on loopback. */
class JwtAuthorizerTest {
  private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
  private static final String ISSUER = "https://login.example.com";
  private static final RSAKey RSA = TestTokens.rsaKey("rsa-1");

  private final ManualClock clock = new ManualClock(NOW);
  private final JwksServer jwks = new JwksServer(RSA, TestTokens.ecKey("ec-unused"));
  private final List<ProxyEventV1> events = new CopyOnWriteArrayList<>();
  private Gateway gateway;

  @AfterEach
  void close() {
    if (gateway != null) {
      gateway.close();
    }
    jwks.close();
  }

  private Gateway start(URI jwksUri, Duration minRefresh) {
    gateway = new RuntimeEngine(clock).start(Gateway.builder()
        .restApi("petstore", api -> api
            .stage("prod")
            .authorizer(Authorizers.jwt("users")
                .issuer(ISSUER)
                .audience("petstore", "mobile-app")
                .jwksUri(jwksUri)
                .jwksCache(Duration.ofMinutes(5), minRefresh))
            .defaultAuthorizer("users")
            .route("GET /pets", Integrations.function(this::record))
            .route("POST /pets", Integrations.function(this::record), route -> route.scopes("pets:write"))
            .route("GET /health", Integrations.mock(200, "ok"), route -> route.noAuthorizer()))
        .definition());
    return gateway;
  }

  private Gateway start() {
    return start(jwks.uri(), Duration.ZERO);
  }

  private ProxyResponseV1 record(ProxyEventV1 event) {
    events.add(event);
    return ProxyResponseV1.of(200, "ok");
  }

  private GatewayResponse call(String method, String path, String authorization) {
    return Requests.callAuthorized(gateway, method, path, authorization);
  }

  private GatewayResponse get(String token) {
    return call("GET", "/prod/pets", token == null ? null : "Bearer " + token);
  }

  private static JWTClaimsSet.Builder claims() {
    return TestTokens.claims(ISSUER, "petstore", NOW);
  }

  private static void assertUnauthorized(GatewayResponse response, String description) {
    LimitsFixture.assertGatewayError(response, 401, "Unauthorized", "UnauthorizedException");
    assertThat(response.headers().first("www-authenticate"))
        .isEqualTo("Bearer scope=\"\" error=\"invalid_token\" error_description=\"" + description + "\"");
  }

  @Test
  void validTokenIsAdmittedAndItsClaimsReachTheEvent() {
    start();

    GatewayResponse response = get(TestTokens.sign(RSA, claims().claim("scope", "pets:read pets:write")
        .claim("cognito:groups", List.of("admin", "staff")).build()));

    assertThat(response.status()).isEqualTo(200);
    assertThat(events).singleElement().satisfies(event -> {
      Map<String, Object> authorizer = event.requestContext().authorizer();
      assertThat(authorizer).containsKey("claims").containsEntry("scopes", List.of("pets:read", "pets:write"));
      @SuppressWarnings("unchecked")
      Map<String, String> claims = (Map<String, String>) authorizer.get("claims");
      assertThat(claims).containsEntry("sub", "user-42").containsEntry("iss", ISSUER)
          .containsEntry("exp", Long.toString(NOW.plus(Duration.ofHours(1)).getEpochSecond()))
          .containsEntry("cognito:groups", "[admin staff]");
    });
  }

  @Test
  void tokenWithoutTheBearerSchemeIsAcceptedAsAwsDoes() {
    start();

    assertThat(call("GET", "/prod/pets", TestTokens.sign(RSA, claims().build())).status()).isEqualTo(200);
  }

  @Test
  void missingTokenGets401WithABareChallenge() {
    start();

    GatewayResponse response = get(null);

    LimitsFixture.assertGatewayError(response, 401, "Unauthorized", "UnauthorizedException");
    assertThat(response.headers().first("www-authenticate")).isEqualTo("Bearer");
    assertThat(call("GET", "/prod/health", null).status()).as("noAuthorizer() route").isEqualTo(200);
  }

  @Test
  void expiredAndNotYetValidTokensAreRefused() {
    start();
    String token = TestTokens.sign(RSA, claims().build());
    assertThat(get(token).status()).isEqualTo(200);

    clock.advance(Duration.ofHours(1).plusSeconds(59));
    assertThat(get(token).status()).as("within the default skew of 60 s").isEqualTo(200);
    clock.advance(Duration.ofSeconds(2));
    assertUnauthorized(get(token), "the token has expired");

    clock.set(NOW);
    String future = TestTokens.sign(RSA, claims().notBeforeTime(Date.from(NOW.plusSeconds(120))).build());
    assertThat(get(future).status()).isEqualTo(401);
    String issuedLater = TestTokens.sign(RSA, claims().issueTime(Date.from(NOW.plusSeconds(120))).build());
    assertThat(get(issuedLater).status()).isEqualTo(401);
  }

  @Test
  void wrongIssuerOrAudienceIsRefusedAndClientIdCountsAsAudience() {
    start();

    assertThat(get(TestTokens.sign(RSA, claims().issuer("https://evil.example.com").build())).status()).isEqualTo(401);
    assertUnauthorized(get(TestTokens.sign(RSA, claims().audience("other-api").build())),
        "the token does not have a valid audience");
    assertThat(get(TestTokens.sign(RSA, claims().audience((String) null).claim("client_id", "mobile-app").build()))
        .status()).isEqualTo(200);
  }

  @Test
  void hostileTokensAreRefused() {
    start();
    String valid = TestTokens.sign(RSA, claims().build());
    String[] parts = valid.split("\\.");
    String unsigned = Base64URL.encode("{\"alg\":\"none\"}") + "." + parts[1] + ".";
    String tampered = parts[0] + "." + Base64URL.encode(claims().subject("admin").build().toString()) + "." + parts[2];
    byte[] publicKeyBytes;
    try {
      publicKeyBytes = RSA.toPublicKey().getEncoded();
    } catch (com.nimbusds.jose.JOSEException e) {
      throw new IllegalStateException(e);
    }
    String confused = TestTokens.sign(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("rsa-1").build(), claims().build(),
        TestTokens.hmac(publicKeyBytes));
    RSAKey attacker = TestTokens.rsaKey("rsa-1");
    String embeddedJwk = TestTokens.sign(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("rsa-1")
        .jwk(attacker.toPublicJWK()).jwkURL(URI.create("http://127.0.0.1:1/jwks"))
        .x509CertURL(URI.create("http://127.0.0.1:1/cert.pem")).build(), claims().build(),
        TestTokens.signer(attacker));
    String unknownKid = TestTokens.sign(TestTokens.rsaKey("rsa-unknown"), claims().build());
    String oversized = TestTokens.sign(RSA, claims().claim("padding", "x".repeat(20_000)).build());
    String wrongType = TestTokens.sign(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("rsa-1")
        .type(new JOSEObjectType("secevent+jwt")).build(), claims().build(), TestTokens.signer(RSA));

    for (String hostile : List.of(unsigned, tampered, confused, embeddedJwk, unknownKid, oversized, wrongType,
        "not.a.jwt", "a.b", parts[0] + "." + parts[1])) {
      assertThat(get(hostile).status()).as(hostile.length() > 80 ? hostile.substring(0, 80) : hostile).isEqualTo(401);
    }
    assertThat(events).isEmpty();
  }

  @Test
  void ecSignedTokenIsAcceptedFromTheSameJwks() {
    var ec = TestTokens.ecKey("ec-1");
    jwks.serve(RSA, ec);
    start();

    assertThat(get(TestTokens.sign(ec, claims().build())).status()).isEqualTo(200);
  }

  @Test
  void routeScopesNeedAtLeastOneOfThemInScopeOrScp() {
    start();

    GatewayResponse denied = call("POST", "/prod/pets",
        "Bearer " + TestTokens.sign(RSA, claims().claim("scope", "pets:read").build()));
    LimitsFixture.assertGatewayError(denied, 403, "User is not authorized to access this resource",
        "AccessDeniedException");
    assertThat(denied.headers().first("www-authenticate")).contains("error=\"insufficient_scope\"")
        .contains("scope=\"pets:write\"");
    assertThat(call("POST", "/prod/pets",
        "Bearer " + TestTokens.sign(RSA, claims().claim("scp", List.of("pets:write")).build())).status())
        .isEqualTo(200);
  }

  @Test
  void rotatedKeyIsFetchedForItsUnknownKidAndARemovedKeyStopsWorking() {
    start();
    String old = TestTokens.sign(RSA, claims().build());
    assertThat(get(old).status()).isEqualTo(200);
    int fetches = jwks.fetches();

    RSAKey rotated = TestTokens.rsaKey("rsa-2");
    jwks.serve(rotated);

    assertThat(get(TestTokens.sign(rotated, claims().build())).status()).isEqualTo(200);
    assertThat(jwks.fetches()).isEqualTo(fetches + 1);
    assertThat(get(old).status()).as("remembered, but signed by a key the issuer withdrew").isEqualTo(401);
  }

  @Test
  void jwksOutageKeepsTheCachedKeysAndFailsClosedOnNewKids() {
    start();
    assertThat(get(TestTokens.sign(RSA, claims().build())).status()).isEqualTo(200);

    jwks.down(true);

    assertThat(get(TestTokens.sign(RSA, claims().subject("someone-else").build())).status()).isEqualTo(200);
    assertThat(get(TestTokens.sign(TestTokens.rsaKey("rsa-new"), claims().build())).status()).isEqualTo(401);
  }

  @Test
  void unknownKidsRefetchAtMostOncePerInterval() {
    start(jwks.uri(), Duration.ofMinutes(1));
    assertThat(get(TestTokens.sign(RSA, claims().build())).status()).isEqualTo(200);
    int fetches = jwks.fetches();

    for (int i = 0; i < 5; i++) {
      assertThat(get(TestTokens.sign(TestTokens.rsaKey("made-up-" + i), claims().build())).status()).isEqualTo(401);
    }

    assertThat(jwks.fetches() - fetches).isLessThanOrEqualTo(1);
  }

  @Test
  void tokenFromAQueryParameterOrCookieAndPayload2Claims() {
    List<ProxyEventV2> v2 = new CopyOnWriteArrayList<>();
    gateway = new RuntimeEngine(clock).start(Gateway.builder()
        .httpApi("shop", api -> api
            .authorizer(Authorizers.jwt("q").issuer(ISSUER).audience("petstore").jwksUri(jwks.uri())
                .identitySource(IdentitySource.parse("$request.querystring.token")))
            .authorizer(Authorizers.jwt("c").issuer(ISSUER).audience("petstore").jwksUri(jwks.uri())
                .identitySource(IdentitySource.cookie("session")))
            .route("GET /q", Integrations.functionV2(e -> {
              v2.add(e);
              return "ok";
            }), route -> route.authorizer("q"))
            .route("GET /c", Integrations.functionV2(e -> "ok"), route -> route.authorizer("c")))
        .definition());
    String token = TestTokens.sign(RSA, claims().claim("scope", "a b").build());

    assertThat(Requests.call(gateway, Requests.get("/q?token=" + token)).status()).isEqualTo(200);
    assertThat(Requests.call(gateway, Requests.get("/q")).status()).isEqualTo(401);
    assertThat(Requests.call(gateway, Requests.get("/c").header("Cookie", "theme=dark; session=" + token)).status())
        .isEqualTo(200);
    assertThat(v2).singleElement().satisfies(event -> {
      @SuppressWarnings("unchecked")
      Map<String, Object> jwt = (Map<String, Object>) event.requestContext().authorizer().get("jwt");
      assertThat(jwt).containsEntry("scopes", List.of("a", "b"));
      assertThat(jwt.get("claims")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
          .containsEntry("sub", "user-42");
    });
  }
}
