package dev.gatehouse.jdkserver;

import static dev.gatehouse.testing.Bodies.everyByte;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.GatewayRequest;
import dev.gatehouse.GatewayResponse;
import dev.gatehouse.testing.RecordingGateway;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** How the gateway's answer reaches the client: status, headers, body, and when it is written. */
class ResponseWritingTest {
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

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(server.uri(path)).timeout(Duration.ofSeconds(10));
  }

  private HttpResponse<byte[]> send(HttpRequest request) throws Exception {
    return client.send(request, HttpResponse.BodyHandlers.ofByteArray());
  }

  @Test
  void statusHeadersAndBodyAreWrittenAsGiven() throws Exception {
    server = TestServer.http("/", gateway.answering(request -> GatewayResponse.builder(201)
        .header("Content-Type", "application/json")
        .header("x-amzn-RequestId", "r-1")
        .body("{\"id\":7}")
        .build()));

    HttpResponse<byte[]> response = send(request("/prod/pets").POST(HttpRequest.BodyPublishers.ofString("{}")).build());

    assertThat(response.statusCode()).isEqualTo(201);
    assertThat(response.headers().firstValue("content-type")).hasValue("application/json");
    assertThat(response.headers().firstValue("x-amzn-requestid")).hasValue("r-1");
    assertThat(response.headers().firstValue("content-length")).hasValue("8");
    assertThat(new String(response.body(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("{\"id\":7}");
  }

  @Test
  void multiValuedResponseHeaderIsWrittenAsRepeatedFields() throws Exception {
    server = TestServer.http("/", gateway.answering(request -> GatewayResponse.builder(200)
        .header("Set-Cookie", "a=1; Path=/")
        .header("Set-Cookie", "b=2; Path=/")
        .build()));

    RawConnection.Response response = server.exchange("GET /prod HTTP/1.1\r\nHost: localhost\r\n\r\n");

    assertThat(response.headers("Set-Cookie")).containsExactly("a=1; Path=/", "b=2; Path=/");
  }

  @Test
  void binaryBodyRoundTripsByteForByte() throws Exception {
    byte[] every = everyByte(3);
    server = TestServer.http("/", gateway);

    HttpResponse<byte[]> response = send(request("/prod/blob")
        .header("Content-Type", "application/octet-stream")
        .POST(HttpRequest.BodyPublishers.ofByteArray(every)).build());

    assertThat(gateway.takeRequest().bodyLength()).isEqualTo(every.length);
    assertThat(response.body()).isEqualTo(every);
    assertThat(response.headers().firstValue("content-type")).hasValue("application/octet-stream");
  }

  @Test
  void emptyRequestAndResponseBodiesStayEmpty() throws Exception {
    server = TestServer.http("/", gateway);

    HttpResponse<byte[]> response = send(request("/prod").POST(HttpRequest.BodyPublishers.noBody()).build());

    assertThat(gateway.takeRequest().bodyLength()).isZero();
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEmpty();
    assertThat(response.headers().firstValue("content-length")).hasValue("0");
  }

  @Test
  void responseCompletedLaterFromAnotherThreadIsWrittenThenAndFreesTheServerThreadMeanwhile() throws Exception {
    BlockingQueue<CompletableFuture<GatewayResponse>> pending = new LinkedBlockingQueue<>();
    server = TestServer.http("/", gateway.answerWith(request -> {
      if (request.rawPath().equals("/slow")) {
        CompletableFuture<GatewayResponse> later = new CompletableFuture<>();
        pending.add(later);
        return later;
      }
      return CompletableFuture.completedFuture(RecordingGateway.echo(request));
    }), 1);

    CompletableFuture<HttpResponse<String>> slow =
        client.sendAsync(request("/slow").build(), HttpResponse.BodyHandlers.ofString());
    CompletableFuture<GatewayResponse> later = pending.poll(10, TimeUnit.SECONDS);
    assertThat(later).isNotNull();

    // The server has one thread: this answer proves the slow request does not hold it.
    assertThat(send(request("/fast").build()).statusCode()).isEqualTo(200);
    assertThat(slow).isNotDone();

    Thread completer = new Thread(() -> later.complete(GatewayResponse.builder(202).body("done").build()));
    completer.start();
    HttpResponse<String> response = slow.get(10, TimeUnit.SECONDS);
    assertThat(response.statusCode()).isEqualTo(202);
    assertThat(response.body()).isEqualTo("done");
  }

  @Test
  void slowReaderDoesNotHoldTheThreadThatCompletedTheStage() throws Exception {
    // Far more than loopback socket buffers hold, so writing it all needs the client to read.
    byte[] large = new byte[32 << 20];
    BlockingQueue<CompletableFuture<GatewayResponse>> pending = new LinkedBlockingQueue<>();
    server = TestServer.http("/", gateway.answerWith(request -> {
      CompletableFuture<GatewayResponse> later = new CompletableFuture<>();
      pending.add(later);
      return later;
    }));

    try (RawConnection connection = new RawConnection(server.port(), 4096)) {
      connection.send("GET /prod/large HTTP/1.1\r\nHost: localhost\r\n\r\n");
      CompletableFuture<GatewayResponse> later = pending.poll(10, TimeUnit.SECONDS);
      assertThat(later).isNotNull();

      Thread completer = new Thread(() -> later.complete(GatewayResponse.builder(200).body(large).build()));
      completer.start();
      completer.join(10_000);
      // Had the completing thread written the body itself, it would wait here for the client to read.
      assertThat(completer.isAlive()).isFalse();

      RawConnection.Response response = connection.readResponse();
      assertThat(response.body()).hasSize(large.length);
    }
  }

  @Test
  void headResponseCarriesTheLengthButNoBody() throws Exception {
    server = TestServer.http("/", gateway.answering(request -> GatewayResponse.builder(200)
        .header("Content-Type", "text/plain").body("twelve bytes").build()));

    RawConnection.Response head;
    RawConnection.Response next;
    try (RawConnection connection = server.connect()) {
      head = connection.send("HEAD /prod HTTP/1.1\r\nHost: localhost\r\n\r\n").readHeadResponse();
      // Had a body been sent, it would be read here as the next response's status line.
      next = connection.send("GET /prod HTTP/1.1\r\nHost: localhost\r\n\r\n").readResponse();
    }

    assertThat(head.status()).isEqualTo(200);
    assertThat(head.header("Content-Length")).isEqualTo("12");
    assertThat(next.status()).isEqualTo(200);
    assertThat(next.bodyAsString()).isEqualTo("twelve bytes");
  }

  @Test
  void noContentResponseHasNeitherBodyNorLength() throws Exception {
    server = TestServer.http("/", gateway.answering(request -> GatewayResponse.builder(204)
        .header("Content-Length", "5").body("ignored").build()));

    RawConnection.Response first;
    RawConnection.Response second;
    try (RawConnection connection = server.connect()) {
      first = connection.send("DELETE /prod/pets/7 HTTP/1.1\r\nHost: localhost\r\n\r\n").readResponse();
      second = connection.send("DELETE /prod/pets/8 HTTP/1.1\r\nHost: localhost\r\n\r\n").readResponse();
    }

    assertThat(first.status()).isEqualTo(204);
    assertThat(first.header("Content-Length")).isNull();
    assertThat(first.header("Transfer-Encoding")).isNull();
    assertThat(second.status()).isEqualTo(204);
  }

  @Test
  void framingHeadersFromTheGatewayAreReplacedByTheExactLength() throws Exception {
    server = TestServer.http("/", gateway.answering(request -> GatewayResponse.builder(200)
        .header("Transfer-Encoding", "chunked").header("Content-Length", "999").body("abc").build()));

    RawConnection.Response response = server.exchange("GET /prod HTTP/1.1\r\nHost: localhost\r\n\r\n");

    assertThat(response.header("Transfer-Encoding")).isNull();
    assertThat(response.headers("Content-Length")).containsExactly("3");
    assertThat(response.bodyAsString()).isEqualTo("abc");
  }

  @Test
  void exceptionallyCompletedStageBecomesInternalServerError() throws Exception {
    server = TestServer.http("/", gateway.answerWith(
        request -> CompletableFuture.failedFuture(new IllegalStateException("engine bug"))));

    HttpResponse<byte[]> response = send(request("/prod").build());

    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(new String(response.body(), java.nio.charset.StandardCharsets.UTF_8))
        .isEqualTo("{\"message\":\"Internal server error\"}");
  }

  @Test
  void gatewayThatThrowsInsteadOfFailingItsStageBecomesInternalServerError() throws Exception {
    server = TestServer.http("/", gateway.answerWith(request -> {
      throw new IllegalStateException("engine bug");
    }));

    assertThat(send(request("/prod").build()).statusCode()).isEqualTo(500);
    assertThat(send(request("/prod").build()).statusCode()).isEqualTo(500);
  }

  @Test
  void responseHeaderTheJdkCannotCarryBecomesInternalServerErrorWithoutTheHeader() throws Exception {
    server = TestServer.http("/", gateway.answering(request -> GatewayResponse.builder(200)
        .header("X-Good", "kept out").header("X-Evil", "a\nInjected: yes").body("secret").build()));

    RawConnection.Response response = server.exchange("GET /prod HTTP/1.1\r\nHost: localhost\r\n\r\n");

    assertThat(response.status()).isEqualTo(500);
    assertThat(response.header("Injected")).isNull();
    assertThat(response.header("X-Good")).isNull();
    assertThat(response.bodyAsString()).isEqualTo("{\"message\":\"Internal server error\"}");
  }

  @Test
  void clientThatLeftBeforeTheAnswerDoesNotHarmTheNextRequest() throws Exception {
    BlockingQueue<CompletableFuture<GatewayResponse>> pending = new LinkedBlockingQueue<>();
    server = TestServer.http("/", gateway.answerWith(request -> {
      CompletableFuture<GatewayResponse> later = new CompletableFuture<>();
      pending.add(later);
      return later;
    }), 1);

    try (RawConnection connection = server.connect()) {
      connection.send("GET /prod HTTP/1.1\r\nHost: localhost\r\n\r\n");
      assertThat(gateway.takeRequest()).extracting(GatewayRequest::rawPath).isEqualTo("/prod");
    }
    CompletableFuture<GatewayResponse> abandoned = pending.poll(10, TimeUnit.SECONDS);
    assertThat(abandoned).isNotNull();
    abandoned.complete(GatewayResponse.builder(200).body(new byte[1 << 20]).build());

    CompletableFuture<HttpResponse<String>> next =
        client.sendAsync(request("/next").build(), HttpResponse.BodyHandlers.ofString());
    CompletableFuture<GatewayResponse> answer = pending.poll(10, TimeUnit.SECONDS);
    assertThat(answer).isNotNull();
    answer.complete(GatewayResponse.builder(200).body("fine").build());
    assertThat(next.get(10, TimeUnit.SECONDS).body()).isEqualTo("fine");
  }
}
