package dev.gatehouse.runtime;

import static dev.gatehouse.runtime.Requests.call;
import static dev.gatehouse.runtime.Requests.get;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.Gateway;
import dev.gatehouse.GatewayResponse;
import dev.gatehouse.integration.Integrations;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the pipeline does with a streamed answer it does not read: passes it on, or releases it. */
class StreamedAnswersTest {
  private final CountingPublisher publisher = new CountingPublisher();
  private final CompletableFuture<GatewayResponse> late = new CompletableFuture<>();
  private final Gateway gateway = Gateway.builder()
      .restApi("files", api -> api
          .stage("prod")
          .route("GET /big", Integrations.custom(request -> CompletableFuture.completedFuture(
              GatewayResponse.builder(200).header("Content-Type", "video/mp4").body(publisher, 1 << 20).build())))
          .route("GET /unsafe", Integrations.custom(request -> CompletableFuture.completedFuture(
              GatewayResponse.builder(200).header("X-Bad", "a\r\nSet-Cookie: admin=1").body(publisher, -1).build())))
          .route("GET /late", Integrations.custom(request -> late), route -> route.timeout(Duration.ofMillis(50))))
      .build();

  @AfterEach
  void close() {
    gateway.close();
  }

  @Test
  void streamedAnswerPassesThroughUnreadWithTheRequestId() {
    GatewayResponse response = call(gateway, get("/prod/big"));

    assertThat(response.isStreamed()).isTrue();
    assertThat(response.bodyPublisher()).isSameAs(publisher);
    assertThat(response.contentLength()).isEqualTo(1 << 20);
    assertThat(response.headers().first("x-amzn-RequestId")).isNotBlank();
    assertThat(publisher.subscriptions.get()).as("nobody in the gateway subscribed").isZero();
  }

  @Test
  void streamedAnswerWithAnUnsafeHeaderBecomes502AndIsReleased() {
    GatewayResponse response = call(gateway, get("/prod/unsafe"));

    assertThat(response.status()).isEqualTo(502);
    assertThat(response.isStreamed()).isFalse();
    assertThat(publisher.subscriptions.get()).isEqualTo(1);
    assertThat(publisher.cancels.get()).isEqualTo(1);
  }

  @Test
  void streamedAnswerAfterTheTimeoutIsReleased() {
    GatewayResponse response = call(gateway, get("/prod/late"));
    late.complete(GatewayResponse.builder(200).body(publisher, -1).build());

    assertThat(response.status()).isEqualTo(504);
    assertThat(publisher.cancels.get()).isEqualTo(1);
  }

  /** Counts subscriptions and cancels, and emits nothing. */
  private static final class CountingPublisher implements Flow.Publisher<ByteBuffer> {
    final AtomicInteger subscriptions = new AtomicInteger();
    final AtomicInteger cancels = new AtomicInteger();

    @Override
    public void subscribe(Flow.Subscriber<? super ByteBuffer> subscriber) {
      subscriptions.incrementAndGet();
      subscriber.onSubscribe(new Flow.Subscription() {
        @Override
        public void request(long n) {
          // emits nothing: these tests only look at who subscribes and who cancels
        }

        @Override
        public void cancel() {
          cancels.incrementAndGet();
        }
      });
    }
  }
}
