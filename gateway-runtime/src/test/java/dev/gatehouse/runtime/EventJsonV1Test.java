package dev.gatehouse.runtime;

import static dev.gatehouse.runtime.Requests.call;
import static dev.gatehouse.runtime.Requests.request;
import static dev.gatehouse.testing.Bodies.everyByte;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.Gateway;
import dev.gatehouse.event.ProxyEventV1;
import dev.gatehouse.event.ProxyResponseV1;
import dev.gatehouse.integration.Integrations;
import dev.gatehouse.runtime.internal.Json;
import dev.gatehouse.runtime.internal.RuntimeEngine;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Payload 1.0, field by field, as Jackson writes it for a Lambda function. */
class EventJsonV1Test {
  private static final Instant NOW = Instant.parse("2020-03-04T19:15:17.135Z");

  private final AtomicReference<ProxyEventV1> seen = new AtomicReference<>();
  private final Gateway gateway = new RuntimeEngine(Clock.fixed(NOW, ZoneOffset.UTC)).start(Gateway.builder()
      .restApi("petstore", api -> api
          .stage("prod", stage -> stage.variable("petsUrl", "http://127.0.0.1:9000"))
          .route("ANY /pets/{id}/{proxy+}", Integrations.function(event -> {
            seen.set(event);
            return ProxyResponseV1.of(200, "ok");
          })))
      .definition());

  @AfterEach
  void close() {
    gateway.close();
  }

  @Test
  void everyFieldHasAwsNameAndValue() throws Exception {
    call(gateway, request("POST", "/prod/pets/a%20b/x/%C3%A9?color=red&color=blue&q=a+b")
        .header("Accept", "text/html")
        .header("X-Multi", "one")
        .header("x-multi", "two")
        .header("Content-Type", "application/json")
        .sourceIp("192.0.2.1")
        .body("{\"name\":\"rex\"}"));

    JsonNode json = Json.MAPPER.valueToTree(seen.get());
    assertThat(fieldNames(json)).containsExactly("version", "resource", "path", "httpMethod", "headers",
        "multiValueHeaders", "queryStringParameters", "multiValueQueryStringParameters", "requestContext",
        "pathParameters", "stageVariables", "body", "isBase64Encoded");
    assertThat(json.get("version").asText()).isEqualTo("1.0");
    assertThat(json.get("resource").asText()).isEqualTo("/pets/{id}/{proxy+}");
    assertThat(json.get("path").asText()).isEqualTo("/pets/a b/x/é");
    assertThat(json.get("httpMethod").asText()).isEqualTo("POST");
    assertThat(json.get("headers").get("X-Multi").asText()).isEqualTo("two");
    assertThat(json.get("headers").get("Accept").asText()).isEqualTo("text/html");
    assertThat(json.get("multiValueHeaders").get("X-Multi")).hasToString("[\"one\",\"two\"]");
    assertThat(json.get("queryStringParameters")).hasToString("{\"color\":\"blue\",\"q\":\"a b\"}");
    assertThat(json.get("multiValueQueryStringParameters"))
        .hasToString("{\"color\":[\"red\",\"blue\"],\"q\":[\"a b\"]}");
    assertThat(json.get("pathParameters")).hasToString("{\"id\":\"a b\",\"proxy\":\"x/é\"}");
    assertThat(json.get("stageVariables")).hasToString("{\"petsUrl\":\"http://127.0.0.1:9000\"}");
    assertThat(json.get("body").asText()).isEqualTo("{\"name\":\"rex\"}");
    assertThat(json.get("isBase64Encoded").asBoolean()).isFalse();

    JsonNode context = json.get("requestContext");
    assertThat(fieldNames(context)).containsExactly("accountId", "apiId", "authorizer", "domainName",
        "domainPrefix", "extendedRequestId", "httpMethod", "identity", "path", "protocol", "requestId",
        "requestTime", "requestTimeEpoch", "resourceId", "resourcePath", "stage");
    assertThat(context.get("apiId").asText()).isEqualTo("petstore");
    assertThat(context.get("domainName").asText()).isEqualTo("api.example.com");
    assertThat(context.get("domainPrefix").asText()).isEqualTo("api");
    assertThat(context.get("httpMethod").asText()).isEqualTo("POST");
    assertThat(context.get("path").asText()).isEqualTo("/prod/pets/a b/x/é");
    assertThat(context.get("protocol").asText()).isEqualTo("HTTP/1.1");
    assertThat(context.get("requestId").asText()).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    assertThat(context.get("extendedRequestId").asText()).hasSize(16);
    assertThat(context.get("requestTime").asText()).isEqualTo("04/Mar/2020:19:15:17 +0000");
    assertThat(context.get("requestTimeEpoch").asLong()).isEqualTo(1583349317135L);
    assertThat(context.get("resourcePath").asText()).isEqualTo("/pets/{id}/{proxy+}");
    assertThat(context.get("stage").asText()).isEqualTo("prod");
    JsonNode identity = context.get("identity");
    assertThat(fieldNames(identity)).containsExactly("accessKey", "accountId", "apiKey", "apiKeyId", "caller",
        "cognitoAuthenticationProvider", "cognitoAuthenticationType", "cognitoIdentityId", "cognitoIdentityPoolId",
        "principalOrgId", "sourceIp", "user", "userAgent", "userArn", "clientCert");
    assertThat(identity.get("sourceIp").asText()).isEqualTo("192.0.2.1");
    assertThat(identity.get("userAgent").asText()).isEqualTo("gatehouse-test");
    assertThat(identity.get("clientCert").isNull()).isTrue();
  }

