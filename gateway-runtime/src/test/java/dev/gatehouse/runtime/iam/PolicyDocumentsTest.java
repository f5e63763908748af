package dev.gatehouse.runtime.iam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.gatehouse.Gateway;
import dev.gatehouse.GatewayRequest;
import dev.gatehouse.iam.Cidr;
import dev.gatehouse.iam.IamPolicy;
import dev.gatehouse.iam.PolicyStatement;
import dev.gatehouse.integration.Integrations;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** AWS's policy documents, as its developer guide writes them, read into policies; the rest refused. */
class PolicyDocumentsTest {
  @Test
  void javadocExampleReadsIntoOneStatement() {
    IamPolicy policy = PolicyDocuments.parse("""
        {"Version": "2012-10-17",
         "Statement": [{"Effect": "Allow", "Principal": "*", "Action": "execute-api:Invoke",
                        "Resource": "execute-api:/*",
                        "Condition": {"IpAddress": {"aws:SourceIp": ["192.0.2.0/24", "2001:db8::/32"]}}}]}
        """);

    assertThat(policy.statements()).singleElement().satisfies(statement -> {
      assertThat(statement.effect()).isEqualTo(PolicyStatement.Effect.ALLOW);
      assertThat(statement.principals()).containsExactly("*");
      assertThat(statement.actions()).containsExactly("execute-api:Invoke");
      assertThat(statement.resources()).containsExactly("execute-api:/*");
      assertThat(statement.sourceIps()).extracting(Cidr::text).containsExactly("192.0.2.0/24", "2001:db8::/32");
    });
  }

  @Test
  void awsGuidesIdentityPolicyExampleReads() {
    // from the developer guide's "IAM policy examples for API execution permissions"
    IamPolicy policy = PolicyDocuments.parse("""
        {
          "Version": "2012-10-17",
          "Statement": [
            {
              "Effect": "Allow",
              "Action": [
                "execute-api:Invoke"
              ],
              "Resource": [
                "arn:aws:execute-api:us-east-1:*:a123456789/test/POST/mydemoresource/*"
              ]
            }
          ]
        }
        """);

    assertThat(policy.statements().get(0).principals()).isEmpty();
    assertThat(policy.statements().get(0).resources())
        .containsExactly("arn:aws:execute-api:us-east-1:*:a123456789/test/POST/mydemoresource/*");
  }

  @Test
  void statementAsOneObjectAndPrincipalsAsAwsListAndNotIpAddress() {
    IamPolicy policy = PolicyDocuments.parse("""
        {"Statement": {"Sid": "officeOnly", "Effect": "Deny",
                       "Principal": {"AWS": ["arn:aws:iam::123456789012:root", "999999999999"]},
                       "Action": ["execute-api:Invoke", "execute-api:InvalidateCache"], "Resource": "*",
                       "Condition": {"NotIpAddress": {"aws:SourceIp": "10.0.0.0/8"}}}}
        """);

    PolicyStatement statement = policy.statements().get(0);
    assertThat(statement.effect()).isEqualTo(PolicyStatement.Effect.DENY);
    assertThat(statement.principals()).containsExactly("arn:aws:iam::123456789012:root", "999999999999");
    assertThat(statement.actions()).containsExactly("execute-api:Invoke", "execute-api:InvalidateCache");
    assertThat(statement.notSourceIps()).extracting(Cidr::text).containsExactly("10.0.0.0/8");
  }

  @Test
  void aParsedResourcePolicyGuardsAGateway() throws Exception {
    Gateway gateway = Gateway.builder().restApi("petstore", api -> api
            .stage("prod")
            .route("GET /pets", Integrations.mock(200))
            .resourcePolicy(PolicyDocuments.parse("""
                {"Statement": [{"Effect": "Allow", "Principal": "*", "Action": "execute-api:Invoke",
                                "Resource": "execute-api:/prod/GET/*",
                                "Condition": {"IpAddress": {"aws:SourceIp": "192.0.2.0/24"}}}]}
                """)))
        .build();
    try {
      assertThat(gateway.handle(GatewayRequest.builder("GET", "/prod/pets").sourceIp("192.0.2.9").build())
          .toCompletableFuture().get(10, TimeUnit.SECONDS).status()).isEqualTo(200);
      assertThat(gateway.handle(GatewayRequest.builder("GET", "/prod/pets").sourceIp("198.51.100.9").build())
          .toCompletableFuture().get(10, TimeUnit.SECONDS).status()).isEqualTo(403);
    } finally {
      gateway.close();
    }
  }

