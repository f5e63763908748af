package dev.gatehouse.servlet;

import static dev.gatehouse.testing.Bodies.everyByte;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.GatewayRequest;
import dev.gatehouse.GatewayResponse;
import dev.gatehouse.GatewayResponseType;
import dev.gatehouse.testing.RawHttp;
import dev.gatehouse.testing.RecordingGateway;
import dev.gatehouse.testing.TlsKeyStore;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import javax.net.ssl.SSLSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What {@link GatewayServlet} does, whatever the container: each subclass only says which
 * container to start ({@link #newContainer()}). Requests come from the JDK's HttpClient, or from
 * a bare socket where a polite client could not send them.
 */
public abstract class GatewayServletContract extends GatewayInContainer {
  protected final RecordingGateway gateway = new RecordingGateway();

  /** Serves {@link #gateway} at {@code /app/api}: context {@code /app}, mapping {@code /api/*}. */
  protected URI serveAtApp() throws Exception {
    return serve(gateway, "/app", "/api/*");
  }

  @AfterEach
  void closeGateway() {
    gateway.close();
  }

  @Test
  void mountPathIsContextPathPlusServletPathAndPeerFactsArePassed() throws Exception {
    URI base = serveAtApp();

    assertThat(get(base + "/prod/pets").statusCode()).isEqualTo(200);

    GatewayRequest seen = gateway.takeRequest();
    assertThat(seen.mountPath()).isEqualTo("/app/api");
    assertThat(seen.rawPath()).isEqualTo("/prod/pets");
    assertThat(seen.rawQuery()).as("query of a request without one").isNull();
    assertThat(seen.method()).isEqualTo("GET");
    assertThat(seen.sourceIp()).isEqualTo("127.0.0.1");
    assertThat(seen.protocol()).isEqualTo("HTTP/1.1");
    assertThat(seen.scheme()).isEqualTo("http");
    assertThat(seen.tls()).isNull();
  }

  @Test
  void percentEncodedPathAndQueryReachTheGatewayStillEncoded() throws Exception {
    URI base = serveAtApp();

    get(base + "/prod/a%20b/%41%42/%E2%82%AC;v=1?limit=2&name=a%20b+c&empty=&flag");

    GatewayRequest seen = gateway.takeRequest();
    assertThat(seen.rawPath()).isEqualTo("/prod/a%20b/%41%42/%E2%82%AC;v=1");
    assertThat(seen.rawQuery()).isEqualTo("limit=2&name=a%20b+c&empty=&flag");
  }

  @Test
  void mountPointWithoutTrailingSlashIsRawPathSlash() throws Exception {
    URI base = serveAtApp();

    get(base.toString());
    get(base + "/");

    GatewayRequest bare = gateway.takeRequest();
    assertThat(bare.mountPath()).isEqualTo("/app/api");
    assertThat(bare.rawPath()).isEqualTo("/");
    assertThat(gateway.takeRequest().rawPath()).isEqualTo("/");
  }

  @Test
  void servletAtTheRootHasAnEmptyMountPath() throws Exception {
    URI base = serve(gateway, "", "/*");

    get(base + "/prod/pets?x=1");

    GatewayRequest seen = gateway.takeRequest();
    assertThat(seen.mountPath()).isEmpty();
    assertThat(seen.rawPath()).isEqualTo("/prod/pets");
    assertThat(seen.rawQuery()).isEqualTo("x=1");
  }

  @Test
  void tlsFactsReachTheGateway(@TempDir Path dir) throws Exception {
    TlsKeyStore keyStore = TlsKeyStore.create(dir);
    URI base = container().tls(keyStore).start(gateway, "/app", "/api/*");
    HttpClient client = HttpClient.newBuilder().sslContext(keyStore.identifiedContext()).build();

    HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(URI.create(base + "/prod/pets"))
        .timeout(Duration.ofSeconds(10)).build(), BodyHandlers.ofByteArray());

    SSLSession session = response.sslSession().orElseThrow();
    GatewayRequest seen = gateway.takeRequest();
    assertThat(seen.scheme()).isEqualTo("https");
    assertThat(seen.tls().cipherSuite()).isEqualTo(session.getCipherSuite());
    // Jetty 12 ee10 sets no attribute for the protocol; Tomcat 11 does
    assertThat(seen.tls().protocol()).isIn(session.getProtocol(), ServletRequests.UNKNOWN_PROTOCOL);
    assertThat(seen.tls().clientCertificates()).isEqualTo(keyStore.chain());
  }

  @Test
  void anyMethodReachesTheGatewayUnchanged() throws Exception {
    URI base = serveAtApp();

    for (String method : List.of("PATCH", "OPTIONS", "DELETE", "PURGE")) {
      HttpResponse<byte[]> response =
          send(HttpRequest.newBuilder(URI.create(base + "/prod/pets")).method(method, BodyPublishers.noBody()));
      assertThat(response.headers().firstValue("X-Echo-Method")).contains(method);
      assertThat(gateway.takeRequest().method()).isEqualTo(method);
    }
  }

  @Test
  void requestHeadersKeepTheirSpellingAndEveryValueInOrder() throws Exception {
    URI base = serveAtApp();

    RawHttp.exchange(base, "GET /app/api/prod/pets HTTP/1.1\r\nHost: 127.0.0.1\r\nX-MiXeD-CaSe: kept\r\n"
        + "X-Multi: one\r\nX-Multi: two\r\nx-multi: three\r\nX-Joined: a, b\r\nConnection: close\r\n\r\n");

    GatewayRequest seen = gateway.takeRequest();
    assertThat(seen.headers().all("X-Multi")).containsExactly("one", "two", "three");
    assertThat(seen.headers().all("X-Joined")).containsExactly("a, b");
    List<String> names = new ArrayList<>();
    seen.headers().forEach((name, value) -> names.add(name));
    assertThat(names).contains("X-MiXeD-CaSe");
  }

  @Test
  void binaryBodyRoundTripsByteForByteWhetherSizedOrChunked() throws Exception {
    URI base = serveAtApp();
    byte[] body = everyByte(8192);
    // 2 MiB: more than a container buffers, so the writer (and mostly the reader) waits for readiness;
    // an InputStream publisher has no length, so the client sends that body chunked
    List<BodyPublisher> publishers = List.of(BodyPublishers.ofByteArray(body),
        BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)));

    for (BodyPublisher publisher : publishers) {
      HttpResponse<byte[]> response =
          send(HttpRequest.newBuilder(URI.create(base + "/prod/upload")).POST(publisher));

      assertThat(response.body()).isEqualTo(body);
      assertThat(response.headers().firstValue("Content-Length")).contains(String.valueOf(body.length));
      GatewayRequest seen = gateway.takeRequest();
      assertThat(seen.bodyLength()).isEqualTo(body.length);
      assertThat(seen.refusal()).isNull();
      assertThat(seen.headers().contains("Transfer-Encoding")).isEqualTo(publisher.contentLength() < 0);
    }
  }

  @Test
  void emptyBodyReachesTheGatewayEmpty() throws Exception {
    URI base = serveAtApp();

    HttpResponse<byte[]> response =
        send(HttpRequest.newBuilder(URI.create(base + "/prod/pets")).POST(BodyPublishers.noBody()));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEmpty();
    assertThat(response.headers().firstValue("Content-Length")).contains("0");
    assertThat(gateway.takeRequest().bodyLength()).isZero();
  }

  @Test
  void answerCompletedLaterOnAnotherThreadIsWritten() throws Exception {
    URI base = serveAtApp();
    gateway.answerLater(Duration.ofMillis(150));

    HttpResponse<byte[]> response = send(HttpRequest.newBuilder(URI.create(base + "/prod/pets"))
        .POST(BodyPublishers.ofString("later")));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(new String(response.body(), UTF_8)).isEqualTo("later");
    assertThat(response.headers().firstValue("X-Completed-On")).contains(RecordingGateway.LATER_THREAD);
  }

  @Test
  void answerHeadersAreWrittenFieldByFieldWithTheAdaptersOwnFraming() throws Exception {
    URI base = serveAtApp();
    gateway.answer(GatewayResponse.builder(201)
        .header("Set-Cookie", "a=1")
        .header("Set-Cookie", "b=2")
        .header("X-Multi", "one")
        .header("X-Multi", "two")
        .header("Content-Length", "999")
        .header("Transfer-Encoding", "chunked")
        .body("created")
        .build());

    RawHttp.Response response = RawHttp.get(base, "/app/api/prod/pets");

    assertThat(response.status()).isEqualTo(201);
    assertThat(response.headers("Set-Cookie")).containsExactly("a=1", "b=2");
    assertThat(response.headers("X-Multi")).containsExactly("one", "two");
    assertThat(response.headers("Content-Length")).containsExactly("7");
    assertThat(response.headers("Transfer-Encoding")).isEmpty();
    assertThat(response.bodyAsString()).isEqualTo("created");
  }

  @Test
  void headAnswerAnnouncesTheLengthWithoutABody() throws Exception {
    URI base = serveAtApp();
    gateway.answer(GatewayResponse.builder(200).header("Content-Type", "text/plain").body("hello").build());

    RawHttp.Response response = RawHttp.exchange(base,
        "HEAD /app/api/prod/pets HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.header("Content-Length")).isEqualTo("5");
    assertThat(response.body()).isEmpty();
    assertThat(gateway.takeRequest().method()).isEqualTo("HEAD");
  }

  @Test
  void noContentAnswerHasNoBody() throws Exception {
    URI base = serveAtApp();
    gateway.answer(GatewayResponse.builder(204).header("X-Done", "yes").build());

    RawHttp.Response response = RawHttp.get(base, "/app/api/prod/pets");

    assertThat(response.status()).isEqualTo(204);
    assertThat(response.header("X-Done")).isEqualTo("yes");
    assertThat(response.body()).isEmpty();
  }

  @Test
  void contentLengthPastLimitIsRefusedWith413WithoutReadingTheBody() throws Exception {
    URI base = serveAtApp();
    gateway.maxRequestBodyBytes(1024);

    // announces 10 GB and sends three bytes: an answer can only come if the body is not awaited
    RawHttp.Response response = RawHttp.exchange(base, "POST /app/api/prod/upload HTTP/1.1\r\n"
        + "Host: 127.0.0.1\r\nContent-Length: 10000000000\r\n\r\n", "abc".getBytes(UTF_8));

    assertThat(response.status()).isEqualTo(413);
    assertThat(response.header("Connection")).isEqualToIgnoringCase("close");
    assertThat(response.bodyAsString()).isEqualTo("{\"message\":\"Request Too Long\"}");
    GatewayRequest seen = gateway.takeRequest();
    assertThat(seen.refusal()).isEqualTo(GatewayResponseType.REQUEST_TOO_LARGE);
    assertThat(seen.bodyLength()).isZero();
  }

  @Test
  void chunkedBodyPastLimitIsRefusedWith413() throws Exception {
    URI base = serveAtApp();
    gateway.maxRequestBodyBytes(1024);

    RawHttp.Response response = RawHttp.exchange(base, "POST /app/api/prod/upload HTTP/1.1\r\n"
        + "Host: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n\r\n", RawHttp.chunks(3, 512));

    assertThat(response.status()).isEqualTo(413);
    assertThat(response.header("Connection")).isEqualToIgnoringCase("close");
    GatewayRequest seen = gateway.takeRequest();
    assertThat(seen.refusal()).isEqualTo(GatewayResponseType.REQUEST_TOO_LARGE);
    assertThat(seen.bodyLength()).isZero();
  }

  @Test
  void bodyExactlyAtTheLimitIsAccepted() throws Exception {
    URI base = serveAtApp();
    gateway.maxRequestBodyBytes(1024);

    RawHttp.Response chunkedAnswer = RawHttp.exchange(base, "POST /app/api/prod/upload HTTP/1.1\r\n"
        + "Host: 127.0.0.1\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n", RawHttp.chunks(2, 512));
    HttpResponse<byte[]> lengthAnswer = send(HttpRequest.newBuilder(URI.create(base + "/prod/upload"))
        .POST(BodyPublishers.ofByteArray(new byte[1024])));

    assertThat(chunkedAnswer.status()).isEqualTo(200);
    assertThat(lengthAnswer.statusCode()).isEqualTo(200);
    assertThat(lengthAnswer.headers().firstValue("Connection")).isEmpty();
    assertThat(gateway.takeRequest().bodyLength()).isEqualTo(1024);
    assertThat(gateway.takeRequest().bodyLength()).isEqualTo(1024);
  }

  @Test
  void clientLeavingMidBodyNeverReachesTheGatewayNorHarmsTheNextRequest() throws Exception {
    URI base = serveAtApp();

    try (LogCapture log = LogCapture.of(GatewayServlet.class)) {
      try (Socket socket = new Socket("127.0.0.1", base.getPort())) {
        socket.getOutputStream().write(("POST /app/api/prod/upload HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            + "Content-Length: 100\r\n\r\n0123456789").getBytes(UTF_8));
      }
      assertThat(log.await("reading the request body failed")).isTrue();
    }

    assertThat(get(base + "/prod/pets").statusCode()).isEqualTo(200);
    assertThat(gateway.takeRequest().rawPath()).isEqualTo("/prod/pets");
    assertThat(gateway.pendingRequests()).isZero();
  }

  @Test
  void gatewayFailingToAnswerGives500AndIsLogged() throws Exception {
    URI base = serveAtApp();
    List<Function<GatewayRequest, CompletionStage<GatewayResponse>>> failures = List.of(
        request -> CompletableFuture.failedFuture(new IllegalStateException("broken")),
        request -> {
          throw new IllegalStateException("broken");
        });

    for (Function<GatewayRequest, CompletionStage<GatewayResponse>> failure : failures) {
      gateway.answerWith(failure);
      HttpResponse<byte[]> response;
      List<LogRecord> errors;
      try (LogCapture log = LogCapture.of(GatewayServlet.class)) {
        response = get(base + "/prod/pets?apiKey=secret");
        errors = log.atLeast(Level.SEVERE);
      }

      assertThat(response.statusCode()).isEqualTo(500);
      assertThat(new String(response.body(), UTF_8)).isEqualTo("{\"message\":\"Internal server error\"}");
      assertThat(response.headers().firstValue("x-amzn-ErrorType")).contains("InternalServerErrorException");
      assertThat(errors).singleElement().satisfies(error -> {
        assertThat(error.getMessage()).isEqualTo("gateway failed to answer GET /app/api/prod/pets");
        assertThat(error.getThrown()).isInstanceOf(IllegalStateException.class).hasMessage("broken");
      });
    }
  }

  @Test
  void servletWithoutAsyncSupportFailsWithAHint() throws Exception {
    FailureRecordingFilter filter = new FailureRecordingFilter();
    URI base = container().deploy(new GatewayServlet(gateway), "/app", "/api/*",
        ServletContainer.AsyncSupport.OFF, filter);

    HttpResponse<byte[]> response = get(base + "/prod/pets");

    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(filter.thrown()).hasMessage("servlet \"gateway\": async support is off (expected:"
        + " GatewayServlet and every filter in front of it registered with setAsyncSupported(true))");
    assertThat(gateway.pendingRequests()).isZero();
  }

  /*
   * Holds each container to the rule, not to today's choice (which each subclass's Javadoc
   * records): refused before the gateway, or dispatched with the path the container resolved,
   * never with a dot segment left in it.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "/app/api/prod/x/../pets              | /prod/pets",
      "/app/api/prod/x/%2e%2e/pets          | /prod/pets",
      "/app/api/prod/x/.%2E/pets            | /prod/pets",
      "/app/api/prod/x/..;/pets             | /prod/pets",
      "/app/api/prod/x\\..\\pets            | /prod/pets",
      "/app/api/../api/prod/pets            | /prod/pets",
      "/app/api//prod//pets                 | /prod/pets",
      "/app/api/prod/a%2fb                  | /prod/a%2fb",
      "/app/api/prod/..%2f..%2f..%2fsecret  | (never)",
      "/app/api/../../etc/passwd            | (never)"})
  void pathTraversalIsRefusedOrResolvedBeforeTheGateway(String target, String resolved)
      throws Exception {
    URI base = serveAtApp();

    RawHttp.Response response = RawHttp.get(base, target);

    if (gateway.pendingRequests() == 0) {
      assertThat(response.status()).as("status of a request kept from the gateway").isIn(400, 404);
      return;
    }
    String rawPath = gateway.takeRequest().rawPath();
    assertThat(rawPath).isEqualTo(resolved);
    assertThat(URLDecoder.decode(rawPath, UTF_8).split("/")).doesNotContain("..", ".");
    assertThat(response.status()).isEqualTo(200);
  }
}
