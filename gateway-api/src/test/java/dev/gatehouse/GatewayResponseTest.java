package dev.gatehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ReadOnlyBufferException;
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
}