  @Test
  void whatGatehouseWouldNotEvaluateIsRefusedByName() {
    assertThatIllegalArgumentException().isThrownBy(() -> PolicyDocuments.parse(
            "{\"Statement\": [{\"Effect\": \"Allow\", \"NotAction\": \"s3:*\", \"Resource\": \"*\"}]}"))
        .withMessageStartingWith("Statement 1: NotAction (expected: Sid, Effect, Principal, Action, Resource");
    assertThatIllegalArgumentException().isThrownBy(() -> PolicyDocuments.parse("""
            {"Statement": [{"Effect": "Allow", "Principal": "*", "Resource": "*",
                            "Condition": {"StringEquals": {"aws:SourceVpce": "vpce-1a2b3c4d"}}}]}
            """))
        .withMessageStartingWith("Statement 1 Condition: StringEquals (expected: IpAddress or NotIpAddress");
    assertThatIllegalArgumentException().isThrownBy(() -> PolicyDocuments.parse("""
            {"Statement": [{"Effect": "Allow", "Principal": "*", "Resource": "*",
                            "Condition": {"IpAddress": {"aws:VpcSourceIp": "10.0.0.0/8"}}}]}
            """))
        .withMessageContaining("(expected: {\"aws:SourceIp\": blocks})");
    assertThatIllegalArgumentException().isThrownBy(() -> PolicyDocuments.parse(
            "{\"Statement\": [{\"Effect\": \"Allow\", \"Principal\": {\"Service\": \"lambda.amazonaws.com\"},"
                + " \"Resource\": \"*\"}]}"))
        .withMessageContaining("Statement 1 Principal:");
  }

  @Test
  void malformedDocumentsAreRefusedWithTheirPlace() {
    assertThatIllegalArgumentException().isThrownBy(() -> PolicyDocuments.parse("{\"Statement\": ["))
        .withMessageStartingWith("policy document: not JSON");
    assertThatIllegalArgumentException().isThrownBy(() -> PolicyDocuments.parse("[]"))
        .withMessage("policy document: expected a JSON object with a Statement");
    assertThatIllegalArgumentException().isThrownBy(() -> PolicyDocuments.parse("{\"Version\": \"2012-10-17\"}"))
        .withMessage("policy document: Statement missing");
    assertThatIllegalArgumentException().isThrownBy(() -> PolicyDocuments.parse(
            "{\"Statement\": [{\"Effect\": \"Maybe\", \"Resource\": \"*\"}]}"))
        .withMessage("Statement 1 Effect: \"Maybe\" (expected: Allow or Deny)");
    assertThatIllegalArgumentException().isThrownBy(() -> PolicyDocuments.parse(
            "{\"Statement\": [{\"Effect\": \"Allow\"}]}"))
        .withMessage("Statement 1 Resource: missing");
    assertThatIllegalArgumentException().isThrownBy(() -> PolicyDocuments.parse(
            "{\"Statement\": [{\"Effect\": \"Allow\", \"Resource\": [], \"Action\": 7}]}"))
        .withMessageContaining("(expected: a string or a non-empty list of strings)");
    assertThatIllegalArgumentException().isThrownBy(() -> PolicyDocuments.parse("""
            {"Statement": [{"Effect": "Deny", "Principal": "*", "Resource": "*",
                            "Condition": {"NotIpAddress": {"aws:SourceIp": "10.0.0.0/33"}}}]}
            """))
        .withMessageContaining("prefix length \"33\" (expected: 0..32)");
  }
}
