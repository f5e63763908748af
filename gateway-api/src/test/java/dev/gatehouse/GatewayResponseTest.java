package dev.gatehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ReadOnlyBufferException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Flow;
import org.junit.jupiter.api.Test;

class GatewayResponseTest {

  @Test
  void builderDefaultsToNoHeadersAndNoBody() {
    GatewayResponse response = GatewayResponse.builder(204).build();

    assertThat(response.status()).isEqualTo(204);
    assertThat(response.headers()).isEqualTo(Headers.empty());
    assertThat(response.bodyLength()).isZero();
    assertThat(response.bodyAsString()).isEmpty();
    assertThat(response).hasToString("GatewayResponse[204, Headers[], 0 bytes]");
  }

  @Test
  void builderCarriesHeadersInOrderAndTheBody() {
    GatewayResponse response = GatewayResponse.builder(200)
        .header("Content-Type", "application/json")
        .headers(Headers.builder().add("Set-Cookie", "a=1").add("Set-Cookie", "b=2").build())
        .body("{\"id\":7}")
        .build();

    assertThat(response.headers().all("set-cookie")).containsExactly("a=1", "b=2");
    assertThat(response.bodyAsString()).isEqualTo("{\"id\":7}");
    assertThat(response).hasToString(
        "GatewayResponse[200, Headers[Content-Type: application/json, Set-Cookie: a=1, Set-Cookie: b=2], 8 bytes]");
  }

  @Test
  void setHeaderReplacesEarlierValuesIgnoringCase() {
    GatewayResponse.Builder builder = GatewayResponse.builder(200)
        .header("content-type", "text/plain")
        .setHeader("Content-Type", "application/json");

    assertThat(builder.hasHeader("CONTENT-TYPE")).isTrue();
    assertThat(builder.hasHeader("Content-Length")).isFalse();
    assertThat(builder.build().headers().all("Content-Type")).containsExactly("application/json");
  }

  @Test
  void toBuilderCopiesAndLeavesTheOriginalAlone() {
    GatewayResponse original = GatewayResponse.builder(200).header("A", "1").body("hi").build();

    GatewayResponse changed = original.toBuilder().status(201).header("B", "2").build();

    assertThat(changed.status()).isEqualTo(201);
    assertThat(changed.headers()).hasToString("Headers[A: 1, B: 2]");
    assertThat(changed.bodyAsString()).isEqualTo("hi");
    assertThat(original.status()).isEqualTo(200);
    assertThat(original.headers()).hasToString("Headers[A: 1]");
  }

  @Test
  void bodyViewIsReadOnly() {
    ByteBuffer body = GatewayResponse.builder(200).body(new byte[] {1, 2, 3}).build().body();

    assertThat(body.isReadOnly()).isTrue();
    assertThatThrownBy(() -> body.put(0, (byte) 9)).isInstanceOf(ReadOnlyBufferException.class);
  }

  @Test
  void eachBodyViewHasItsOwnPosition() {
    GatewayResponse response = GatewayResponse.builder(200).body("héllo").build();

    response.body().get(new byte[6]);

    assertThat(response.bodyLength()).isEqualTo(6);
    assertThat(response.bodyAsString()).isEqualTo("héllo");
  }

  @Test
  void statusBoundsAreAccepted() {
    assertThat(GatewayResponse.builder(100).build().status()).isEqualTo(100);
    assertThat(GatewayResponse.builder(599).build().status()).isEqualTo(599);
  }

  @Test
  void status_aboveRange() {
    assertThatThrownBy(() -> GatewayResponse.builder(700))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("status: 700 (expected: 100..599)");
  }

  @Test
  void status_belowRange() {
    assertThatThrownBy(() -> GatewayResponse.builder(99))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("status: 99 (expected: 100..599)");
  }

  @Test
  void status_changedOutOfRange() {
    GatewayResponse.Builder builder = GatewayResponse.builder(200);

    assertThatThrownBy(() -> builder.status(600))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("status: 600 (expected: 100..599)");
    assertThat(builder.build().status()).isEqualTo(200);
  }

