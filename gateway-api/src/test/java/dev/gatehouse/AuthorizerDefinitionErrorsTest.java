package dev.gatehouse;

import static dev.gatehouse.DefinitionAssertions.OK;
import static dev.gatehouse.DefinitionAssertions.assertProblems;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.authorizer.Authorizers;
import dev.gatehouse.authorizer.IdentitySource;
import dev.gatehouse.authorizer.JwtAuthorizer;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class AuthorizerDefinitionErrorsTest {
  private static final URI JWKS = URI.create("https://login.example.com/.well-known/jwks.json");

  private static JwtAuthorizer.Builder users() {
    return Authorizers.jwt("users").issuer("https://login.example.com").audience("petstore").jwksUri(JWKS);
  }

  @Test
  void unknownAuthorizerOnARouteOrAsDefault() {
    assertProblems(Gateway.builder().restApi("petstore", api -> api
            .stage("prod")
            .authorizer(users())
            .defaultAuthorizer("admins")
            .route("GET /pets", OK, route -> route.authorizer("cognito"))),
        "restApi \"petstore\": defaultAuthorizer: \"admins\" (expected: one of [AWS_IAM, users])",
        "restApi \"petstore\" › route \"GET /pets\": authorizer: \"cognito\" (expected: one of [AWS_IAM, users] or noAuthorizer())");
  }

  @Test
  void scopesWithoutAJwtAuthorizerOnTheRoute() {
    assertProblems(Gateway.builder().restApi("petstore", api -> api
            .stage("prod")
            .authorizer(users())
            .route("GET /pets", OK, route -> route.scopes("pets:read"))
            .route("GET /cats", OK, route -> route.noAuthorizer().scopes("cats:read"))),
        "restApi \"petstore\" › route \"GET /pets\": scopes: [pets:read] (expected: a JWT authorizer on the route to check them)",
        "restApi \"petstore\" › route \"GET /cats\": scopes: [cats:read] (expected: a JWT authorizer on the route to check them)");
  }

  @Test
  void jwtAuthorizerFieldsAreChecked() {
    assertProblems(Gateway.builder().restApi("petstore", api -> api
            .stage("prod")
            .authorizer(Authorizers.jwt("users").algorithms("none", "HS256"))
            .authorizer(users())
            .authorizer(users().clockSkew(Duration.ofHours(1)))),
        "restApi \"petstore\" › authorizer \"users\": issuer: null (expected: the exact iss of the tokens)",
        "restApi \"petstore\" › authorizer \"users\": audiences: [] (expected: at least one aud or client_id value)",
        "restApi \"petstore\" › authorizer \"users\": algorithms: none (expected: one of [ES256, ES384, ES512, EdDSA, "
            + "PS256, PS384, PS512, RS256, RS384, RS512], or HS256/HS384/HS512 with a secret; never none)",
        "restApi \"petstore\" › authorizer \"users\": algorithms: HS256 (expected: HMAC only with hmacSecret(...) set)",
        "restApi \"petstore\" › authorizer \"users\": name: \"users\" (expected: an authorizer name not declared before in this API)",
        "restApi \"petstore\" › authorizer \"users\": clockSkew: PT1H (expected: 0 to 5 minutes)",
        "restApi \"petstore\" › authorizer \"users\": name: \"users\" (expected: an authorizer name not declared before in this API)");
  }

  @Test
  void asymmetricAlgorithmsNeedAJwksUriAndAnHmacSecretStandsAlone() {
    assertProblems(Gateway.builder().httpApi("shop", api -> api
            .authorizer(Authorizers.jwt("users").issuer("i").audience("a"))),
        "httpApi \"shop\" › authorizer \"users\": jwksUri: null (expected: the issuer's JWKS URL for [RS256, ES256])");
    JwtAuthorizer hmac = Authorizers.jwt("users").issuer("i").audience("a").hmacSecret(new byte[32]).build();
    assertThat(hmac.algorithms()).containsExactly("HS256");
    assertThat(hmac.problems()).isEmpty();
    assertThat(hmac.toString()).contains("Secret[32 bytes]");
  }

  @Test
  void cognitoPresetUsesThePoolsIssuerAndJwks() {
    JwtAuthorizer cognito = Authorizers.cognito("users", "eu-west-1", "eu-west-1_AbCdEf123").audience("client").build();

    assertThat(cognito.issuer()).isEqualTo("https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbCdEf123");
    assertThat(cognito.jwksUri()).hasToString(
        "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbCdEf123/.well-known/jwks.json");
    assertThat(cognito.tokenUses()).containsExactly("id", "access");
    assertThat(cognito.problems()).isEmpty();
  }

  @Test
  void functionAuthorizerFieldsAreChecked() {
    assertProblems(Gateway.builder().restApi("petstore", api -> api
            .stage("prod")
            .authorizer(Authorizers.token("t", event -> null)
                .identitySources(IdentitySource.query("token"))
                .validationExpression("[a-z")
                .resultTtl(Duration.ofHours(2))
                .timeout(Duration.ZERO))
            .authorizer(Authorizers.request("r", event -> null).validationExpression(".*"))),
        "restApi \"petstore\" › authorizer \"t\": identitySources: [$request.querystring.token] "
            + "(expected: one header for a TOKEN authorizer)",
        "restApi \"petstore\" › authorizer \"t\": validationExpression: \"[a-z\" "
            + "(expected: a regular expression: Unclosed character class)",
        "restApi \"petstore\" › authorizer \"t\": resultTtl: PT2H (expected: 0 to PT1H)",
        "restApi \"petstore\" › authorizer \"t\": timeout: PT0S (expected: a positive duration)",
        "restApi \"petstore\" › authorizer \"r\": identitySources: [] "
            + "(expected: at least one when results are cached; or resultTtl 0)",
        "restApi \"petstore\" › authorizer \"r\": validationExpression: \".*\" (expected: only on a TOKEN authorizer)");
  }

  @Test
  void scopesNeedAJwtAuthorizerNotAFunctionOne() {
    assertProblems(Gateway.builder().restApi("petstore", api -> api
            .stage("prod")
            .authorizer(Authorizers.token("t", event -> null))
            .route("GET /pets", OK, route -> route.authorizer("t").scopes("pets:read"))),
        "restApi \"petstore\" › route \"GET /pets\": scopes: [pets:read] (expected: a JWT authorizer on the route to check them)");
  }

  @Test
  void apiKeyFromTheAuthorizerNeedsAFunctionAuthorizerOnTheRoute() {
    assertProblems(Gateway.builder().restApi("petstore", api -> api
            .stage("prod")
            .apiKeySource(ApiKeySource.AUTHORIZER)
            .authorizer(users())
            .authorizer(Authorizers.token("t", event -> null))
            .route("GET /pets", OK, route -> route.apiKeyRequired().authorizer("users"))
            .route("GET /cats", OK, route -> route.apiKeyRequired())
            .route("GET /dogs", OK, route -> route.apiKeyRequired().authorizer("t"))),
        "restApi \"petstore\" › route \"GET /pets\": apiKeyRequired: true (expected: a function authorizer on the"
            + " route, whose usageIdentifierKey is the key, since the API's apiKeySource is AUTHORIZER)",
        "restApi \"petstore\" › route \"GET /cats\": apiKeyRequired: true (expected: a function authorizer on the"
            + " route, whose usageIdentifierKey is the key, since the API's apiKeySource is AUTHORIZER)");
  }

  @Test
  void authorizerNamesOfEveryKindFollowTheIdRule() {
    assertProblems(Gateway.builder().restApi("petstore", api -> api
            .stage("prod")
            .authorizer(Authorizers.jwt("my users").issuer("i").audience("a").jwksUri(JWKS))
            .authorizer(Authorizers.token("t:1", event -> null))),
        "restApi \"petstore\" › authorizer \"my users\": name: \"my users\" (expected: [A-Za-z0-9._-]{1,128})",
        "restApi \"petstore\" › authorizer \"t:1\": name: \"t:1\" (expected: [A-Za-z0-9._-]{1,128})");
  }

  @Test
  void identitySourcesInAwsNotation() {
    assertThat(IdentitySource.parse("$request.header.Authorization")).isEqualTo(IdentitySource.header("Authorization"));
    assertThat(IdentitySource.parse("method.request.querystring.token")).isEqualTo(IdentitySource.query("token"));
    assertThat(IdentitySource.parse("$request.cookie.session")).isEqualTo(IdentitySource.cookie("session"));
    assertThatThrownBy(() -> IdentitySource.parse("$context.authorizer"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("identitySource: \"$context.authorizer\" (expected: $request.header.NAME");
  }
}
