package dev.gatehouse.examples;

import dev.gatehouse.Gateway;
import dev.gatehouse.authorizer.IamAuthorizer;
import dev.gatehouse.event.ProxyEventV1;
import dev.gatehouse.event.ProxyResponseV1;
import dev.gatehouse.iam.Credentials;
import dev.gatehouse.iam.IamPolicy;
import dev.gatehouse.iam.IamPrincipal;
import dev.gatehouse.iam.IamSettings;
import dev.gatehouse.iam.InMemoryCredentials;
import dev.gatehouse.iam.PolicyStatement;
import dev.gatehouse.integration.Integrations;

public final class IamExample {
  static final String ARN = "arn:aws:execute-api:eu-west-1:123456789012:reports";

  public static Gateway reports() {
    IamPrincipal analyst = IamPrincipal.of("arn:aws:iam::123456789012:user/analyst", "AIDAANALYSTDEMO");
    return Gateway.builder()
        .iam(IamSettings.builder()
            .region("eu-west-1")                                     // what callers sign for
            .accountId("123456789012")
            .credentials(InMemoryCredentials.of(Credentials.longTerm(
                "AKIDANALYSTDEMO", "demo-secret-not-for-production", analyst)))   // demo values, not secrets
            .identityPolicy(analyst.arn(), IamPolicy.builder()
                .statement(PolicyStatement.allow().resource(ARN + "/prod/GET/*"))
                .statement(PolicyStatement.deny().resource(ARN + "/prod/GET/salaries"))))
        .trustedProxies("10.0.0.0/8")                                // X-Forwarded-For believed from these only
        .restApi("reports", api -> api
            .stage("prod")
            .defaultAuthorizer(IamAuthorizer.NAME)                   // every route signed with SigV4...
            .resourcePolicy(IamPolicy.builder()
                .statement(PolicyStatement.allow().principal("*").resource("execute-api:/*"))
                .statement(PolicyStatement.deny().principal("*").resource("execute-api:/*")
                    .notSourceIp("127.0.0.0/8", "::1", "192.0.2.0/24")))   // ...and from these addresses only
            .route("GET /daily", Integrations.function(IamExample::report))
            .route("GET /salaries", Integrations.function(IamExample::report))
            .route("GET /health", Integrations.mock(200, "{\"status\":\"ok\"}"), route -> route.noAuthorizer()))
        .build();
    // GET /prod/daily signed by AKIDANALYSTDEMO for eu-west-1/execute-api -> 200, {"caller":"arn:...:user/analyst"}
    // unsigned -> 403 Missing Authentication Token; another secret -> 403 InvalidSignatureException
    // GET /prod/salaries signed -> 403 "User: arn:aws:iam::123456789012:user/analyst is not authorized to
    //   perform: execute-api:Invoke on resource: arn:...:reports/prod/GET/salaries with an explicit deny"
    // from 198.51.100.7 -> 403 "User: anonymous is not authorized ... with an explicit deny", /health included
  }

  static ProxyResponseV1 report(ProxyEventV1 event) {
    return ProxyResponseV1.of(200, "{\"caller\":\"" + event.requestContext().identity().userArn() + "\"}");
  }
}
