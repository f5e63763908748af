package dev.gatehouse.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.ApiDefinition;
import dev.gatehouse.ApiKeySource;
import dev.gatehouse.ApiType;
import dev.gatehouse.authorizer.Authorizers;
import dev.gatehouse.authorizer.IdentitySource;
import dev.gatehouse.authorizer.JwtAuthorizer;
import dev.gatehouse.event.AuthorizerPolicy;
import dev.gatehouse.integration.Integration;
import dev.gatehouse.integration.Integrations;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Javadoc examples of authorizers, written out and checked. */
class AuthorizerExamplesTest {
  private final Integration create = Integrations.mock(201);

  @Test
  void jwtAuthorizerClassExample() {
    ApiDefinition.Builder api = ApiDefinition.builder(ApiType.REST, "petstore").stage("prod");
    // --- begin JwtAuthorizer class Javadoc
    api.authorizer(Authorizers.jwt("users")
            .issuer("https://login.example.com")
            .audience("petstore")
            .jwksUri(URI.create("https://login.example.com/.well-known/jwks.json")))
        .route("POST /pets", create, route -> route.authorizer("users").scopes("pets:write"));
    // --- end
    ApiDefinition built = api.build();
    assertThat(built.authorizerOf(built.route("POST /pets"))).isInstanceOf(JwtAuthorizer.class);
  }

  @Test
  void functionAuthorizerPolicyAndKeySourceExamples() {
    ApiDefinition.Builder api = ApiDefinition.builder(ApiType.REST, "petstore").stage("prod");
    Integration pets = Integrations.mock(200);
    // --- begin FunctionAuthorizer class Javadoc
    api.authorizer(Authorizers.token("partners", event ->
                "let-me-in".equals(event.authorizationToken())
                    ? AuthorizerPolicy.allow("partner-7", "arn:aws:execute-api:*:*:petstore/prod/*")
                    : AuthorizerPolicy.deny("anonymous", "*"))
            .resultTtl(Duration.ofMinutes(5)))
        .route("GET /pets", pets, route -> route.authorizer("partners"));
    // --- end
    // --- begin ApiKeySource enum Javadoc
    api.apiKeySource(ApiKeySource.AUTHORIZER)   // the function authorizer's usageIdentifierKey
    // --- end
        .route("GET /ping", pets);
    assertThat(api.build().apiKeySource()).isEqualTo(ApiKeySource.AUTHORIZER);
    assertThat(policy().principalId()).isEqualTo("user-42");
  }

  @Test
  void readmeFunctionAuthorizerSnippetCompilesAsShown() throws Exception {
    ApiDefinition.Builder api = ApiDefinition.builder(ApiType.REST, "petstore").stage("prod");
    Integration pets = Integrations.mock(200);
    // --- begin README function authorizers
    api.authorizer(Authorizers.token("partners", event ->
            "let-me-in".equals(event.authorizationToken())
                ? AuthorizerPolicy.allow("partner-7", "arn:aws:execute-api:*:*:petstore/prod/GET/*")
                    .withContext(Map.of("tier", "gold"))
                : AuthorizerPolicy.deny("anonymous", "*"))
        .resultTtl(Duration.ofMinutes(5)))
       .route("GET /pets", pets, route -> route.authorizer("partners"));
    // --- end
    String source = Files.readString(Path.of(
        "src/test/java/dev/gatehouse/runtime/AuthorizerExamplesTest.java"));
    String readme = Files.readString(Path.of("../README.md"));
    int start = source.indexOf("// --- begin README function authorizers\n") + "// --- begin README function authorizers\n".length();
    String snippet = source.substring(start, source.indexOf("    // --- end", start));
    assertThat(normalise(readme)).contains(normalise(snippet));
    assertThat(api.build().authorizer("partners")).isNotNull();
  }

  private static String normalise(String code) {
    return code.replaceAll("\\s+", " ").trim();
  }

  private static AuthorizerPolicy policy() {
    // --- begin AuthorizerPolicy class Javadoc
    return AuthorizerPolicy.allow("user-42", "arn:aws:execute-api:*:*:petstore/prod/GET/pets/*")
        .withContext(Map.of("tier", "gold", "admin", false));
    // --- end
  }

  @Test
  void cognitoAndIdentitySourceExamples() {
    ApiDefinition.Builder api = ApiDefinition.builder(ApiType.HTTP, "shop");
    // --- begin Authorizers class Javadoc
    api.authorizer(Authorizers.cognito("users", "eu-west-1", "eu-west-1_AbCdEf123")
            .audience("3n4b5urk1ft4fl3mg5e62d9ado"));       // the app client id
    // --- end
    assertThat(api.build().authorizer("users")).isNotNull();

    // --- begin IdentitySource class Javadoc
    IdentitySource.header("Authorization");                  // the default of JWT authorizers
    IdentitySource.parse("$request.querystring.token");     // AWS's spelling of IdentitySource.query("token")
    // --- end
    assertThat(IdentitySource.parse("$request.querystring.token")).isEqualTo(IdentitySource.query("token"));
  }
}
