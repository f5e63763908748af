package dev.gatehouse.runtime;

import static dev.gatehouse.runtime.Requests.call;
import static dev.gatehouse.runtime.Requests.get;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.Gateway;
import dev.gatehouse.GatewayResponse;
import dev.gatehouse.event.ProxyResponseV1;
import dev.gatehouse.integration.Integrations;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A greedy {proxy+} never hands a handler a path that climbs out of the route. */
class PathTraversalTest {
  private final Gateway gateway = Gateway.builder()
      .restApi("files", api -> api
          .stage("prod")
          .route("GET /public/{proxy+}", Integrations.function(event ->
              ProxyResponseV1.of(200, "public:" + event.pathParameters().get("proxy"))))
          .route("GET /admin/{proxy+}", Integrations.function(event ->
              ProxyResponseV1.of(200, "admin:" + event.pathParameters().get("proxy")))))
      .build();

  @AfterEach
  void close() {
    gateway.close();
  }

  @ParameterizedTest(name = "{0} -> {1} {2}")
  @CsvSource(delimiter = '|', value = {
      "/prod/public/a/b.txt                 | 200 | public:a/b.txt",
      "/prod/public/a/../b.txt              | 200 | public:b.txt",
      "/prod/public/a/%2e%2e/b.txt          | 200 | public:b.txt",
      "/prod/public/%2E%2E/admin/x          | 200 | admin:x",
      "/prod/public/../admin/secret         | 200 | admin:secret",
      "/prod/public/..%2fadmin/secret       | 400 | ",
      "/prod/public/%2e%2e%2fadmin%2fsecret | 400 | ",
      "/prod/public/a%2f..%2f..%2fetc       | 400 | ",
      "/prod/public/../../../etc/passwd     | 400 | ",
      "/prod/public/%252e%252e/x            | 200 | public:%2e%2e/x",
  })
  void traversalIsNormalisedBeforeMatchingOrRefused(String rawPath, int status, String body) {
    GatewayResponse response = call(gateway, get(rawPath));

    assertThat(response.status()).isEqualTo(status);
    if (body != null) {
      assertThat(response.bodyAsString()).isEqualTo(body);
    }
    assertThat(response.bodyAsString()).doesNotContain("..");
  }
}
