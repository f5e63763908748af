package dev.gatehouse.runtime.http;

import static dev.gatehouse.testing.Bodies.everyByte;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.Gateway;
import dev.gatehouse.GatewayRequest;
import dev.gatehouse.GatewayResponse;
import dev.gatehouse.integration.Integrations;
import dev.gatehouse.testing.BodyCollector;
import dev.gatehouse.testing.StreamingBackend;
import dev.gatehouse.testing.StreamingBackend.Answer;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** When the HTTP integration streams a backend's answer instead of collecting it, and its limits. */
class HttpStreamingTest {
  private static final int LIMIT = 1 << 20;
  private static final byte[] LARGE = everyByte(2 * 1024); // 512 KiB
  private final CountDownLatch resume = new CountDownLatch(1);
  private StreamingBackend backend;
  private Gateway gateway;

  @BeforeEach
  void start() throws Exception {
    backend = StreamingBackend.start();
    gateway = Gateway.builder()
        .restApi("files", api -> api
            .stage("prod")
            .route("ANY /files/{name}", Integrations.http(backend.url() + "/{name}"))
            .route("GET /impatient/{name}", Integrations.http(backend.url() + "/{name}"),
                route -> route.timeout(Duration.ofMillis(500)))
            .route("GET /retried/{name}", Integrations.http(backend.url() + "/{name}", http -> http
                .retry(retry -> retry.maxAttempts(2).waitDuration(Duration.ofMillis(10)).retryStatuses(503)))))
        .maxRequestBodyBytes(LIMIT)
        .build();
  }

  @AfterEach
  void stop() {
    resume.countDown();
    gateway.close();
    backend.close();
  }

