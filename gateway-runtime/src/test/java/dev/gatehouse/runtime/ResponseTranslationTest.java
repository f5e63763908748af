package dev.gatehouse.runtime;

import static dev.gatehouse.runtime.Requests.call;
import static dev.gatehouse.runtime.Requests.get;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.Gateway;
import dev.gatehouse.GatewayResponse;
import dev.gatehouse.event.ProxyResponseV1;
import dev.gatehouse.event.ProxyResponseV2;
import dev.gatehouse.integration.Integrations;
import dev.gatehouse.integration.ProxyFunction;
import dev.gatehouse.integration.ProxyFunctionV2;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** What functions return, as the client receives it. */
class ResponseTranslationTest {

  @Test
  void v1HeadersAndMultiValueHeadersMergeIntoOneListWithoutRepeatingAPair() {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("X-Both", "single");
    headers.put("X-Same", "a");
    headers.put("X-Single", "s");
    Map<String, List<String>> multi = new LinkedHashMap<>();
    multi.put("x-both", List.of("m1", "m2"));
    multi.put("X-Same", List.of("a"));
    GatewayResponse response = callV1(event -> new ProxyResponseV1(201, headers, multi, "created", false));

    assertThat(response.status()).isEqualTo(201);
    assertThat(response.headers().all("X-Both")).containsExactly("m1", "m2", "single");
    assertThat(response.headers().all("X-Same")).containsExactly("a");
    assertThat(response.headers().all("X-Single")).containsExactly("s");
    assertThat(response.bodyAsString()).isEqualTo("created");
  }

  @Test
  void v1DefaultsToJsonContentTypeAndKeepsAnExplicitOne() {
    assertThat(callV1(event -> ProxyResponseV1.of(200, "{}")).headers().first("Content-Type"))
        .isEqualTo("application/json");
    assertThat(callV1(event -> ProxyResponseV1.builder(200).header("content-type", "text/plain").body("hi").build())
        .headers().all("Content-Type")).containsExactly("text/plain");
  }

  @Test
  void v1Base64BodyIsSentAsBytes() {
    byte[] bytes = {0, (byte) 0xff, 1, (byte) 0x80};
    GatewayResponse response = callV1(event -> ProxyResponseV1.builder(200).body(bytes).build());

    byte[] sent = new byte[response.bodyLength()];
    response.body().get(sent);
    assertThat(sent).isEqualTo(bytes);
  }

  @Test
  void v2PlainStringMeans200JsonWithTheStringAsBody() {
    GatewayResponse response = callV2(event -> "Hello from Lambda!");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.headers().first("Content-Type")).isEqualTo("application/json");
    assertThat(response.bodyAsString()).isEqualTo("Hello from Lambda!");
  }

  @Test
  void v2ObjectWithoutStatusCodeIsTheJsonBody() {
    GatewayResponse response = callV2(event -> Map.of("message", "Hello from Lambda!"));

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.bodyAsString()).isEqualTo("{\"message\":\"Hello from Lambda!\"}");
  }

  @Test
  void v2ObjectWithStatusCodeIsReadAsAResponse() {
    GatewayResponse response = callV2(event -> Map.of("statusCode", 418, "body", "teapot",
        "headers", Map.of("x-kind", "tea")));

    assertThat(response.status()).isEqualTo(418);
    assertThat(response.bodyAsString()).isEqualTo("teapot");
    assertThat(response.headers().first("x-kind")).isEqualTo("tea");
  }

  @Test
  void v2CookiesBecomeSetCookieHeaders() {
    GatewayResponse response = callV2(event -> ProxyResponseV2.builder(200)
        .cookie("a=1; Path=/").cookie("b=2").body("ok").build());

    assertThat(response.headers().all("Set-Cookie")).containsExactly("a=1; Path=/", "b=2");
    assertThat(response.headers().contains("Content-Type")).isFalse();
  }

  @Test
  void asyncFunctionsAnswerWhenTheirStageCompletes() {
    Gateway gateway = Gateway.builder()
        .httpApi("async", api -> api
            .route("GET /v1", Integrations.asyncFunction(event ->
                CompletableFuture.supplyAsync(() -> ProxyResponseV1.of(202, "v1"))))
            .route("GET /v2", Integrations.asyncFunctionV2(event ->
                CompletableFuture.supplyAsync(() -> "v2"))))
        .build();
    try {
      assertThat(call(gateway, get("/v1")).status()).isEqualTo(202);
      assertThat(call(gateway, get("/v2")).bodyAsString()).isEqualTo("v2");
    } finally {
      gateway.close();
    }
  }

  private static GatewayResponse callV1(ProxyFunction function) {
    Gateway gateway = Gateway.builder()
        .restApi("t", api -> api.stage("s").route("GET /x", Integrations.function(function)))
        .build();
    try {
      return call(gateway, get("/s/x"));
    } finally {
      gateway.close();
    }
  }

  private static GatewayResponse callV2(ProxyFunctionV2 function) {
    Gateway gateway = Gateway.builder()
        .httpApi("t", api -> api.route("GET /x", Integrations.functionV2(function)))
        .build();
    try {
      return call(gateway, get("/x"));
    } finally {
      gateway.close();
    }
  }

  static String base64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }
}
