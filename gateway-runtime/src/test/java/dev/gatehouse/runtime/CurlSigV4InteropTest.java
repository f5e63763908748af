package dev.gatehouse.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpServer;
import dev.gatehouse.Gateway;
import dev.gatehouse.authorizer.IamAuthorizer;
import dev.gatehouse.event.ProxyResponseV1;
import dev.gatehouse.iam.Credentials;
import dev.gatehouse.iam.IamPolicy;
import dev.gatehouse.iam.IamSettings;
import dev.gatehouse.iam.InMemoryCredentials;
import dev.gatehouse.integration.Integrations;
import dev.gatehouse.jdkserver.JdkHttpServerAdapter;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * curl's own SigV4 signer ({@code --aws-sigv4}, libcurl's C implementation) against the gateway on a
 * real server with the real clock: a third implementation beside the verifier and the test signer.
 * Skipped where no curl with {@code --aws-sigv4} (7.75 or later) is installed.
 */
class CurlSigV4InteropTest {
  private static final String SECRET = "demo-secret-curl-not-for-production";

  private HttpServer server;
  private Gateway gateway;

  @BeforeEach
  void start() throws IOException {
    gateway = Gateway.builder()
        .iam(IamSettings.builder().region("eu-west-1").accountId("123456789012")
            .credentials(InMemoryCredentials.of(Credentials.longTerm("AKIDCURL", SECRET, IamAuthorizationTest.ALICE)))
            .identityPolicy(IamAuthorizationTest.ALICE.arn(), IamPolicy.allowInvoke("*")))
        .restApi("petstore", api -> api
            .stage("prod")
            .defaultAuthorizer(IamAuthorizer.NAME)
            .route("ANY /pets/{proxy+}", Integrations.function(event -> ProxyResponseV1.of(200,
                event.requestContext().identity().userArn() + " " + event.httpMethod() + " " + event.body()))))
        .build();
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    JdkHttpServerAdapter.mount(server, "/api", gateway);
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
    gateway.close();
  }

  private List<String> curl(String secret, String... arguments) throws Exception {
    List<String> command = new ArrayList<>(List.of("curl", "-s", "-w", "\n%{http_code}", "--max-time", "10",
        "--aws-sigv4", "aws:amz:eu-west-1:execute-api", "--user", "AKIDCURL:" + secret));
    command.addAll(List.of(arguments));
    Process process;
    try {
      process = new ProcessBuilder(command).redirectErrorStream(true).start();
    } catch (IOException e) {
      assumeTrue(false, "curl is not installed: " + e.getMessage());
      throw e;
    }
    assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assumeTrue(!output.contains("--aws-sigv4") && process.exitValue() != 2,
        "this curl has no --aws-sigv4: " + output);
    int newline = output.lastIndexOf('\n');
    return List.of(output.substring(newline + 1), output.substring(0, newline));
  }

  private String url(String pathAndQuery) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/prod" + pathAndQuery;
  }

  @Test
  void curlSignedGetWithAQueryIsAdmitted() throws Exception {
    assertThat(curl(SECRET, url("/pets/7?a=1&b=two%20words")))
        .containsExactly("200", IamAuthorizationTest.ALICE.arn() + " GET null");
  }

  @Test
  void curlSignedPostCoversItsBody() throws Exception {
    assertThat(curl(SECRET, "-X", "POST", "-H", "Content-Type: application/json", "-d", "{\"name\":\"tom\"}",
        url("/pets/new")))
        .containsExactly("200", IamAuthorizationTest.ALICE.arn() + " POST {\"name\":\"tom\"}");
  }

  @Test
  void curlWithAnotherSecretIsRefused() throws Exception {
    List<String> answer = curl("not-the-secret", url("/pets/7"));

    assertThat(answer.get(0)).isEqualTo("403");
    assertThat(answer.get(1)).contains("The request signature we calculated does not match");
  }
}
