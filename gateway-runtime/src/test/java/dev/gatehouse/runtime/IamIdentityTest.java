package dev.gatehouse.runtime;

import static dev.gatehouse.runtime.IamAuthorizationTest.ALICE;
import static dev.gatehouse.runtime.IamAuthorizationTest.NOW;
import static dev.gatehouse.runtime.IamAuthorizationTest.REGION;
import static dev.gatehouse.runtime.IamAuthorizationTest.SECRET;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.Gateway;
import dev.gatehouse.GatewayRequest;
import dev.gatehouse.authorizer.IamAuthorizer;
import dev.gatehouse.iam.Credentials;
import dev.gatehouse.iam.IamPolicy;
import dev.gatehouse.iam.IamSettings;
import dev.gatehouse.iam.InMemoryCredentials;
import dev.gatehouse.integration.Integrations;
import dev.gatehouse.runtime.internal.RuntimeEngine;
import dev.gatehouse.runtime.internal.iam.IndependentSigner;
import dev.gatehouse.testing.Backend;
import dev.gatehouse.testing.ManualClock;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The signer of an {@code AWS_IAM} request where AWS puts it besides the events: the stage's access
 * log ({@code $context.identity.*}, {@code $context.accountId}) and an HTTP integration's parameter
 * mappings ({@code context.identity.*}). Requests without IAM leave those values empty.
 */
class IamIdentityTest {
  private static final String HOST = "api.example.com";

  @Test
  void signerReachesTheAccessLogAndTheBackendsMappedHeaders() throws Exception {
    BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    try (Backend backend = Backend.start()) {
      Gateway gateway = new RuntimeEngine(new ManualClock(NOW)).start(Gateway.builder()
          .iam(IamSettings.builder().region(REGION).accountId("123456789012")
              .credentials(InMemoryCredentials.of(Credentials.longTerm("AKIDALICE", SECRET, ALICE)))
              .identityPolicy(ALICE.arn(), IamPolicy.allowInvoke("*")))
          .restApi("petstore", api -> api
              .stage("prod", stage -> stage.accessLog(log -> log
                  .format("$context.requestId $context.accountId $context.identity.accessKey $context.identity.accountId"
                      + " $context.identity.caller $context.identity.user $context.identity.userArn")
                  .sink((a, s, line) -> lines.add(line))))
              .route("GET /reports", Integrations.httpMapped(backend.url() + "/reports", http -> http
                  .requestParameter("integration.request.header.x-caller", "context.identity.userArn")
                  .requestParameter("integration.request.header.x-key", "context.identity.accessKey")
                  .requestParameter("integration.request.header.x-account", "context.identity.accountId")),
                  route -> route.authorizer(IamAuthorizer.NAME))
              .route("GET /open", Integrations.mock(200)))
          .definition());
      try {
        GatewayRequest.Builder request = GatewayRequest.builder("GET", "/prod/reports").header("Host", HOST)
            .sourceIp("127.0.0.1");
        IndependentSigner.forKey("AKIDALICE", SECRET).region(REGION).at(NOW)
            .signHeaders("GET", HOST, "/prod/reports", null, Map.of(), new byte[0]).forEach(request::header);

        assertThat(gateway.handle(request.build()).toCompletableFuture().get(10, TimeUnit.SECONDS).status())
            .isEqualTo(200);
        Backend.Recorded forwarded = backend.takeRequest();
        assertThat(forwarded.header("x-caller")).isEqualTo(ALICE.arn());
        assertThat(forwarded.header("x-key")).isEqualTo("AKIDALICE");
        assertThat(forwarded.header("x-account")).isEqualTo("123456789012");
        assertThat(lines.poll(10, TimeUnit.SECONDS)).endsWith(" 123456789012 AKIDALICE 123456789012 AIDAALICE"
            + " AIDAALICE " + ALICE.arn());

        gateway.handle(GatewayRequest.builder("GET", "/prod/open").header("Host", HOST).build())
            .toCompletableFuture().get(10, TimeUnit.SECONDS);
        assertThat(lines.poll(10, TimeUnit.SECONDS)).endsWith(" 123456789012 - - - - -");
      } finally {
        gateway.close();
      }
    }
  }
}
