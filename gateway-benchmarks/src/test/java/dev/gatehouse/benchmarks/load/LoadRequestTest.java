package dev.gatehouse.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LoadRequestTest {

  @Test
  void aGetHasOnlyTheRequestLineAndHost() {
    byte[] bytes = LoadRequest.get("/prod/hello/world").toHttp11("127.0.0.1:8080");

    assertThat(new String(bytes, StandardCharsets.ISO_8859_1))
        .isEqualTo("GET /prod/hello/world HTTP/1.1\r\nHost: 127.0.0.1:8080\r\n\r\n");
  }

  @Test
  void headersAndABodyFollowInOrderWithTheBodysLengthInBytes() {
    LoadRequest request = LoadRequest.get("/prod/pets").header("X-Api-Key", "k1").body("POST", "{\"n\":\"é\"}");

    assertThat(new String(request.toHttp11("h:1"), StandardCharsets.UTF_8)).isEqualTo(
        "POST /prod/pets HTTP/1.1\r\nHost: h:1\r\nX-Api-Key: k1\r\nContent-Length: 10\r\n\r\n{\"n\":\"é\"}");
    assertThat(request.label()).isEqualTo("POST /prod/pets +X-Api-Key +body");
  }

  @Test
  void aSignerAddsItsFieldsForTheHostTheRequestIsBuiltFor() {
    LoadRequest request = LoadRequest.get("/prod/pets").header("X-Api-Key", "k1")
        .signedBy((unsigned, host, now) -> Map.of("X-Signed", unsigned.method() + " " + host));

    assertThat(new String(request.toHttp11("h:1"), StandardCharsets.ISO_8859_1))
        .isEqualTo("GET /prod/pets HTTP/1.1\r\nHost: h:1\r\nX-Api-Key: k1\r\nX-Signed: GET h:1\r\n\r\n");
    assertThat(request.signedFor("h:2").headers()).containsExactly(Map.entry("X-Api-Key", "k1"),
        Map.entry("X-Signed", "GET h:2"));
    assertThat(request.signedFor("h:2").signer()).isNull();
    assertThat(request.label()).isEqualTo("GET /prod/pets +X-Api-Key +signed");
  }

  @Test
  void path_relative() {
    assertThatThrownBy(() -> LoadRequest.get("prod"))
        .hasMessage("path: \"prod\" (expected: a path starting with /)");
  }
}