  private GatewayResponse call(String method, String path) throws Exception {
    return gateway.handle(GatewayRequest.builder(method, path).header("Host", "files.example.com").build())
        .toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Test
  void answerUpTo64KibIsCollected() throws Exception {
    byte[] body = everyByte(256);
    backend.enqueue(Answer.of(200, body));

    GatewayResponse response = call("GET", "/prod/files/small");

    assertThat(response.isStreamed()).isFalse();
    assertThat(bytes(response.body())).isEqualTo(body);
  }

  @Test
  void largerAnswerIsStreamedWithItsLengthAndFilteredHeaders() throws Exception {
    backend.enqueue(Answer.of(200, LARGE));

    GatewayResponse response = call("GET", "/prod/files/large");

    assertThat(response.isStreamed()).isTrue();
    assertThat(response.contentLength()).isEqualTo(LARGE.length);
    assertThat(response.headers().first("X-Backend")).isEqualTo("streaming");
    assertThat(response.headers().all("Content-Length")).isEmpty();
    assertThat(response.headers().first("x-amzn-RequestId")).isNotBlank();
    assertThat(BodyCollector.of(response.bodyPublisher()).body(10)).isEqualTo(LARGE);
  }

  @Test
  void answersOfUnknownLengthAreStreamed() throws Exception {
    byte[] small = everyByte(4);
    backend.enqueue(Answer.of(200, small).chunked()).enqueue(Answer.of(200, LARGE).untilClose());

    GatewayResponse chunked = call("GET", "/prod/files/chunked");
    assertThat(chunked.contentLength()).isEqualTo(-1);
    assertThat(chunked.headers().all("Transfer-Encoding")).isEmpty();
    assertThat(BodyCollector.of(chunked.bodyPublisher()).body(10)).isEqualTo(small);

    GatewayResponse untilClose = call("GET", "/prod/files/close");
    assertThat(untilClose.contentLength()).isEqualTo(-1);
    assertThat(BodyCollector.of(untilClose.bodyPublisher()).body(10)).isEqualTo(LARGE);
  }

  @Test
  void headAnswerIsNeverStreamed() throws Exception {
    backend.enqueue(Answer.of(200, LARGE));

    GatewayResponse response = call("HEAD", "/prod/files/large");

    assertThat(response.isStreamed()).isFalse();
    assertThat(response.headers().first("Content-Length")).isNull();
  }

  @Test
  void answerDeclaringMoreThanThePayloadLimitFailsBeforeItsBody() throws Exception {
    backend.enqueue(Answer.of(200, new byte[LIMIT + 1]));

    GatewayResponse response = call("GET", "/prod/files/huge");

    assertThat(response.status()).isEqualTo(504);
    assertThat(response.bodyAsString()).isEqualTo("{\"message\":\"Internal server error\"}");
  }

  @Test
  void streamedAnswerRunningPastThePayloadLimitFailsItsBody() throws Exception {
    // 8 MiB: more than the socket buffers hold, so the backend is still writing when let go
    backend.enqueue(Answer.of(200, new byte[8 * LIMIT]).chunked());

    GatewayResponse response = call("GET", "/prod/files/huge");
    BodyCollector collector = BodyCollector.of(response.bodyPublisher());

    assertThat(response.status()).isEqualTo(200);
    assertThatThrownBy(() -> collector.body(10))
        .isInstanceOf(ExecutionException.class)
        .hasMessageContaining("passed the payload limit of 1048576 bytes");
    assertThat(collector.received()).isLessThanOrEqualTo(LIMIT);
    assertThat(backend.awaitHangUp(10)).as("the backend was let go").isTrue();
  }

  @Test
  void backendDyingMidBodyFailsTheBody() throws Exception {
    backend.enqueue(Answer.of(200, LARGE).dieAfter(100_000));

    GatewayResponse response = call("GET", "/prod/files/dying");

    assertThatThrownBy(() -> BodyCollector.of(response.bodyPublisher()).body(10))
        .isInstanceOf(ExecutionException.class);
  }

  @Test
  void bodyThatStallsLongerThanTheRoutesTimeoutFails() throws Exception {
    backend.enqueue(Answer.of(200, LARGE).pauseAfter(100_000, resume));

    GatewayResponse response = call("GET", "/prod/impatient/stalling");
    BodyCollector collector = BodyCollector.of(response.bodyPublisher());

    assertThatThrownBy(() -> collector.body(10))
        .isInstanceOf(ExecutionException.class)
        .hasMessageContaining("made no progress for 500 ms");
    assertThat(collector.received()).isEqualTo(100_000);
  }

  @Test
  void streamNobodyReadsLetsTheBackendGoAfterTheRoutesTimeout() throws Exception {
    backend.enqueue(Answer.of(200, everyByte(32 * 1024)).chunked()); // 8 MiB, as above

    GatewayResponse response = call("GET", "/prod/impatient/unread");

    assertThat(response.isStreamed()).isTrue();
    assertThat(backend.awaitHangUp(10)).as("the backend was let go").isTrue();
  }

  @Test
  void retriedAnswerLetsItsBackendGo() throws Exception {
    backend.enqueue(Answer.of(503, everyByte(32 * 1024))).enqueue(Answer.of(200, LARGE));

    GatewayResponse response = call("GET", "/prod/retried/flaky");

    assertThat(response.status()).isEqualTo(200);
    assertThat(BodyCollector.of(response.bodyPublisher()).body(10)).isEqualTo(LARGE);
    assertThat(backend.awaitHangUp(5)).as("the 503's body was not left hanging").isTrue();
    assertThat(backend.requestCount()).isEqualTo(2);
  }

  @Test
  void secondSubscriberIsRefused() throws Exception {
    backend.enqueue(Answer.of(200, LARGE));
    GatewayResponse response = call("GET", "/prod/files/large");
    BodyCollector first = BodyCollector.of(response.bodyPublisher());

    BodyCollector second = BodyCollector.of(response.bodyPublisher());

    assertThatThrownBy(() -> second.body(10)).hasCauseInstanceOf(IllegalStateException.class)
        .hasMessageContaining("a backend body streams once");
    assertThat(first.body(10)).isEqualTo(LARGE);
  }

  private static byte[] bytes(ByteBuffer buffer) {
    byte[] out = new byte[buffer.remaining()];
    buffer.get(out);
    return Arrays.copyOf(out, out.length);
  }
}
