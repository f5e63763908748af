package dev.gatehouse.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.gatehouse.Gateway;
import dev.gatehouse.jdkserver.JdkHttpServerAdapter;
import dev.gatehouse.runtime.internal.iam.IndependentSigner;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The README's IAM example is this class, and it answers as its comments say through a real server. */
class IamExampleTest {
  private static final IndependentSigner ANALYST =
      IndependentSigner.forKey("AKIDANALYSTDEMO", "demo-secret-not-for-production").region("eu-west-1");

  private final HttpClient client = HttpClient.newHttpClient();
  private HttpServer server;
  private Gateway gateway;

  @BeforeEach
  void start() throws Exception {
    gateway = IamExample.reports();
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    JdkHttpServerAdapter.mount(server, "/iam", gateway);
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
    gateway.close();
  }

  private HttpResponse<String> get(String path, Map<String, String> headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path));
    headers.forEach(request::header);
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> signedGet(IndependentSigner signer, String path) throws Exception {
    return get(path, signer.signHeaders("GET", "127.0.0.1:" + server.getAddress().getPort(), path, null, Map.of(),
        new byte[0]));
  }

  @Test
  void readmeShowsThisExample() throws Exception {
    assertThat(Readme.javaBlockAfter("## IAM authorization and resource policies"))
        .isEqualTo(Readme.exampleWithoutPackage("IamExample"));
  }

  @Test
  void signedCallerGetsTheReportWithItsArn() throws Exception {
    HttpResponse<String> response = signedGet(ANALYST, "/iam/prod/daily");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("{\"caller\":\"arn:aws:iam::123456789012:user/analyst\"}");
  }

  @Test
  void unsignedAndForgedCallersAreRefused() throws Exception {
    HttpResponse<String> unsigned = get("/iam/prod/daily", Map.of());
    assertThat(unsigned.statusCode()).isEqualTo(403);
    assertThat(unsigned.body()).isEqualTo("{\"message\":\"Missing Authentication Token\"}");

    IndependentSigner forger = IndependentSigner.forKey("AKIDANALYSTDEMO", "guessed").region("eu-west-1");
    HttpResponse<String> forged = signedGet(forger, "/iam/prod/daily");
    assertThat(forged.statusCode()).isEqualTo(403);
    assertThat(forged.headers().firstValue("x-amzn-ErrorType")).hasValue("InvalidSignatureException");
  }

  @Test
  void explicitDenyKeepsTheAnalystFromSalaries() throws Exception {
    HttpResponse<String> response = signedGet(ANALYST, "/iam/prod/salaries");

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.body()).isEqualTo("{\"message\":\"User: arn:aws:iam::123456789012:user/analyst is not"
        + " authorized to perform: execute-api:Invoke on resource: " + IamExample.ARN
        + "/prod/GET/salaries with an explicit deny\"}");
  }

  @Test
  void callersOutsideTheAllowedAddressesAreDeniedEvenOnOpenRoutes() throws Exception {
    assertThat(get("/iam/prod/health", Map.of()).statusCode()).isEqualTo(200);
    assertThat(get("/iam/prod/health", Map.of("X-Forwarded-For", "198.51.100.7")).statusCode())
        .as("the loopback peer is no trusted proxy, so its X-Forwarded-For is ignored").isEqualTo(200);
    Gateway behindProxy = gateway;
    assertThat(behindProxy.handle(dev.gatehouse.GatewayRequest.builder("GET", "/prod/health")
            .sourceIp("10.0.0.5").header("X-Forwarded-For", "198.51.100.7").build())
        .toCompletableFuture().get().bodyAsString())
        .isEqualTo("{\"message\":\"User: anonymous is not authorized to perform: execute-api:Invoke on resource: "
            + IamExample.ARN + "/prod/GET/health with an explicit deny\"}");
  }
}