  @Test
  void body_null() {
    assertThatThrownBy(() -> GatewayResponse.builder(200).body((byte[]) null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("body");
  }

  @Test
  void streamedBodyCarriesItsPublisherAndDeclaredLength() {
    Flow.Publisher<ByteBuffer> publisher = subscriber -> { };

    GatewayResponse known = GatewayResponse.builder(200).body(publisher, 8192).build();
    GatewayResponse unknown = GatewayResponse.builder(200).body(publisher, -1).build();

    assertThat(known.isStreamed()).isTrue();
    assertThat(known.bodyPublisher()).isSameAs(publisher);
    assertThat(known.contentLength()).isEqualTo(8192);
    assertThat(unknown.contentLength()).isEqualTo(-1);
    assertThat(known).hasToString("GatewayResponse[200, Headers[], streamed, 8192 bytes]");
    assertThat(unknown).hasToString("GatewayResponse[200, Headers[], streamed, length unknown]");
  }

  @Test
  void bufferedAccessorsRefuseAStreamedBody() {
    GatewayResponse response = GatewayResponse.builder(200).body(subscriber -> { }, 3).build();

    assertThatThrownBy(response::body)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("body(): the body is streamed (expected: a buffered body; see isStreamed(), bodyPublisher()"
            + " and contentLength())");
    assertThatThrownBy(response::bodyLength).isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("bodyLength(): the body is streamed");
    assertThatThrownBy(response::bodyAsString).isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("bodyAsString(): the body is streamed");
  }

  @Test
  void bufferedBodyHasNoPublisherAndItsLengthAsContentLength() {
    GatewayResponse response = GatewayResponse.builder(200).body("hello").build();

    assertThat(response.isStreamed()).isFalse();
    assertThat(response.contentLength()).isEqualTo(5);
    assertThatThrownBy(response::bodyPublisher)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("bodyPublisher(): the body is buffered (expected: a streamed body; see isStreamed() and body())");
  }

  @Test
  void theLastBodySetWins() {
    GatewayResponse buffered = GatewayResponse.builder(200).body(subscriber -> { }, -1).body("now").build();
    GatewayResponse streamed = GatewayResponse.builder(200).body("before").body(subscriber -> { }, -1).build();

    assertThat(buffered.isStreamed()).isFalse();
    assertThat(buffered.bodyAsString()).isEqualTo("now");
    assertThat(streamed.isStreamed()).isTrue();
  }

  @Test
  void toBuilderSharesTheStreamedBody() {
    Flow.Publisher<ByteBuffer> publisher = subscriber -> { };
    GatewayResponse original = GatewayResponse.builder(200).body(publisher, 10).build();

    GatewayResponse changed = original.toBuilder().header("X-Added", "1").build();

    assertThat(changed.bodyPublisher()).isSameAs(publisher);
    assertThat(changed.contentLength()).isEqualTo(10);
  }

  @Test
  void releaseBodySubscribesOnceAndCancels() {
    List<String> signals = new ArrayList<>();
    Flow.Publisher<ByteBuffer> publisher = subscriber -> subscriber.onSubscribe(new Flow.Subscription() {
      @Override
      public void request(long n) {
        signals.add("request " + n);
      }

      @Override
      public void cancel() {
        signals.add("cancel");
      }
    });

    GatewayResponse.builder(200).body(publisher, -1).build().releaseBody();
    GatewayResponse.builder(200).body("buffered").build().releaseBody();

    assertThat(signals).containsExactly("cancel");
  }

  @Test
  void contentLength_belowMinusOne() {
    assertThatThrownBy(() -> GatewayResponse.builder(200).body(subscriber -> { }, -2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("contentLength: -2 (expected: -1 for unknown, or >= 0)");
  }

  @Test
  void publisher_null() {
    assertThatThrownBy(() -> GatewayResponse.builder(200).body((Flow.Publisher<ByteBuffer>) null, 1))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("publisher");
  }
}
