package dev.gatehouse.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProxyResponseBuildersTest {
  private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

  @Test
  void v1TextResponseIsNotBase64() {
    ProxyResponseV1 response = ProxyResponseV1.builder(201).body("{\"id\":7}").build();

    assertThat(response.statusCode()).isEqualTo(201);
    assertThat(response.body()).isEqualTo("{\"id\":7}");
    assertThat(response.isBase64Encoded()).isFalse();
    assertThat(response.headers()).isEmpty();
    assertThat(response.multiValueHeaders()).isEmpty();
  }

  @Test
  void v1BinaryBodyIsSentAsBase64() {
    ProxyResponseV1 response = ProxyResponseV1.builder(200).body(PNG_MAGIC).build();

    assertThat(response.isBase64Encoded()).isTrue();
    assertThat(response.body()).isEqualTo("iVBORw0KGgo=");
    assertThat(Base64.getDecoder().decode(response.body())).isEqualTo(PNG_MAGIC);
  }

  @Test
  void v1LaterTextBodyReplacesBinaryBody() {
    ProxyResponseV1 response = ProxyResponseV1.builder(200).body(PNG_MAGIC).body("text").build();

    assertThat(response.body()).isEqualTo("text");
    assertThat(response.isBase64Encoded()).isFalse();
  }

  @Test
  void v1NoBodyIsNull() {
    assertThat(ProxyResponseV1.builder(204).build().body()).isNull();
  }

  @Test
  void v1HeadersKeepTheirOrder() {
    ProxyResponseV1 response = ProxyResponseV1.builder(200)
        .header("X-Zeta", "1")
        .header("Content-Type", "text/plain")
        .header("X-Alpha", "2")
        .build();

    assertThat(response.headers()).containsExactly(
        entry("X-Zeta", "1"), entry("Content-Type", "text/plain"), entry("X-Alpha", "2"));
  }

  @Test
  void v1RepeatedHeaderReplacesTheSingleValue() {
    ProxyResponseV1 response = ProxyResponseV1.builder(200).header("X-A", "1").header("X-A", "2").build();

    assertThat(response.headers()).containsExactly(entry("X-A", "2"));
  }

  @Test
  void v1AddHeaderCollectsMultipleValuesInOrder() {
    ProxyResponseV1 response = ProxyResponseV1.builder(200)
        .addHeader("Set-Cookie", "a=1")
        .addHeader("Vary", "Accept")
        .addHeader("Set-Cookie", "b=2")
        .build();

    assertThat(response.multiValueHeaders()).containsExactly(
        entry("Set-Cookie", List.of("a=1", "b=2")), entry("Vary", List.of("Accept")));
  }

  @Test
  void v1MapsAreUnmodifiableCopies() {
    ProxyResponseV1.Builder builder = ProxyResponseV1.builder(200).header("A", "1").addHeader("B", "2");
    ProxyResponseV1 response = builder.build();

    builder.header("C", "3").addHeader("B", "4");

    assertThat(response.headers()).containsExactly(entry("A", "1"));
    assertThat(response.multiValueHeaders()).containsExactly(entry("B", List.of("2")));
    assertThatThrownBy(() -> response.headers().put("X", "y"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> response.multiValueHeaders().put("X", List.of()))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> response.multiValueHeaders().get("B").add("x"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void v1OfHasNoHeaders() {
    assertThat(ProxyResponseV1.of(404, "nope"))
        .isEqualTo(new ProxyResponseV1(404, null, null, "nope", false));
  }

  @Test
  void v2TextResponseIsNotBase64() {
    ProxyResponseV2 response = ProxyResponseV2.builder(201).body("{\"id\":7}").build();

    assertThat(response.statusCode()).isEqualTo(201);
    assertThat(response.body()).isEqualTo("{\"id\":7}");
    assertThat(response.isBase64Encoded()).isFalse();
    assertThat(response.headers()).isEmpty();
    assertThat(response.cookies()).isEmpty();
  }

  @Test
  void v2BinaryBodyIsSentAsBase64() {
    ProxyResponseV2 response = ProxyResponseV2.builder(200).body(PNG_MAGIC).build();

    assertThat(response.isBase64Encoded()).isTrue();
    assertThat(response.body()).isEqualTo("iVBORw0KGgo=");
  }

  @Test
  void v2LaterTextBodyReplacesBinaryBody() {
    ProxyResponseV2 response = ProxyResponseV2.builder(200).body(PNG_MAGIC).body("text").build();

    assertThat(response.body()).isEqualTo("text");
    assertThat(response.isBase64Encoded()).isFalse();
  }

  @Test
  void v2HeadersAndCookiesKeepTheirOrder() {
    ProxyResponseV2 response = ProxyResponseV2.builder(200)
        .header("x-zeta", "1")
        .header("content-type", "text/plain")
        .cookie("b=2; Path=/")
        .cookie("a=1")
        .build();

    assertThat(response.headers()).containsExactly(entry("x-zeta", "1"), entry("content-type", "text/plain"));
    assertThat(response.cookies()).containsExactly("b=2; Path=/", "a=1");
  }

  @Test
  void v2CollectionsAreUnmodifiableCopies() {
    ProxyResponseV2.Builder builder = ProxyResponseV2.builder(200).header("a", "1").cookie("c=1");
    ProxyResponseV2 response = builder.build();

    builder.header("b", "2").cookie("d=2");

    assertThat(response.headers()).containsExactly(entry("a", "1"));
    assertThat(response.cookies()).containsExactly("c=1");
    assertThatThrownBy(() -> response.headers().put("x", "y"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> response.cookies().add("x=y"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void v2OfHasNoHeaders() {
    assertThat(ProxyResponseV2.of(202, "queued"))
        .isEqualTo(new ProxyResponseV2(202, null, null, "queued", false));
  }
}
