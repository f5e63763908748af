package dev.gatehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ReadOnlyBufferException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class GatewayRequestTest {
  private static final TlsInfo TLS = new TlsInfo("TLSv1.3", "TLS_AES_128_GCM_SHA256", List.of());

  @Test
  void builderDefaultsDescribeAPlainLoopbackRequestWithoutBody() {
    GatewayRequest request = GatewayRequest.builder("GET", "/prod/pets").build();

    assertThat(request.method()).isEqualTo("GET");
    assertThat(request.rawPath()).isEqualTo("/prod/pets");
    assertThat(request.rawQuery()).isNull();
    assertThat(request.mountPath()).isEmpty();
    assertThat(request.headers()).isEqualTo(Headers.empty());
    assertThat(request.bodyLength()).isZero();
    assertThat(request.bodyAsString()).isEmpty();
    assertThat(request.sourceIp()).isEqualTo("127.0.0.1");
    assertThat(request.protocol()).isEqualTo("HTTP/1.1");
    assertThat(request.scheme()).isEqualTo("http");
    assertThat(request.tls()).isNull();
    assertThat(request.refusal()).isNull();
  }

  @Test
  void builderCarriesEveryField() {
    GatewayRequest request = GatewayRequest.builder("POST", "/prod/pets/caf%C3%A9")
        .rawQuery("a=1&a=2")
        .mountPath("/api")
        .header("Host", "localhost:8080")
        .headers(Headers.builder().add("Accept", "text/plain").add("accept", "*/*").build())
        .body("{\"name\":\"Rex\"}")
        .sourceIp("203.0.113.9")
        .protocol("HTTP/2")
        .refusal(GatewayResponseType.REQUEST_TOO_LARGE)
        .build();

    assertThat(request.rawPath()).isEqualTo("/prod/pets/caf%C3%A9");
    assertThat(request.rawQuery()).isEqualTo("a=1&a=2");
    assertThat(request.mountPath()).isEqualTo("/api");
    assertThat(request.headers()).hasToString("Headers[Host: localhost:8080, Accept: text/plain, accept: */*]");
    assertThat(request.bodyAsString()).isEqualTo("{\"name\":\"Rex\"}");
    assertThat(request.bodyLength()).isEqualTo(14);
    assertThat(request.sourceIp()).isEqualTo("203.0.113.9");
    assertThat(request.protocol()).isEqualTo("HTTP/2");
    assertThat(request.refusal()).isEqualTo(GatewayResponseType.REQUEST_TOO_LARGE);
    assertThat(request).hasToString("POST /api/prod/pets/caf%C3%A9?a=1&a=2");
  }

  @Test
  void tlsMakesTheSchemeHttps() {
    GatewayRequest request = GatewayRequest.builder("GET", "/").scheme("http").tls(TLS).build();

    assertThat(request.scheme()).isEqualTo("https");
    assertThat(request.tls()).isEqualTo(TLS);
  }

  @Test
  void schemeIsKeptWithoutTls() {
    assertThat(GatewayRequest.builder("GET", "/").scheme("https").build().scheme()).isEqualTo("https");
  }

  @Test
  void bodyIsDecodedAsUtf8() {
    GatewayRequest request = GatewayRequest.builder("POST", "/")
        .body("héllo ✓".getBytes(StandardCharsets.UTF_8))
        .build();

    assertThat(request.bodyAsString()).isEqualTo("héllo ✓");
    assertThat(request.bodyLength()).isEqualTo(10);
  }

  @Test
  void bodyViewIsReadOnly() {
    ByteBuffer body = GatewayRequest.builder("POST", "/").body("abc").build().body();

    assertThat(body.isReadOnly()).isTrue();
    assertThatThrownBy(() -> body.put((byte) 'x')).isInstanceOf(ReadOnlyBufferException.class);
  }

  @Test
  void emptyBodyViewIsReadOnly() {
    ByteBuffer body = GatewayRequest.builder("GET", "/").build().body();

    assertThat(body.remaining()).isZero();
    assertThat(body.isReadOnly()).isTrue();
  }

  @Test
  void eachBodyViewHasItsOwnPosition() {
    GatewayRequest request = GatewayRequest.builder("POST", "/").body("abc").build();

    request.body().get(new byte[3]);

    assertThat(request.body().remaining()).isEqualTo(3);
    assertThat(request.bodyAsString()).isEqualTo("abc");
    assertThat(request.bodyAsString()).isEqualTo("abc");
  }

  @Test
  void builder_nullMethod() {
    assertThatThrownBy(() -> GatewayRequest.builder(null, "/"))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("method");
  }

  @Test
  void builder_nullPath() {
    assertThatThrownBy(() -> GatewayRequest.builder("GET", null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("rawPath");
  }
}
