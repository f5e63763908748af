package dev.gatehouse.runtime.log;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.jwk.RSAKey;
import dev.gatehouse.ApiType;
import dev.gatehouse.Gateway;
import dev.gatehouse.GatewayRequest;
import dev.gatehouse.GatewayResponse;
import dev.gatehouse.authorizer.Authorizers;
import dev.gatehouse.event.AuthorizerPolicy;
import dev.gatehouse.event.ProxyResponseV1;
import dev.gatehouse.integration.Integrations;
import dev.gatehouse.log.AccessLogVariables;
import dev.gatehouse.testing.JwksServer;
import dev.gatehouse.testing.MemoryChannel;
import dev.gatehouse.testing.TestTokens;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Every variable AWS documents for an API type, rendered for one real request of that type: a JSON
 * format names each variable after itself, and the test reads the line back.
 */
class AccessLogVariablesTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CLF_TIME = "\\d{2}/[A-Z][a-z]{2}/\\d{4}:\\d{2}:\\d{2}:\\d{2} \\+0000";
  private static final Predicate<String> NUMBER = v -> v.matches("\\d+");
  private static final Predicate<String> SOME = v -> !v.isEmpty() && !v.equals("-");

  private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
  private final List<AutoCloseable> open = new ArrayList<>();

  @AfterEach
  void close() throws Exception {
    for (AutoCloseable c : open) {
      c.close();
    }
  }

  /** A JSON format of every documented fixed name of {@code type}, and these family members. */
  private static String everything(ApiType type, String... families) {
    List<String> names = new ArrayList<>(AccessLogVariables.names(type));
    names.addAll(List.of(families));
    StringBuilder format = new StringBuilder("{");
    for (String name : names) {
      format.append(format.length() > 1 ? "," : "").append('"').append(name).append("\":\"$context.").append(name)
          .append('"');
    }
    return format.append('}').toString();
  }

  @SuppressWarnings("unchecked")
  private Map<String, String> nextLine() throws Exception {
    String line = lines.poll(10, TimeUnit.SECONDS);
    assertThat(line).as("an access log line").isNotNull();
    return JSON.readValue(line, Map.class);
  }

  /** Every rendered variable has its expected value, and the table covers every documented name. */
  private static void assertTable(ApiType type, Map<String, String> line, Map<String, Object> expected) {
    assertThat(expected.keySet()).containsAll(AccessLogVariables.names(type));
    assertThat(line.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
    expected.forEach((name, value) -> {
      if (value instanceof Predicate) {
        @SuppressWarnings("unchecked")
        Predicate<String> test = (Predicate<String>) value;
        assertThat(test.test(line.get(name))).as("%s = %s", name, line.get(name)).isTrue();
      } else {
        assertThat(line.get(name)).as(name).isEqualTo(value);
      }
    });
  }

  /** Every name not given is one Gatehouse has no value for. */
  private static Map<String, Object> table(ApiType type, Map<String, Object> known, String... families) {
    Map<String, Object> table = new LinkedHashMap<>();
    AccessLogVariables.names(type).forEach(name -> table.put(name, "-"));
    for (String family : families) {
      table.put(family, "-");
    }
    table.putAll(known);
    return table;
  }

  @Test
  void restRequestRendersEveryRestVariable() throws Exception {
    String[] families = {"authorizer.claims.sub", "authorizer.tier", "authorizer.level",
        "requestOverride.header.x", "requestOverride.path.p", "requestOverride.querystring.q",
        "responseOverride.header.h"};
    Gateway gateway = Gateway.builder()
        .restApi("petstore", api -> api
            .stage("prod", stage -> stage.accessLog(log -> log.format(everything(ApiType.REST, families))
                .sink((a, s, line) -> lines.add(line))))
            .authorizer(Authorizers.token("partners", event -> new AuthorizerPolicy("user-42",
                AuthorizerPolicy.allow("user-42", "*").policyDocument(), Map.of("tier", "gold", "level", 3), null)))
            .route("GET /pets/{id}", Integrations.function(event -> ProxyResponseV1.of(200, "{\"id\":7}")),
                route -> route.authorizer("partners").apiKeyRequired()))
        .usagePlan("basic", plan -> plan.stage("petstore", "prod").apiKey("demo", "demo-key-value-00001"))
        .build();
    open.add(gateway);

    GatewayResponse response = gateway.handle(GatewayRequest.builder("GET", "/prod/pets/7")
        .header("Host", "api.example.com:8443").header("User-Agent", "curl/8.0")
        .header("Authorization", "token-1").header("x-api-key", "demo-key-value-00001")
        .sourceIp("203.0.113.9").build()).toCompletableFuture().get(10, TimeUnit.SECONDS);
    assertThat(response.status()).isEqualTo(200);

    Map<String, String> line = nextLine();
    Map<String, Object> known = new LinkedHashMap<>();
    known.put("apiId", "petstore");
    known.put("stage", "prod");
    known.put("requestId", response.headers().first("x-amzn-RequestId"));
    known.put("extendedRequestId", SOME);
    known.put("xrayTraceId", (Predicate<String>) v -> v.matches("1-[0-9a-f]{8}-[0-9a-f]{24}"));
    known.put("httpMethod", "GET");
    known.put("path", "/prod/pets/7");
    known.put("protocol", "HTTP/1.1");
    known.put("requestTime", (Predicate<String>) v -> v.matches(CLF_TIME));
    known.put("requestTimeEpoch", NUMBER);
    known.put("domainName", "api.example.com");
    known.put("domainPrefix", "api");
    known.put("resourcePath", "/pets/{id}");
    known.put("resourceId", "/pets/{id}");
    known.put("identity.sourceIp", "203.0.113.9");
    known.put("identity.userAgent", "curl/8.0");
    known.put("identity.apiKeyId", "demo");
    known.put("identity.apiKey", "demo-key-value-00001");
    known.put("authorizer.principalId", "user-42");
    known.put("authorizer.tier", "gold");
    known.put("authorizer.level", "3");
    known.put("status", "200");
    known.put("responseLength", "8");
    known.put("responseLatency", NUMBER);
    known.put("integrationLatency", NUMBER);
    known.put("integration.latency", NUMBER);
    known.put("integration.status", "200");
    assertTable(ApiType.REST, line, table(ApiType.REST, known, families));
  }

  @Test
  void httpApiRequestRendersEveryHttpVariable() throws Exception {
    RSAKey key = TestTokens.rsaKey("rsa-1");
    JwksServer jwks = new JwksServer(key);
    open.add(jwks);
    String[] families = {"authorizer.claims.sub", "authorizer.claims.iss", "authorizer.tier"};
    Gateway gateway = Gateway.builder()
        .httpApi("orders", api -> api
            .stage("prod", stage -> stage.accessLog(log -> log.format(everything(ApiType.HTTP, families))
                .sink((a, s, line) -> lines.add(line))))
            .authorizer(Authorizers.jwt("users").issuer("https://login.example.com").audience("orders")
                .jwksUri(jwks.uri()))
            .route("GET /orders/{id}", Integrations.mock(200, "{\"id\":7}"), route -> route.authorizer("users")))
        .build();
    open.add(gateway);
    String token = TestTokens.sign(key, TestTokens.claims("https://login.example.com", "orders", Instant.now())
        .subject("alice").build());

    GatewayResponse response = gateway.handle(GatewayRequest.builder("GET", "/prod/orders/7")
        .header("Host", "orders.example.com").header("User-Agent", "curl/8.0")
        .header("Authorization", "Bearer " + token).sourceIp("198.51.100.4").build())
        .toCompletableFuture().get(10, TimeUnit.SECONDS);
    assertThat(response.status()).isEqualTo(200);

    Map<String, String> line = nextLine();
    String requestId = response.headers().first("x-amzn-RequestId");
    Map<String, Object> known = new LinkedHashMap<>();
    known.put("apiId", "orders");
    known.put("stage", "prod");
    known.put("requestId", requestId);
    known.put("extendedRequestId", requestId);
    known.put("routeKey", "GET /orders/{id}");
    known.put("httpMethod", "GET");
    known.put("path", "/prod/orders/7");
    known.put("protocol", "HTTP/1.1");
    known.put("requestTime", (Predicate<String>) v -> v.matches(CLF_TIME));
    known.put("requestTimeEpoch", NUMBER);
    known.put("domainName", "orders.example.com");
    known.put("domainPrefix", "orders");
    known.put("identity.sourceIp", "198.51.100.4");
    known.put("identity.userAgent", "curl/8.0");
    known.put("authorizer.principalId", "alice");
    known.put("authorizer.claims.sub", "alice");
    known.put("authorizer.claims.iss", "https://login.example.com");
    known.put("status", "200");
    known.put("responseLength", "8");
    known.put("responseLatency", NUMBER);
    known.put("integrationLatency", NUMBER);
    known.put("integration.latency", NUMBER);
    known.put("integration.status", "200");
    assertTable(ApiType.HTTP, line, table(ApiType.HTTP, known, families));
  }

  @Test
  void webSocketMessageRendersEveryWebSocketVariable() throws Exception {
    String[] families = {"authorizer.tier"};
    Gateway gateway = Gateway.builder()
        .webSocketApi("chat", ws -> ws
            .stage("prod", stage -> stage.accessLog(log -> log.format(everything(ApiType.WEBSOCKET, families))
                .sink((a, s, line) -> lines.add(line))))
            .routeSelectionExpression("$request.body.action")
            .route("sendMessage", Integrations.webSocketFunction(event -> ProxyResponseV1.of(200, "sent")),
                route -> route.routeResponse()))
        .build();
    open.add(gateway);
    MemoryChannel client = MemoryChannel.connect(gateway, GatewayRequest.builder("GET", "/prod")
        .header("Host", "chat.example.com").header("Upgrade", "websocket").header("User-Agent", "test-client")
        .sourceIp("127.0.0.1").build());
    Map<String, String> connect = nextLine();

    client.receive("{\"action\":\"sendMessage\",\"text\":\"hi\"}");
    assertThat(client.nextText()).isEqualTo("sent");

    Map<String, String> line = nextLine();
    assertThat(connect.get("eventType")).isEqualTo("CONNECT");
    assertThat(connect.get("connectionId")).isEqualTo(line.get("connectionId"));
    Map<String, Object> known = new LinkedHashMap<>();
    known.put("apiId", "chat");
    known.put("stage", "prod");
    known.put("requestId", SOME);
    known.put("extendedRequestId", line.get("requestId"));
    known.put("routeKey", "sendMessage");
    known.put("eventType", "MESSAGE");
    known.put("connectionId", SOME);
    known.put("messageId", SOME);
    known.put("connectedAt", connect.get("requestTimeEpoch"));
    known.put("requestTime", (Predicate<String>) v -> v.matches(CLF_TIME));
    known.put("requestTimeEpoch", NUMBER);
    known.put("domainName", "chat.example.com");
    known.put("identity.sourceIp", "127.0.0.1");
    known.put("identity.userAgent", "test-client");
    known.put("status", "200");
    known.put("integrationLatency", NUMBER);
    known.put("integration.latency", NUMBER);
    known.put("integration.status", "200");
    assertTable(ApiType.WEBSOCKET, line, table(ApiType.WEBSOCKET, known, families));
  }
}
