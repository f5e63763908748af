package dev.gatehouse.runtime.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.Gateway;
import dev.gatehouse.GatewayRequest;
import dev.gatehouse.GatewayResponse;
import dev.gatehouse.authorizer.IamAuthorizer;
import dev.gatehouse.event.ProxyResponseV1;
import dev.gatehouse.iam.Credentials;
import dev.gatehouse.iam.IamPolicy;
import dev.gatehouse.iam.IamPrincipal;
import dev.gatehouse.iam.IamSettings;
import dev.gatehouse.iam.InMemoryCredentials;
import dev.gatehouse.iam.PolicyStatement;
import dev.gatehouse.integration.Integrations;
import dev.gatehouse.runtime.internal.RuntimeEngine;
import dev.gatehouse.runtime.internal.iam.IndependentSigner;
import dev.gatehouse.testing.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code Cache-Control: max-age=0} from {@code AWS_IAM} callers: only a signer whose policies allow
 * {@code execute-api:InvalidateCache} on the method ARN refetches; others get the cached answer with
 * the stage's {@code Warning}, as AWS's default unauthorized strategy.
 */
class IamCacheInvalidationTest {
  private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
  private static final String ARN = "arn:aws:execute-api:eu-west-1:123456789012:petstore";
  private static final IamPrincipal OPS = IamPrincipal.of("arn:aws:iam::123456789012:user/ops", "AIDAOPS");
  private static final IamPrincipal READER = IamPrincipal.of("arn:aws:iam::123456789012:user/reader", "AIDAREADER");

  private final AtomicInteger calls = new AtomicInteger();
  private Gateway gateway;

  @AfterEach
  void stop() {
    gateway.close();
  }

  private GatewayResponse refetch(String accessKey, String secret) throws Exception {
    Map<String, List<String>> headers = Map.of("Cache-Control", List.of("max-age=0"));
    GatewayRequest.Builder request = GatewayRequest.builder("GET", "/prod/report")
        .header("Host", "api.example.com").header("Cache-Control", "max-age=0");
    IndependentSigner.forKey(accessKey, secret).region("eu-west-1").at(NOW)
        .signHeaders("GET", "api.example.com", "/prod/report", null, headers, new byte[0])
        .forEach(request::header);
    return gateway.handle(request.build()).toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Test
  void onlySignersAllowedInvalidateCacheRefetch() throws Exception {
    gateway = new RuntimeEngine(new ManualClock(NOW)).start(Gateway.builder()
        .iam(IamSettings.builder().region("eu-west-1").accountId("123456789012")
            .credentials(InMemoryCredentials.of(Credentials.longTerm("AKIDOPS", "demo-secret-ops", OPS),
                Credentials.longTerm("AKIDREADER", "demo-secret-reader", READER)))
            .identityPolicy(OPS.arn(), IamPolicy.builder()
                .statement(PolicyStatement.allow().action("execute-api:Invoke", "execute-api:InvalidateCache")
                    .resource(ARN + "/prod/GET/*")))
            .identityPolicy(READER.arn(), IamPolicy.allowInvoke(ARN + "/prod/GET/*")))
        .restApi("petstore", api -> api
            .stage("prod", stage -> stage.cache(cache -> cache.ttl(Duration.ofMinutes(5))))
            .defaultAuthorizer(IamAuthorizer.NAME)
            .route("GET /report", Integrations.function(event ->
                ProxyResponseV1.of(200, "call " + calls.incrementAndGet()))))
        .definition());

    assertThat(refetch("AKIDOPS", "demo-secret-ops").bodyAsString()).isEqualTo("call 1");
    GatewayResponse reader = refetch("AKIDREADER", "demo-secret-reader");
    assertThat(reader.bodyAsString()).as("the reader may invoke, not invalidate").isEqualTo("call 1");
    assertThat(reader.headers().first("Warning")).isNotNull();
    assertThat(refetch("AKIDOPS", "demo-secret-ops").bodyAsString()).isEqualTo("call 2");
  }
}
