package dev.gatehouse.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
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
  void path_relative() {
    assertThatThrownBy(() -> LoadRequest.get("prod"))
        .hasMessage("path: \"prod\" (expected: a path starting with /)");
  }
}
