package dev.gatehouse.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.Gateway;
import dev.gatehouse.GatewayRequest;
import dev.gatehouse.GatewayResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The benchmarks' SigV4 client against AWS's published test vectors, then against the gateway. */
class SigV4SignerTest {
  /** AWS's 2015 test suite key and time; the values are AWS's published examples. */
  private static final SigV4Signer AWS_SUITE =
      new SigV4Signer("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "us-east-1", "service");
  private static final Instant SUITE_TIME = Instant.parse("2015-08-30T12:36:00Z");

  @Test
  void getVanillaMatchesAwsSuite() {
    Map<String, String> headers = AWS_SUITE.sign("GET", "example.amazonaws.com", "/", new byte[0], SUITE_TIME);

    assertThat(headers).containsExactly(
        Map.entry("X-Amz-Date", "20150830T123600Z"),
        Map.entry("Authorization", "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request,"
            + " SignedHeaders=host;x-amz-date,"
            + " Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31"));
  }

  @Test
  void queryParametersAreSortedByNameMatchingAwsSuite() {
    Map<String, String> headers = AWS_SUITE.sign("GET", "example.amazonaws.com", "/?Param2=value2&Param1=value1",
        new byte[0], SUITE_TIME);

    assertThat(headers.get("Authorization"))
        .endsWith("Signature=b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500");
  }

  @Test
  void pathIsEncodedOnceMoreAndQueryPairsSortByNameThenValue() {
    assertThat(SigV4Signer.canonicalPath("/prod/a%20b/hello")).isEqualTo("/prod/a%2520b/hello");
    assertThat(SigV4Signer.canonicalQuery("a=1&a-b=2&a=0&c")).isEqualTo("a=0&a=1&a-b=2&c=");
  }

  @Test
  void iamScenarioAdmitsItsSignedRequestAndRefusesAStaleOne() throws Exception {
    try (Gateway gateway = Scenarios.named("iam").gateway().build(null)) {
      assertThat(handle(gateway, Scenarios.SIGNED_HELLO.signedFor("127.0.0.1:8080").headers()).status())
          .isEqualTo(TrivialAnswer.STATUS);

      Map<String, String> stale = Scenarios.SIGNED_HELLO.signer().sign(Scenarios.SIGNED_HELLO, "127.0.0.1:8080",
          Instant.now().minus(Duration.ofMinutes(6)));
      assertThat(handle(gateway, stale).status()).isEqualTo(403);
    }
  }

  private static GatewayResponse handle(Gateway gateway, Map<String, String> headers) throws Exception {
    GatewayRequest.Builder request = GatewayRequest.builder("GET", Scenarios.SIGNED_HELLO.path())
        .header("Host", "127.0.0.1:8080").sourceIp("127.0.0.1");
    headers.forEach(request::header);
    return gateway.handle(request.build()).toCompletableFuture().get(10, TimeUnit.SECONDS);
  }
}
