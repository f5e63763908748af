package dev.gatehouse.runtime;

import static dev.gatehouse.runtime.EventJsonV1Test.fieldNames;
import static dev.gatehouse.runtime.Requests.call;
import static dev.gatehouse.runtime.Requests.request;
import static dev.gatehouse.testing.Bodies.everyByte;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.Gateway;
import dev.gatehouse.event.ProxyEventV2;
import dev.gatehouse.integration.Integrations;
import dev.gatehouse.runtime.internal.Json;
import dev.gatehouse.runtime.internal.RuntimeEngine;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Payload 2.0, field by field, as Jackson writes it for a Lambda function. */
class EventJsonV2Test {
  private static final Instant NOW = Instant.parse("2020-03-12T19:03:58.390Z");

  private final AtomicReference<ProxyEventV2> seen = new AtomicReference<>();
  private final Gateway gateway = new RuntimeEngine(Clock.fixed(NOW, ZoneOffset.UTC)).start(Gateway.builder()
      .httpApi("shop", api -> api
          .stage("live", stage -> stage.variable("tier", "gold"))
          .route("POST /carts/{cartId}", Integrations.functionV2(event -> {
            seen.set(event);
            return "ok";
          })))
      .definition());

  @AfterEach
  void close() {
    gateway.close();
  }

  @Test
  void everyFieldHasAwsNameAndValue() {
    call(gateway, request("POST", "/live/carts/c%2D1?parameter1=value1&parameter1=value2&parameter2=value")
        .header("X-Multi", "one")
        .header("x-multi", "two")
        .header("Cookie", "cookie1=a; cookie2=b")
        .header("Cookie", "cookie3=c")
        .header("Content-Type", "application/json")
        .sourceIp("192.0.2.1")
        .body("{\"item\":1}"));

    JsonNode json = Json.MAPPER.valueToTree(seen.get());
    assertThat(fieldNames(json)).containsExactly("version", "routeKey", "rawPath", "rawQueryString", "cookies",
        "headers", "queryStringParameters", "requestContext", "body", "pathParameters", "isBase64Encoded",
        "stageVariables");
    assertThat(json.get("version").asText()).isEqualTo("2.0");
    assertThat(json.get("routeKey").asText()).isEqualTo("POST /carts/{cartId}");
    assertThat(json.get("rawPath").asText()).isEqualTo("/live/carts/c%2D1");
    assertThat(json.get("rawQueryString").asText()).isEqualTo("parameter1=value1&parameter1=value2&parameter2=value");
    assertThat(json.get("cookies")).hasToString("[\"cookie1=a\",\"cookie2=b\",\"cookie3=c\"]");
    assertThat(json.get("headers").get("x-multi").asText()).isEqualTo("one,two");
    assertThat(json.get("headers").has("cookie")).isFalse();
    assertThat(json.get("headers").has("X-Multi")).isFalse();
    assertThat(json.get("queryStringParameters")).hasToString("{\"parameter1\":\"value1,value2\",\"parameter2\":\"value\"}");
    assertThat(json.get("body").asText()).isEqualTo("{\"item\":1}");
    assertThat(json.get("pathParameters")).hasToString("{\"cartId\":\"c-1\"}");
    assertThat(json.get("isBase64Encoded").asBoolean()).isFalse();
    assertThat(json.get("stageVariables")).hasToString("{\"tier\":\"gold\"}");

    JsonNode context = json.get("requestContext");
    assertThat(fieldNames(context)).containsExactly("accountId", "apiId", "authentication", "authorizer",
        "domainName", "domainPrefix", "http", "requestId", "routeKey", "stage", "time", "timeEpoch");
    assertThat(context.get("apiId").asText()).isEqualTo("shop");
    assertThat(context.get("domainName").asText()).isEqualTo("api.example.com");
    assertThat(context.get("routeKey").asText()).isEqualTo("POST /carts/{cartId}");
    assertThat(context.get("stage").asText()).isEqualTo("live");
    assertThat(context.get("time").asText()).isEqualTo("12/Mar/2020:19:03:58 +0000");
    assertThat(context.get("timeEpoch").asLong()).isEqualTo(NOW.toEpochMilli());
    JsonNode http = context.get("http");
    assertThat(fieldNames(http)).containsExactly("method", "path", "protocol", "sourceIp", "userAgent");
    assertThat(http.get("method").asText()).isEqualTo("POST");
    assertThat(http.get("path").asText()).isEqualTo("/live/carts/c-1");
    assertThat(http.get("protocol").asText()).isEqualTo("HTTP/1.1");
    assertThat(http.get("sourceIp").asText()).isEqualTo("192.0.2.1");
    assertThat(http.get("userAgent").asText()).isEqualTo("gatehouse-test");
  }

  @Test
  void defaultStageServesWithoutStageSegmentAndEmptyQueryIsEmptyString() {
    Gateway root = Gateway.builder()
        .httpApi("root", api -> api.route("$default", Integrations.functionV2(event -> {
          seen.set(event);
          return "ok";
        })))
        .build();
    try {
      call(root, request("GET", "/any/where"));
    } finally {
      root.close();
    }

    assertThat(seen.get().routeKey()).isEqualTo("$default");
    assertThat(seen.get().requestContext().stage()).isEqualTo("$default");
    assertThat(seen.get().rawPath()).isEqualTo("/any/where");
    assertThat(seen.get().rawQueryString()).isEmpty();
    assertThat(seen.get().queryStringParameters()).isNull();
    assertThat(seen.get().cookies()).isNull();
    assertThat(seen.get().body()).isNull();
  }

  @Test
  void binaryBodyArrivesAsBase64() {
    byte[] bytes = everyByte(1);
    call(gateway, request("POST", "/live/carts/1").header("Content-Type", "application/octet-stream").body(bytes));

    assertThat(seen.get().isBase64Encoded()).isTrue();
    assertThat(Base64.getDecoder().decode(seen.get().body())).isEqualTo(bytes);
  }
}
