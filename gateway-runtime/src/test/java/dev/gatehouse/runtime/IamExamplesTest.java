package dev.gatehouse.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.ApiDefinition;
import dev.gatehouse.ApiType;
import dev.gatehouse.Gateway;
import dev.gatehouse.GatewayDefinition;
import dev.gatehouse.authorizer.IamAuthorizer;
import dev.gatehouse.iam.Cidr;
import dev.gatehouse.iam.Credentials;
import dev.gatehouse.iam.IamPolicy;
import dev.gatehouse.iam.IamPrincipal;
import dev.gatehouse.iam.IamSettings;
import dev.gatehouse.iam.InMemoryCredentials;
import dev.gatehouse.iam.PolicyStatement;
import dev.gatehouse.integration.Integrations;
import dev.gatehouse.integration.MockIntegration;
import dev.gatehouse.spi.CredentialsProvider;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The Javadoc examples of the IAM types, written out and run. */
class IamExamplesTest {
  /** A stand-in for a secrets service: the example's {@code vault}. */
  record VaultEntry(String secret, String arn, String userId) {}

  static final class Vault {
    private final Map<String, VaultEntry> entries = Map.of("AKIDVAULT",
        new VaultEntry("demo-secret-vault", "arn:aws:iam::123456789012:user/vaulted", "AIDAVAULTED"));

    CompletionStage<VaultEntry> lookup(String accessKeyId) {
      return CompletableFuture.supplyAsync(() -> entries.get(accessKeyId));
    }
  }

  @Test
  void cidrExample() {
    Cidr office = Cidr.parse("192.0.2.0/24");
    office.contains("192.0.2.17");     // true
    office.contains("2001:db8::1");    // false
    assertThat(office.contains("192.0.2.17")).isTrue();
    assertThat(office.contains("2001:db8::1")).isFalse();
  }

  @Test
  void policyExamples() {
    PolicyStatement statement = PolicyStatement.allow()
        .principal("*")
        .resource("execute-api:/prod/GET/pets/*")
        .sourceIp("192.0.2.0/24", "2001:db8::/32")
        .build();
    assertThat(statement.actions()).containsExactly(PolicyStatement.INVOKE);
    assertThat(statement.sourceIps()).extracting(Cidr::text).containsExactly("192.0.2.0/24", "2001:db8::/32");

    IamPolicy readOnly = IamPolicy.builder()
        .statement(PolicyStatement.allow().resource("arn:aws:execute-api:*:*:petstore/prod/GET/*"))
        .statement(PolicyStatement.deny().resource("arn:aws:execute-api:*:*:petstore/prod/GET/admin/*"))
        .build();
    assertThat(readOnly.statements()).extracting(PolicyStatement::effect)
        .containsExactly(PolicyStatement.Effect.ALLOW, PolicyStatement.Effect.DENY);
  }

  @Test
  void principalAndCredentialsExamples() throws Exception {
    IamPrincipal alice = IamPrincipal.of("arn:aws:iam::123456789012:user/alice", "AIDAJQABLZS4A3QDU576Q");
    alice.accountId();   // 123456789012
    assertThat(alice.accountId()).isEqualTo("123456789012");

    Credentials demo = Credentials.longTerm("AKIDEXAMPLE", "demo-secret-not-for-production",
        IamPrincipal.of("arn:aws:iam::123456789012:user/alice", "AIDAEXAMPLEALICE"));
    assertThat(demo.toString()).doesNotContain("demo-secret");

    CredentialsProvider keys = InMemoryCredentials.of(
        Credentials.longTerm("AKIDEXAMPLE", "demo-secret-not-for-production",
            IamPrincipal.of("arn:aws:iam::123456789012:user/alice", "AIDAEXAMPLEALICE")));
    assertThat(keys.find("AKIDEXAMPLE").toCompletableFuture().get().principal().id()).isEqualTo("AIDAEXAMPLEALICE");
    assertThat(keys.find("AKIDOTHER").toCompletableFuture().get()).isNull();
  }

  @Test
  void credentialsProviderExample() throws Exception {
    Vault vault = new Vault();
    CredentialsProvider fromVault = accessKeyId -> vault.lookup(accessKeyId)   // CompletionStage<Credentials>
        .thenApply(entry -> entry == null ? null : Credentials.longTerm(accessKeyId, entry.secret(),
            IamPrincipal.of(entry.arn(), entry.userId())));

    Credentials found = fromVault.find("AKIDVAULT").toCompletableFuture().get(10, TimeUnit.SECONDS);
    assertThat(found.principal().arn()).isEqualTo("arn:aws:iam::123456789012:user/vaulted");
    assertThat(fromVault.find("AKIDNONE").toCompletableFuture().get(10, TimeUnit.SECONDS)).isNull();
  }

  @Test
  void gatewaySettingsExamples() {
    Credentials alice = Credentials.longTerm("AKIDALICE", "demo-secret-alice",
        IamPrincipal.of("arn:aws:iam::123456789012:user/alice", "AIDAALICE"));
    MockIntegration reports = Integrations.mock(200);
    GatewayDefinition definition = Gateway.builder()
        .iam(IamSettings.builder()
            .region("eu-west-1")
            .accountId("123456789012")
            .credentials(InMemoryCredentials.of(alice))
            .identityPolicy("arn:aws:iam::123456789012:user/alice",
                IamPolicy.allowInvoke("arn:aws:execute-api:eu-west-1:123456789012:petstore/prod/GET/*")))
        .restApi("petstore", api -> {
          api.stage("prod");
          api.route("GET /reports", reports, route -> route.authorizer(IamAuthorizer.NAME));
          api.resourcePolicy(IamPolicy.builder()
              .statement(PolicyStatement.allow().principal("*").resource("execute-api:/*"))
              .statement(PolicyStatement.deny().principal("*").resource("execute-api:/*")
                  .notSourceIp("192.0.2.0/24", "2001:db8::/32")));
        })
        .definition();
    assertThat(definition.iam().identityPolicy("arn:aws:iam::123456789012:user/alice")).isNotNull();
    ApiDefinition petstore = definition.api("petstore");
    assertThat(petstore.authorizerOf(petstore.route("GET /reports"))).isSameAs(IamAuthorizer.INSTANCE);
    assertThat(petstore.resourcePolicy().statements()).hasSize(2);

    GatewayDefinition proxied = Gateway.builder().trustedProxies("10.0.0.0/8", "fd00::/8")
        .api(ApiDefinition.builder(ApiType.HTTP, "orders").route("GET /orders", reports).build())
        .definition();
    assertThat(proxied.trustedProxies()).extracting(Cidr::text).containsExactly("10.0.0.0/8", "fd00::/8");
    assertThat(proxied.toBuilder().definition().trustedProxies()).isEqualTo(proxied.trustedProxies());
  }
}
