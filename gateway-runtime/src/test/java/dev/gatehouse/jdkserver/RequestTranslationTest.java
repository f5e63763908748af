package dev.gatehouse.jdkserver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.GatewayRequest;
import dev.gatehouse.GatewayResponseType;
import dev.gatehouse.testing.RecordingGateway;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the gateway is handed for a request that reached the JDK server: paths, query, headers. */
class RequestTranslationTest {
  private final HttpClient client = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(10))
      .build();
  private final RecordingGateway gateway = new RecordingGateway();
  private TestServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  private HttpResponse<String> get(String pathAndQuery) throws Exception {
    return client.send(HttpRequest.newBuilder(server.uri(pathAndQuery)).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private GatewayRequest rawRequest(String target) throws Exception {
    assertThat(server.exchange("GET " + target + " HTTP/1.1\r\nHost: localhost\r\n\r\n").status()).isEqualTo(200);
    return gateway.takeRequest();
  }

  @Test
  void rootMountPassesTheWholePathWithAnEmptyMountPath() throws Exception {
    server = TestServer.http("/", gateway);

    assertThat(get("/prod/pets/7?verbose=true&x=%20y").statusCode()).isEqualTo(200);

    GatewayRequest request = gateway.takeRequest();
    assertThat(request.method()).isEqualTo("GET");
    assertThat(request.mountPath()).isEmpty();
    assertThat(request.rawPath()).isEqualTo("/prod/pets/7");
    assertThat(request.rawQuery()).isEqualTo("verbose=true&x=%20y");
    assertThat(request.protocol()).isEqualTo("HTTP/1.1");
    assertThat(request.scheme()).isEqualTo("http");
    assertThat(request.tls()).isNull();
    assertThat(request.sourceIp()).isEqualTo("127.0.0.1");
    assertThat(request.refusal()).isNull();
  }

  @Test
  void requestWithoutQueryHasNullRawQuery() throws Exception {
    server = TestServer.http("/", gateway);

    get("/prod/pets");

    assertThat(gateway.takeRequest().rawQuery()).isNull();
  }

  @Test
  void pathMountStripsTheMountFromThePath() throws Exception {
    server = TestServer.http("/api", gateway);

    get("/api/prod/pets?limit=2");

    GatewayRequest request = gateway.takeRequest();
    assertThat(request.mountPath()).isEqualTo("/api");
    assertThat(request.rawPath()).isEqualTo("/prod/pets");
    assertThat(request.rawQuery()).isEqualTo("limit=2");
  }

  @Test
  void mountPathAloneArrivesAsSlash() throws Exception {
    server = TestServer.http("/api", gateway);

    get("/api");
    get("/api/");

    assertThat(gateway.takeRequest().rawPath()).isEqualTo("/");
    assertThat(gateway.takeRequest().rawPath()).isEqualTo("/");
  }

  @Test
  void siblingPathSharingTheMountPrefixIsNotFoundWithoutCallingTheGateway() throws Exception {
    server = TestServer.http("/api", gateway);

    HttpResponse<String> response = get("/apiary/prod");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.body()).isEqualTo("{\"message\":\"Not Found\"}");
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
    assertThat(gateway.pendingRequests()).isZero();
  }

  @Test
  void pathThatOnlyDecodesToTheMountIsNotFoundWithoutCallingTheGateway() throws Exception {
    server = TestServer.http("/api", gateway);

    // The JDK matches contexts on the decoded path, so both reach the /api context.
    assertThat(get("/%61pi/prod").statusCode()).isEqualTo(404);
    assertThat(get("/api%2Fprod").statusCode()).isEqualTo(404);

    assertThat(gateway.pendingRequests()).isZero();
  }

  @Test
  void percentEncodedSegmentsArriveRaw() throws Exception {
    server = TestServer.http("/api", gateway);

    get("/api/prod/pets/a%20b/caf%C3%A9?q=a%26b");

    GatewayRequest request = gateway.takeRequest();
    assertThat(request.rawPath()).isEqualTo("/prod/pets/a%20b/caf%C3%A9");
    assertThat(request.rawQuery()).isEqualTo("q=a%26b");
  }

  @Test
  void dotSegmentsAndEncodedSlashesArriveAsSentForTheGatewayToJudge() throws Exception {
    server = TestServer.http("/api", gateway);

    assertThat(rawRequest("/api/prod/../admin").rawPath()).isEqualTo("/prod/../admin");
    assertThat(rawRequest("/api/prod/%2e%2e/admin").rawPath()).isEqualTo("/prod/%2e%2e/admin");
    assertThat(rawRequest("/api/prod/a%2Fb").rawPath()).isEqualTo("/prod/a%2Fb");
    assertThat(rawRequest("/api/../etc").rawPath()).isEqualTo("/../etc");
  }

  @Test
  void headerValuesArriveInOrderUnderTheJdksNameSpelling() throws Exception {
    server = TestServer.http("/", gateway);

    RawConnection.Response response = server.exchange("GET /prod HTTP/1.1\r\nHost: localhost:1\r\nx-request-ID: abc\r\n"
        + "Accept: text/html\r\naccept: text/plain\r\nX-Empty:\r\nX-List: a, b\r\n\r\n");
    assertThat(response.status()).isEqualTo(200);

    GatewayRequest request = gateway.takeRequest();
    assertThat(request.headers().all("Accept")).containsExactly("text/html", "text/plain");
    assertThat(request.headers().first("Host")).isEqualTo("localhost:1");
    assertThat(request.headers().first("X-Request-Id")).isEqualTo("abc");
    assertThat(request.headers().first("X-Empty")).isEmpty();
    assertThat(request.headers().all("X-List")).containsExactly("a, b");
    // The JDK keeps the first letter capital and lowers the rest before the adapter sees the name.
    assertThat(request.headers().toMultiMap()).containsKeys("Accept", "X-request-id", "Host");
  }

  @Test
  void repeatedRequestHeaderFromAClientArrivesAsSeparateValues() throws Exception {
    server = TestServer.http("/", gateway);

    client.send(HttpRequest.newBuilder(server.uri("/prod"))
            .header("X-Multi", "one").header("X-Multi", "two").timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.discarding());

    assertThat(gateway.takeRequest().headers().all("x-multi")).containsExactly("one", "two");
  }

  @Test
  void http11RequestWithoutHostReachesTheGatewayRefusedAsBadRequest() throws Exception {
    server = TestServer.http("/", gateway);

    RawConnection.Response response = server.exchange("GET /prod/pets HTTP/1.1\r\n\r\n");

    GatewayRequest request = gateway.takeRequest();
    assertThat(request.refusal()).isEqualTo(GatewayResponseType.BAD_REQUEST);
    assertThat(request.rawPath()).isEqualTo("/prod/pets");
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.header("Connection")).isEqualTo("close");
  }

  @Test
  void http11RequestWithTwoHostsReachesTheGatewayRefusedAsBadRequest() throws Exception {
    server = TestServer.http("/", gateway);

    server.exchange("GET /prod HTTP/1.1\r\nHost: a.example\r\nHost: b.example\r\n\r\n");

    assertThat(gateway.takeRequest().refusal()).isEqualTo(GatewayResponseType.BAD_REQUEST);
  }

  @Test
  void http10RequestWithoutHostIsServed() throws Exception {
    server = TestServer.http("/", gateway);

    RawConnection.Response response = server.exchange("GET /prod HTTP/1.0\r\n\r\n");

    GatewayRequest request = gateway.takeRequest();
    assertThat(request.refusal()).isNull();
    assertThat(request.protocol()).isEqualTo("HTTP/1.0");
    assertThat(response.status()).isEqualTo(200);
  }

  @Test
  void pathStartingWithTwoSlashesIsKeptWholeNotReadAsAnAuthority() {
    assertThat(ExchangeTranslator.rawPath(URI.create("//example//"))).isEqualTo("//example//");
    assertThat(ExchangeTranslator.rawPath(URI.create("//example//?x=1"))).isEqualTo("//example//");
    assertThat(ExchangeTranslator.rawPath(URI.create("/prod/pets%2F7?x=1#top"))).isEqualTo("/prod/pets%2F7");
    assertThat(ExchangeTranslator.rawPath(URI.create("http://host:8080/prod/pets?x=1"))).isEqualTo("/prod/pets");
  }
}
