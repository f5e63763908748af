package dev.gatehouse.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.ApiDefinition;
import dev.gatehouse.ApiType;
import dev.gatehouse.authorizer.Authorizers;
import dev.gatehouse.authorizer.IdentitySource;
import dev.gatehouse.authorizer.JwtAuthorizer;
import dev.gatehouse.integration.Integration;
import dev.gatehouse.integration.Integrations;
import java.net.URI;
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
