package dev.gatehouse;

import static dev.gatehouse.DefinitionAssertions.OK;
import static dev.gatehouse.DefinitionAssertions.assertProblems;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.authorizer.Authorizers;
import dev.gatehouse.authorizer.IamAuthorizer;
import dev.gatehouse.iam.Credentials;
import dev.gatehouse.iam.IamPolicy;
import dev.gatehouse.iam.IamPrincipal;
import dev.gatehouse.iam.IamSettings;
import dev.gatehouse.iam.InMemoryCredentials;
import dev.gatehouse.iam.PolicyStatement;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class IamDefinitionErrorsTest {
  private static final IamPrincipal ALICE = IamPrincipal.of("arn:aws:iam::123456789012:user/alice", "AIDAALICE");
  private static final InMemoryCredentials KEYS =
      InMemoryCredentials.of(Credentials.longTerm("AKIDALICE", "demo-secret", ALICE));

  @Test
  void iamRouteWithoutTheGatewaysIamSettingsNamesApiAndRoute() {
    assertProblems(Gateway.builder().restApi("petstore", api -> api
            .stage("prod")
            .route("GET /pets", OK, route -> route.authorizer(IamAuthorizer.NAME))),
        "restApi \"petstore\" › route \"GET /pets\": authorizer: AWS_IAM (expected: the gateway's"
            + " iam(IamSettings.builder()...) with the region, credentials and identity policies it checks callers"
            + " against)");
  }

  @Test
  void iamIsKnownToEveryApiAndMayBeDeclaredOrDefault() {
    GatewayDefinition definition = Gateway.builder()
        .iam(IamSettings.builder().credentials(KEYS))
        .restApi("petstore", api -> api
            .stage("prod")
            .authorizer(Authorizers.iam())
            .defaultAuthorizer(IamAuthorizer.NAME)
            .route("GET /pets", OK)
            .route("GET /health", OK, route -> route.noAuthorizer()))
        .httpApi("orders", api -> api.route("GET /orders", OK, route -> route.authorizer("AWS_IAM")))
        .definition();
    ApiDefinition petstore = definition.apis().get(0);
    assertThat(petstore.authorizerOf(petstore.route("GET /pets"))).isSameAs(IamAuthorizer.INSTANCE);
    assertThat(petstore.authorizerOf(petstore.route("GET /health"))).isNull();
    ApiDefinition orders = definition.apis().get(1);
    assertThat(orders.authorizerOf(orders.route("GET /orders"))).isSameAs(IamAuthorizer.INSTANCE);
    assertThat(definition.iam().region()).isEqualTo("us-east-1");
    assertThat(definition.iam().service()).isEqualTo("execute-api");
    assertThat(definition.iam().clockSkew()).isEqualTo(Duration.ofMinutes(5));
  }

  @Test
  void badIamSettingsAreEachNamed() {
    assertProblems(Gateway.builder()
            .iam(IamSettings.builder()
                .region("EU West")
                .accountId("12345")
                .service("")
                .clockSkew(Duration.ofHours(1))
                .identityPolicy("alice", IamPolicy.allowInvoke("*"))
                .identityPolicy("arn:aws:iam::123456789012:user/bob", IamPolicy.builder()
                    .statement(PolicyStatement.allow().principal("*").resource("*"))))
            .restApi("petstore", api -> api.stage("prod").route("GET /pets", OK)),
        "iam region: \"EU West\" (expected: a region name such as eu-west-1)",
        "iam accountId: \"12345\" (expected: 12 digits)",
        "iam service: \"\" (expected: a service name such as execute-api)",
        "iam credentials: null (expected: a CredentialsProvider, such as InMemoryCredentials.of(...))",
        "iam clockSkew: PT1H (expected: 0 to 15 minutes)",
        "iam identityPolicy \"alice\": principal ARN \"alice\" (expected: arn:aws:iam::ACCOUNT:user/NAME,"
            + " arn:aws:iam::ACCOUNT:role/NAME or arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION, ACCOUNT 12 digits)",
        "iam identityPolicy \"arn:aws:iam::123456789012:user/bob\": principal: set (expected: none in an identity"
            + " policy, which is about its owner)");
  }

  @Test
  void resourcePolicyProblemsNameTheApiAndStatement() {
    assertProblems(Gateway.builder().restApi("petstore", api -> api
            .stage("prod")
            .route("GET /pets", OK)
            .resourcePolicy(IamPolicy.builder()
                .statement(PolicyStatement.allow().resource("execute-api:/*"))
                .statement(PolicyStatement.deny().principal("*").resource("execute-api:/*")
                    .notSourceIp("192.0.2.0/33", "10.0.0.1/8x", "example.com"))
                .statement(PolicyStatement.allow().principal("*")))),
        "restApi \"petstore\": resourcePolicy statement 2: aws:SourceIp: CIDR block \"192.0.2.0/33\": prefix length"
            + " \"33\" (expected: 0..32)",
        "restApi \"petstore\": resourcePolicy statement 2: aws:SourceIp: CIDR block \"10.0.0.1/8x\": prefix length"
            + " \"8x\" (expected: 0..32)",
        "restApi \"petstore\": resourcePolicy statement 2: aws:SourceIp: CIDR block \"example.com\" (expected: an IPv4"
            + " or IPv6 address, then optionally /prefix, such as 192.0.2.0/24 or 2001:db8::/32)",
        "restApi \"petstore\": resourcePolicy statement 3: resource: [] (expected: at least one method ARN, such as"
            + " arn:aws:execute-api:*:*:petstore/prod/GET/pets, or *)");
  }

  @Test
  void resourcePolicyStatementsMustNamePrincipals() {
    assertProblems(Gateway.builder().restApi("petstore", api -> api
            .stage("prod")
            .route("GET /pets", OK)
            .resourcePolicy(IamPolicy.allowInvoke("execute-api:/*"))),
        "restApi \"petstore\": resourcePolicy statement 1: principal: [] (expected: \"*\" or the principals the"
            + " statement is about; a resource policy's statements name them)");
  }

  @Test
  void webSocketApisHaveNoResourcePolicy() {
    assertProblems(Gateway.builder().webSocketApi("chat", ws -> ws
            .stage("prod")
            .routeSelectionExpression("$request.body.action")
            .route("$default", OK)
            .resourcePolicy(IamPolicy.builder().statement(PolicyStatement.allow().principal("*").resource("*")))),
        "webSocketApi \"chat\": resourcePolicy: set (expected: none on a webSocketApi; resource policies are for"
            + " REST and HTTP APIs, guard $connect with an authorizer)");
  }

  @Test
  void iamGuardOfConnectionsNeedsTheGatewaysIamSettings() {
    assertProblems(Gateway.builder().webSocketApi("chat", ws -> ws
            .stage("prod")
            .routeSelectionExpression("$request.body.action")
            .connectionsEndpoint(dev.gatehouse.websocket.ConnectionsGuard.iam())
            .route("$default", OK)),
        "webSocketApi \"chat\": connectionsEndpoint: ConnectionsGuard.iam() (expected: the gateway's"
            + " iam(IamSettings.builder()...) with the credentials and identity policies it checks callers against)");
  }

  @Test
  void trustedProxiesMustBeAddressBlocks() {
    assertProblems(Gateway.builder().trustedProxies("10.0.0.0/8", "proxy.internal")
            .restApi("petstore", api -> api.stage("prod").route("GET /pets", OK)),
        "trustedProxies: CIDR block \"proxy.internal\" (expected: an IPv4 or IPv6 address, then optionally /prefix,"
            + " such as 192.0.2.0/24 or 2001:db8::/32)");
  }
}
