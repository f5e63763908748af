package dev.gatehouse.runtime;

import static dev.gatehouse.runtime.IamAuthorizationTest.ALICE;
import static dev.gatehouse.runtime.IamAuthorizationTest.BOB;
import static dev.gatehouse.runtime.IamAuthorizationTest.NOW;
import static dev.gatehouse.runtime.IamAuthorizationTest.REGION;
import static dev.gatehouse.runtime.IamAuthorizationTest.SECRET;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.Gateway;
import dev.gatehouse.GatewayRequest;
import dev.gatehouse.GatewayResponse;
import dev.gatehouse.authorizer.IamAuthorizer;
import dev.gatehouse.event.ProxyResponseV1;
import dev.gatehouse.iam.Credentials;
import dev.gatehouse.iam.IamPolicy;
import dev.gatehouse.iam.IamSettings;
import dev.gatehouse.iam.InMemoryCredentials;
import dev.gatehouse.integration.Integrations;
import dev.gatehouse.runtime.internal.RuntimeEngine;
import dev.gatehouse.runtime.internal.iam.IndependentSigner;
import dev.gatehouse.testing.ManualClock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * SigV4 under hostile input: concurrent signers with right and wrong secrets interleaved (per-thread
 * HMAC state and remembered signing keys must never mix), signed headers the request lacks, huge and
 * garbled Authorization headers, and a credentials provider that fails.
 */
class IamHostileInputTest {
  private static final String HOST = "api.example.com";

  private Gateway gateway;

  @BeforeEach
  void start() {
    gateway = new RuntimeEngine(new ManualClock(NOW)).start(Gateway.builder()
        .iam(IamSettings.builder().region(REGION).accountId("123456789012")
            .credentials(accessKeyId -> accessKeyId.equals("AKIDBROKEN")
                ? CompletableFuture.failedFuture(new IllegalStateException("the key store is down"))
                : InMemoryCredentials.of(Credentials.longTerm("AKIDALICE", SECRET, ALICE),
                    Credentials.longTerm("AKIDBOB", "demo-secret-bob", BOB)).find(accessKeyId))
            .identityPolicy(ALICE.arn(), IamPolicy.allowInvoke("*"))
            .identityPolicy(BOB.arn(), IamPolicy.allowInvoke("*")))
        .restApi("petstore", api -> api
            .stage("prod")
            .defaultAuthorizer(IamAuthorizer.NAME)
            .route("GET /pets/{id}", Integrations.function(event ->
                ProxyResponseV1.of(200, event.requestContext().identity().userArn()))))
        .definition());
  }

  @AfterEach
  void stop() {
    gateway.close();
  }

  private GatewayResponse send(GatewayRequest request) throws Exception {
    return gateway.handle(request).toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  private static GatewayRequest signed(String accessKey, String secret, String path) {
    GatewayRequest.Builder request = GatewayRequest.builder("GET", path).header("Host", HOST).sourceIp("127.0.0.1");
    IndependentSigner.forKey(accessKey, secret).region(REGION).at(NOW)
        .signHeaders("GET", HOST, path, null, Map.of(), new byte[0]).forEach(request::header);
    return request.build();
  }

  @Test
  void concurrentSignersNeverBorrowEachOthersKeys() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<String>> answers = new ArrayList<>();
      for (int i = 0; i < 400; i++) {
        int n = i;
        answers.add(pool.submit(() -> {
          GatewayRequest request = switch (n % 4) {
            case 0 -> signed("AKIDALICE", SECRET, "/prod/pets/" + n);
            case 1 -> signed("AKIDBOB", "demo-secret-bob", "/prod/pets/" + n);
            case 2 -> signed("AKIDALICE", "demo-secret-bob", "/prod/pets/" + n);
            default -> signed("AKIDBOB", SECRET, "/prod/pets/" + n);
          };
          GatewayResponse response = send(request);
          return response.status() + " " + response.bodyAsString();
        }));
      }
      for (int i = 0; i < answers.size(); i++) {
        String answer = answers.get(i).get(30, TimeUnit.SECONDS);
        switch (i % 4) {
          case 0 -> assertThat(answer).isEqualTo("200 " + ALICE.arn());
          case 1 -> assertThat(answer).isEqualTo("200 " + BOB.arn());
          default -> assertThat(answer).startsWith("403 ").contains("signature we calculated does not match");
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void signedHeaderTheRequestLacksFailsTheSignature() throws Exception {
    GatewayRequest.Builder request = GatewayRequest.builder("GET", "/prod/pets/1").header("Host", HOST);
    Map<String, List<String>> extra = Map.of("X-Tenant", List.of("blue"));
    IndependentSigner.forKey("AKIDALICE", SECRET).region(REGION).at(NOW)
        .signHeaders("GET", HOST, "/prod/pets/1", null, extra, new byte[0]).forEach(request::header);

    GatewayResponse response = send(request.build());

    assertThat(response.status()).isEqualTo(403);
    assertThat(response.headers().first("x-amzn-ErrorType")).isEqualTo("InvalidSignatureException");
  }

  @Test
  void hugeOrGarbledAuthorizationHeadersAreRefusedCleanly() throws Exception {
    String manyHeaders = "host;" + "x-a;".repeat(20_000) + "x-amz-date";
    String[] garbage = {
        "AWS4-HMAC-SHA256 Credential=AKIDALICE/20261124/" + REGION + "/execute-api/aws4_request, SignedHeaders="
            + manyHeaders + ", Signature=" + "0".repeat(64),
        "AWS4-HMAC-SHA256 Credential=////, SignedHeaders=;;;, Signature=zz",
        "AWS4-HMAC-SHA256 Credential=AKIDALICE/2026-11-24/" + REGION + "/execute-api/aws4_request,"
            + " SignedHeaders=host;x-amz-date, Signature=00",
        "AWS4-HMAC-SHA256 ,,,,=,=,=",
        "AWS4-HMAC-SHA256\r\nX-Injected: 1",
    };
    for (String authorization : garbage) {
      GatewayResponse response = send(GatewayRequest.builder("GET", "/prod/pets/1").header("Host", HOST)
          .header("X-Amz-Date", "20261124T100000Z").header("Authorization", authorization).build());
      assertThat(response.status()).as(authorization.substring(0, Math.min(60, authorization.length())))
          .isEqualTo(403);
      assertThat(response.headers().first("x-amzn-ErrorType"))
          .isIn("InvalidSignatureException", "IncompleteSignatureException");
      assertThat(response.headers().first("X-Injected")).isNull();
    }
  }

  @Test
  void failingCredentialsProviderAnswers500AndTheNextRequestIsServed() throws Exception {
    GatewayResponse failed = send(signed("AKIDBROKEN", "whatever", "/prod/pets/1"));

    assertThat(failed.status()).isEqualTo(500);
    assertThat(failed.headers().first("x-amzn-ErrorType")).isEqualTo("AuthorizerFailureException");
    assertThat(failed.bodyAsString()).doesNotContain("key store");
    assertThat(send(signed("AKIDALICE", SECRET, "/prod/pets/2")).status()).isEqualTo(200);
  }
}
