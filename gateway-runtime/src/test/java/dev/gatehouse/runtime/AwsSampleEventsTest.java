package dev.gatehouse.runtime;

import static dev.gatehouse.runtime.Requests.call;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.Gateway;
import dev.gatehouse.GatewayRequest;
import dev.gatehouse.event.ProxyResponseV1;
import dev.gatehouse.integration.Integrations;
import dev.gatehouse.runtime.internal.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * AWS's own sample events (from {@code ../shared/vectors/events}) against the events Gatehouse
 * builds for the same request: every field AWS sends is present, and every field the request
 * determines has AWS's value. Skipped with a message where the vectors folder is absent.
 */
class AwsSampleEventsTest {
  private static final Path VECTORS = Path.of(System.getProperty("gatehouse.vectors", "../shared/vectors"));

  @Test
  void restProxyEventMatchesAwsLambdaGoSample() throws Exception {
    JsonNode sample = read("events/aws-lambda-go/apigw-request.json");
    AtomicReference<Object> seen = new AtomicReference<>();
    Gateway gateway = Gateway.builder()
        .restApi("gy415nuibc", api -> api
            .stage("testStage", stage -> stage.variable("stageVariableName", "stageVariableValue"))
            .route("POST /{proxy+}", Integrations.function(event -> {
              seen.set(event);
              return ProxyResponseV1.of(200, "");
            })))
        .basePathMapping("", "gy415nuibc", "testStage")
        .build();
    try {
      call(gateway, requestFrom(sample, sample.get("multiValueHeaders")));
    } finally {
      gateway.close();
    }

    JsonNode ours = Json.MAPPER.valueToTree(seen.get());
    assertSameFields(sample, ours, List.of(
        "resource", "path", "httpMethod", "headers", "multiValueHeaders", "queryStringParameters",
        "multiValueQueryStringParameters", "pathParameters", "stageVariables", "body",
        "requestContext.path", "requestContext.stage", "requestContext.protocol", "requestContext.httpMethod",
        "requestContext.resourcePath", "requestContext.apiId", "requestContext.identity.sourceIp",
        "requestContext.identity.userAgent"));
  }

  @Test
  void httpApiPayloadV1EventMatchesPowertoolsSample() throws Exception {
    JsonNode sample = read("events/powertools-lambda-python/apiGatewayProxyEvent.json");
    AtomicReference<Object> seen = new AtomicReference<>();
    Gateway gateway = Gateway.builder()
        .httpApi("id", api -> api.route("GET /my/path", Integrations.function(event -> {
          seen.set(event);
          return ProxyResponseV1.of(200, "");
        })))
        .build();
    try {
      call(gateway, requestFrom(sample, sample.get("multiValueHeaders"))
          .header("Host", sample.at("/requestContext/domainName").asText())
          .header("User-Agent", sample.at("/requestContext/identity/userAgent").asText()));
    } finally {
      gateway.close();
    }

    JsonNode ours = Json.MAPPER.valueToTree(seen.get());
    assertSameFields(sample, ours, List.of(
        "version", "resource", "path", "httpMethod", "multiValueQueryStringParameters", "pathParameters",
        "stageVariables", "body", "isBase64Encoded", "requestContext.apiId", "requestContext.domainName",
        "requestContext.domainPrefix", "requestContext.httpMethod", "requestContext.path",
        "requestContext.protocol", "requestContext.resourcePath", "requestContext.stage",
        "requestContext.identity.sourceIp", "requestContext.identity.userAgent"));
    // AWS lower-cases header names of HTTP APIs in both payload formats (the sample predates that)
    sample.get("multiValueHeaders").properties().forEach(e -> assertThat(
        ours.get("multiValueHeaders").get(e.getKey().toLowerCase(Locale.ROOT))).isEqualTo(e.getValue()));
    // AWS's single-value map keeps the last of repeated values
    assertThat(ours.at("/queryStringParameters/parameter1").asText()).isEqualTo("value2");
  }

