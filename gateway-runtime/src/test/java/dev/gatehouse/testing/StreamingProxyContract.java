package dev.gatehouse.testing;

import static dev.gatehouse.testing.Bodies.everyByte;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.Gateway;
import dev.gatehouse.GatewayDefinition;
import dev.gatehouse.integration.Integrations;
import dev.gatehouse.testing.StreamingBackend.Answer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Large backend answers through the whole gateway and a real server, the same for every server it
 * is mounted in: subclasses only start their server (the JDK {@code HttpServer}, Jetty, Tomcat) with
 * {@link #start}. The backend is a {@link StreamingBackend} on loopback, the client the JDK's.
 */
public abstract class StreamingProxyContract {
  private static final int HALF = 4 << 20;
  /** 8 MiB, within the default payload limit of 10 MiB. */
  private static final byte[] LARGE = everyByte(2 * HALF / 256);

  private final HttpClient client = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5))
      .build();
  private final CountDownLatch resume = new CountDownLatch(1);
  private StreamingBackend backend;
  private Gateway gateway;
  private URI base;

  /** Serves {@code gateway} on loopback at an ephemeral port; returns the mount point's URL. */
  protected abstract URI start(Gateway gateway) throws Exception;

  /** Stops the server. */
  protected abstract void stop() throws Exception;

  @BeforeEach
  void startAll() throws Exception {
    backend = StreamingBackend.start();
    gateway = Gateway.builder()
        .restApi("files", api -> api
            .stage("prod")
            .route("GET /files/{name}", Integrations.http(backend.url() + "/{name}"))
            .route("GET /impatient/{name}", Integrations.http(backend.url() + "/{name}"),
                route -> route.timeout(Duration.ofSeconds(1))))
        .build();
    assertThat(gateway.maxRequestBodyBytes()).isEqualTo(GatewayDefinition.DEFAULT_MAX_REQUEST_BODY_BYTES);
    base = start(gateway);
  }

  @AfterEach
  void stopAll() throws Exception {
    resume.countDown();
    stop();
    gateway.close();
    backend.close();
  }

  private HttpRequest request(String path) {
    return HttpRequest.newBuilder(URI.create(base + "/prod" + path)).timeout(Duration.ofSeconds(10)).build();
  }

  private HttpResponse<byte[]> fetch(String path) throws Exception {
    return client.sendAsync(request(path), HttpResponse.BodyHandlers.ofByteArray()).get(60, TimeUnit.SECONDS);
  }

  private HttpResponse<InputStream> open(String path) throws Exception {
    return client.sendAsync(request(path), HttpResponse.BodyHandlers.ofInputStream()).get(10, TimeUnit.SECONDS);
  }

  @Test
  void largeAnswerOfKnownLengthArrivesWhole() throws Exception {
    backend.enqueue(Answer.of(200, LARGE));

    HttpResponse<byte[]> response = fetch("/files/large");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Length")).hasValue(Integer.toString(LARGE.length));
    assertThat(response.headers().firstValue("X-Backend")).hasValue("streaming");
    assertThat(response.body()).isEqualTo(LARGE);
  }

  @Test
  void chunkedAnswerOfUnknownLengthArrivesWhole() throws Exception {
    backend.enqueue(Answer.of(200, LARGE).chunked());

    HttpResponse<byte[]> response = fetch("/files/chunked");

    assertThat(response.headers().firstValue("Transfer-Encoding")).hasValue("chunked");
    assertThat(response.body()).isEqualTo(LARGE);
  }

  @Test
  void firstBytesReachTheClientBeforeTheBackendHasFinished() throws Exception {
    backend.enqueue(Answer.of(200, LARGE).pauseAfter(HALF, resume));

    try (InputStream in = open("/files/halves").body()) {
      // the backend sent the first half and waits for this test, which waits for those bytes
      byte[] first = CompletableFuture.supplyAsync(() -> readN(in, HALF)).get(10, TimeUnit.SECONDS);
      assertThat(backend.awaitPause(0)).isTrue();
      resume.countDown();
      byte[] rest = CompletableFuture.supplyAsync(() -> readN(in, LARGE.length)).get(30, TimeUnit.SECONDS);

      assertThat(first).isEqualTo(Arrays.copyOf(LARGE, HALF));
      assertThat(rest).isEqualTo(Arrays.copyOfRange(LARGE, HALF, LARGE.length));
    }
  }

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void backendDyingMidBodyBreaksTheClientsResponse(boolean lengthKnown) throws Exception {
    Answer dying = Answer.of(200, LARGE).dieAfter(HALF);
    backend.enqueue(lengthKnown ? dying : dying.chunked());

    assertThatThrownBy(() -> fetch("/files/dying"))
        .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(IOException.class);
  }

  @Test
  void answerRunningPastThePayloadLimitBreaksTheClientsResponse() throws Exception {
    backend.enqueue(Answer.of(200, everyByte(12 * 4096)).chunked()); // 12 MiB

    assertThatThrownBy(() -> fetch("/files/huge"))
        .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(IOException.class);
  }

  @Test
  void answerDeclaringMoreThanThePayloadLimitGetsAGatewayError() throws Exception {
    backend.enqueue(Answer.of(200, everyByte(12 * 4096)));

    HttpResponse<byte[]> response = fetch("/files/huge");

    assertThat(response.statusCode()).isEqualTo(504);
    assertThat(new String(response.body(), java.nio.charset.StandardCharsets.UTF_8))
        .isEqualTo("{\"message\":\"Internal server error\"}");
  }

  @Test
  void backendStallingLongerThanTheRoutesTimeoutBreaksTheClientsResponse() throws Exception {
    backend.enqueue(Answer.of(200, LARGE).chunked().pauseAfter(HALF, resume));

    assertThatThrownBy(() -> fetch("/impatient/stalling"))
        .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(IOException.class);
  }

  @Test
  void clientGoingAwayLetsTheBackendGo() throws Exception {
    backend.enqueue(Answer.of(200, LARGE).pauseAfter(HALF, resume));

    try (InputStream in = open("/files/abandoned").body()) {
      CompletableFuture.supplyAsync(() -> readN(in, 64 * 1024)).get(10, TimeUnit.SECONDS);
    }
    resume.countDown();

    assertThat(backend.awaitHangUp(10)).as("the gateway closed the backend's connection").isTrue();
  }

  private static byte[] readN(InputStream in, int n) {
    try {
      return in.readNBytes(n);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
