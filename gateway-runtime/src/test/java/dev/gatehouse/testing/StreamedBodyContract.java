package dev.gatehouse.testing;

import static dev.gatehouse.testing.Bodies.everyByte;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.Gateway;
import dev.gatehouse.GatewayResponse;
import java.io.IOException;
import java.io.InputStream;
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
import org.junit.jupiter.params.provider.CsvSource;

/**
 * How an adapter writes a streamed body, the same for every server: subclasses only start their
 * server (the JDK {@code HttpServer}, Jetty, Tomcat) with {@link #start}. The gateway is a
 * {@link RecordingGateway} answering with a {@link ChunkPublisher}, so that a test can make the body
 * pause or fail where it wants.
 */
public abstract class StreamedBodyContract {
  private static final byte[] BODY = everyByte(4 * 1024); // 1 MiB
  private static final int CHUNK = 4000;

  private final HttpClient client = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5))
      .build();
  private final RecordingGateway gateway = new RecordingGateway();
  private ChunkPublisher publisher;
  private URI base;

  /** Serves {@code gateway} on loopback at an ephemeral port; returns the mount point's URL. */
  protected abstract URI start(Gateway gateway) throws Exception;

  /** Stops the server. */
  protected abstract void stop() throws Exception;

  @BeforeEach
  void startServer() throws Exception {
    base = start(gateway);
  }

  @AfterEach
  void stopServer() throws Exception {
    if (publisher != null) {
      publisher.close();
    }
    stop();
    gateway.close();
  }

  /** Answers every request with a body streamed from {@code source}, declared {@code length} long. */
  private void answerStreamed(ChunkPublisher source, long length) {
    publisher = source;
    gateway.answering(request -> GatewayResponse.builder(200)
        .header("Content-Type", "application/octet-stream")
        .header("Content-Length", "1") // framing is the adapter's: ignored
        .body(source, length)
        .build());
  }

  private HttpRequest.Builder request() {
    return HttpRequest.newBuilder(URI.create(base + "/prod/stream")).timeout(Duration.ofSeconds(10));
  }

  private HttpResponse<byte[]> fetch() throws Exception {
    return client.sendAsync(request().build(), HttpResponse.BodyHandlers.ofByteArray()).get(30, TimeUnit.SECONDS);
  }

  @Test
  void bodyOfKnownLengthArrivesWholeWithItsContentLength() throws Exception {
    answerStreamed(new ChunkPublisher(BODY, CHUNK), BODY.length);

    HttpResponse<byte[]> response = fetch();

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Length")).hasValue(Integer.toString(BODY.length));
    assertThat(response.headers().firstValue("Transfer-Encoding")).isEmpty();
    assertThat(response.body()).isEqualTo(BODY);
  }

  @Test
  void bodyOfUnknownLengthArrivesWholeChunked() throws Exception {
    answerStreamed(new ChunkPublisher(BODY, CHUNK), -1);

    HttpResponse<byte[]> response = fetch();

    assertThat(response.headers().firstValue("Content-Length")).isEmpty();
    assertThat(response.headers().firstValue("Transfer-Encoding")).hasValue("chunked");
    assertThat(response.body()).isEqualTo(BODY);
  }

  @Test
  void bytesAreRequestedOnlyAsTheyAreWritten() throws Exception {
    answerStreamed(new ChunkPublisher(BODY, 512), -1);

    assertThat(fetch().body()).isEqualTo(BODY);
    // 2,048 chunks went through; the adapter never asked for more than a handful ahead
    assertThat(publisher.maxDemand()).isBetween(1L, 8L);
  }

  @Test
  void firstBytesReachTheClientBeforeTheBodyIsComplete() throws Exception {
    CountDownLatch resume = new CountDownLatch(1);
    answerStreamed(new ChunkPublisher(BODY, CHUNK).pauseAfter(64 * 1024, resume), -1);

    HttpResponse<InputStream> response =
        client.sendAsync(request().build(), HttpResponse.BodyHandlers.ofInputStream()).get(10, TimeUnit.SECONDS);
    try (InputStream in = response.body()) {
      byte[] first = CompletableFuture.supplyAsync(() -> readN(in, 64 * 1024)).get(10, TimeUnit.SECONDS);
      assertThat(publisher.awaitPause(0)).as("the source is still holding back the rest").isTrue();
      resume.countDown();
      byte[] rest = CompletableFuture.supplyAsync(() -> readN(in, BODY.length)).get(10, TimeUnit.SECONDS);

      assertThat(first).isEqualTo(Arrays.copyOf(BODY, 64 * 1024));
      assertThat(rest).isEqualTo(Arrays.copyOfRange(BODY, 64 * 1024, BODY.length));
    } finally {
      resume.countDown();
    }
  }

  @ParameterizedTest(name = "after {0} bytes, length known: {1}")
  @CsvSource({"0, true", "0, false", "100000, true", "100000, false"})
  void sourceFailingMidBodyBreaksTheResponse(long failAfter, boolean lengthKnown) throws Exception {
    answerStreamed(new ChunkPublisher(BODY, CHUNK).failAfter(failAfter), lengthKnown ? BODY.length : -1);

    assertThatThrownBy(this::fetch).isInstanceOf(ExecutionException.class).hasCauseInstanceOf(IOException.class);
  }

  @Test
  void bodyEndingShortOfItsDeclaredLengthBreaksTheResponse() throws Exception {
    answerStreamed(new ChunkPublisher(BODY, CHUNK), BODY.length + 10);

    assertThatThrownBy(this::fetch).isInstanceOf(ExecutionException.class).hasCauseInstanceOf(IOException.class);
  }

  @Test
  void bodyRunningPastItsDeclaredLengthBreaksTheResponse() throws Exception {
    answerStreamed(new ChunkPublisher(BODY, CHUNK), 10_050);

    assertThatThrownBy(this::fetch).isInstanceOf(ExecutionException.class).hasCauseInstanceOf(IOException.class);
  }

  @Test
  void clientThatGoesAwayCancelsTheStream() throws Exception {
    CountDownLatch resume = new CountDownLatch(1);
    byte[] large = everyByte(32 * 1024); // 8 MiB: more than the socket buffers hold
    answerStreamed(new ChunkPublisher(large, CHUNK).pauseAfter(64 * 1024, resume), -1);
    try {
      HttpResponse<InputStream> response =
          client.sendAsync(request().build(), HttpResponse.BodyHandlers.ofInputStream()).get(10, TimeUnit.SECONDS);
      try (InputStream in = response.body()) {
        CompletableFuture.supplyAsync(() -> readN(in, 1024)).get(10, TimeUnit.SECONDS);
      }
      resume.countDown();

      assertThat(publisher.awaitCancel(10)).as("the stream was cancelled").isTrue();
    } finally {
      resume.countDown();
    }
  }

  @Test
  void headRequestAnnouncesTheLengthAndReleasesTheStream() throws Exception {
    answerStreamed(new ChunkPublisher(BODY, CHUNK), BODY.length);

    HttpResponse<byte[]> response = client.sendAsync(request().method("HEAD", HttpRequest.BodyPublishers.noBody())
        .build(), HttpResponse.BodyHandlers.ofByteArray()).get(10, TimeUnit.SECONDS);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Length")).hasValue(Integer.toString(BODY.length));
    assertThat(response.body()).isEmpty();
    assertThat(publisher.awaitCancel(10)).as("the stream was released").isTrue();
  }

  @Test
  void connectionServesTheNextRequestAfterAStreamedBody() throws Exception {
    answerStreamed(new ChunkPublisher(BODY, CHUNK), -1);
    assertThat(fetch().body()).isEqualTo(BODY);

    gateway.answer(GatewayResponse.builder(200).body("next").build());

    assertThat(fetch().body()).isEqualTo("next".getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  private static byte[] readN(InputStream in, int n) {
    try {
      return in.readNBytes(n);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