  @Test
  void httpApiEventMatchesPowertoolsSample() throws Exception {
    JsonNode sample = read("events/powertools-lambda-python/apiGatewayProxyV2Event.json");
    AtomicReference<Object> seen = new AtomicReference<>();
    Gateway gateway = Gateway.builder()
        .httpApi("api-id", api -> api
            .stage("$default", stage -> stage
                .variable("stageVariable1", "value1")
                .variable("stageVariable2", "value2"))
            .route("$default", Integrations.functionV2(event -> {
              seen.set(event);
              return "ok";
            })))
        .build();
    Map<String, JsonNode> headers = new LinkedHashMap<>();
    sample.get("headers").properties().forEach(e -> headers.put(e.getKey(), e.getValue()));
    GatewayRequest.Builder request = GatewayRequest.builder(
            sample.at("/requestContext/http/method").asText(), sample.get("rawPath").asText())
        .rawQuery(sample.get("rawQueryString").asText())
        .sourceIp(sample.at("/requestContext/http/sourceIp").asText())
        .header("Host", sample.at("/requestContext/domainName").asText())
        .header("User-Agent", sample.at("/requestContext/http/userAgent").asText())
        .header("Cookie", String.join("; ", List.of("cookie1", "cookie2")))
        .body(sample.get("body").asText());
    headers.forEach((name, value) -> {
      for (String part : value.asText().split(",")) {
        request.header(name, part);
      }
    });
    try {
      call(gateway, request);
    } finally {
      gateway.close();
    }

    JsonNode ours = Json.MAPPER.valueToTree(seen.get());
    assertSameFields(sample, ours, List.of(
        "version", "routeKey", "rawPath", "rawQueryString", "cookies", "queryStringParameters", "body",
        "isBase64Encoded", "stageVariables", "requestContext.apiId", "requestContext.domainName",
        "requestContext.domainPrefix", "requestContext.routeKey", "requestContext.stage",
        "requestContext.http.method", "requestContext.http.path", "requestContext.http.protocol",
        "requestContext.http.sourceIp", "requestContext.http.userAgent"));
    // AWS lower-cases 2.0 header names (the sample file predates that); values match
    sample.get("headers").properties().forEach(e ->
        assertThat(ours.get("headers").get(e.getKey().toLowerCase(Locale.ROOT))).isEqualTo(e.getValue()));
  }

  private static GatewayRequest.Builder requestFrom(JsonNode sample, JsonNode multiValueHeaders) {
    StringBuilder query = new StringBuilder();
    sample.get("multiValueQueryStringParameters").properties().forEach(e -> e.getValue().forEach(v ->
        query.append(query.length() == 0 ? "" : "&").append(e.getKey()).append('=').append(v.asText())));
    GatewayRequest.Builder request = GatewayRequest.builder(sample.get("httpMethod").asText(), sample.get("path").asText())
        .rawQuery(query.toString())
        .sourceIp(sample.at("/requestContext/identity/sourceIp").asText())
        .body(sample.get("body").asText());
    multiValueHeaders.properties().forEach(e -> e.getValue().forEach(v -> request.header(e.getKey(), v.asText())));
    return request;
  }

  /** Every field of the sample exists in ours; the listed ones are equal. */
  private static void assertSameFields(JsonNode sample, JsonNode ours, List<String> equalFields) {
    assertPresent(sample, ours, "");
    for (String field : equalFields) {
      JsonNode expected = sample.at("/" + field.replace('.', '/'));
      JsonNode actual = ours.at("/" + field.replace('.', '/'));
      assertThat(actual).as(field).isEqualTo(expected);
    }
  }

  private static void assertPresent(JsonNode sample, JsonNode ours, String path) {
    for (Map.Entry<String, JsonNode> field : sample.properties()) {
      String name = path + field.getKey();
      assertThat(ours.has(field.getKey())).as("field %s", name).isTrue();
      JsonNode child = ours.get(field.getKey());
      // maps of user data (headers, authorizer context) differ by design; only our own objects recurse
      if (field.getValue().isObject() && child.isObject() && !isUserMap(field.getKey())) {
        assertPresent(field.getValue(), child, name + ".");
      }
    }
  }

  private static boolean isUserMap(String name) {
    return List.of("headers", "multiValueHeaders", "queryStringParameters", "multiValueQueryStringParameters",
        "pathParameters", "stageVariables", "authorizer").contains(name);
  }

  private static JsonNode read(String relative) throws Exception {
    Path file = VECTORS.resolve(relative);
    assumeTrue(Files.isRegularFile(file), "AWS sample events not found at " + file.toAbsolutePath()
        + " (set -Dgatehouse.vectors=...; these tests need ../shared/vectors beside the project)");
    return Json.MAPPER.readTree(file.toFile());
  }
}