  @Test
  void binaryBodyArrivesAsBase64() {
    byte[] bytes = everyByte(1);
    call(gateway, request("PUT", "/prod/pets/1/photo").header("Content-Type", "image/png").body(bytes));

    assertThat(seen.get().isBase64Encoded()).isTrue();
    assertThat(Base64.getDecoder().decode(seen.get().body())).isEqualTo(bytes);
  }

  @Test
  void invalidUtf8UnderTextualContentTypeStillArrivesIntact() {
    byte[] bytes = {(byte) 0xC3, (byte) 0x28, 'a'};
    call(gateway, request("PUT", "/prod/pets/1/raw").header("Content-Type", "text/plain").body(bytes));

    assertThat(seen.get().isBase64Encoded()).isTrue();
    assertThat(Base64.getDecoder().decode(seen.get().body())).isEqualTo(bytes);
  }

  @Test
  void absentPartsAreNullAsAwsSendsThem() {
    Gateway bare = Gateway.builder()
        .restApi("bare", api -> api.stage("prod").route("GET /x", Integrations.function(event -> {
          seen.set(event);
          return ProxyResponseV1.of(204, null);
        })))
        .build();
    try {
      call(bare, request("GET", "/prod/x"));
    } finally {
      bare.close();
    }

    JsonNode json = Json.MAPPER.valueToTree(seen.get());
    for (String field : List.of("queryStringParameters", "multiValueQueryStringParameters", "pathParameters",
        "stageVariables", "body")) {
      assertThat(json.get(field).isNull()).as(field).isTrue();
    }
  }

  @Test
  void httpApiLowerCasesHeaderNamesInPayloadV1TooWhileRestApiKeepsThem() {
    Gateway http = Gateway.builder()
        .httpApi("h", api -> api.route("GET /x", Integrations.function(event -> {
          seen.set(event);
          return ProxyResponseV1.of(200, "");
        })))
        .build();
    try {
      call(http, request("GET", "/x").header("X-Mixed-Case", "1").header("x-mixed-case", "2"));
    } finally {
      http.close();
    }

    assertThat(seen.get().multiValueHeaders()).containsEntry("x-mixed-case", List.of("1", "2"));
    assertThat(seen.get().headers()).containsEntry("x-mixed-case", "2").doesNotContainKey("X-Mixed-Case");
    call(gateway, request("GET", "/prod/pets/1/a").header("X-Mixed-Case", "1"));
    assertThat(seen.get().headers()).containsEntry("X-Mixed-Case", "1");
  }

  static List<String> fieldNames(JsonNode node) {
    List<String> names = new java.util.ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
