package dev.gatehouse.runtime.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.Gateway;
import dev.gatehouse.GatewayRequest;
import dev.gatehouse.event.ProxyResponseV1;
import dev.gatehouse.event.WebSocketEvent;
import dev.gatehouse.integration.Integrations;
import dev.gatehouse.testing.Backend;
import dev.gatehouse.testing.MemoryChannel;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WebSocketRoutingTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final BlockingQueue<WebSocketEvent> events = new LinkedBlockingQueue<>();
  private Gateway gateway;

  static GatewayRequest upgrade(String path) {
    return GatewayRequest.builder("GET", path).header("Host", "chat.example.com").header("Upgrade", "websocket")
        .header("User-Agent", "test-client").sourceIp("127.0.0.1").build();
  }

  private ProxyResponseV1 record(WebSocketEvent event) {
    events.add(event);
    return ProxyResponseV1.of(200, "handled " + event.requestContext().routeKey() + ": " + event.body());
  }

  private MemoryChannel chat(String expression) throws Exception {
    gateway = Gateway.builder().webSocketApi("chat", ws -> ws
        .stage("prod", stage -> stage.variable("room", "lobby"))
        .routeSelectionExpression(expression)
        .route("$default", Integrations.webSocketFunction(this::record), route -> route.routeResponse())
        .route("sendMessage", Integrations.webSocketFunction(this::record), route -> route.routeResponse())
        .route("chat/join", Integrations.webSocketFunction(this::record), route -> route.routeResponse())
        .route("quiet", Integrations.webSocketFunction(this::record))
        .route("ping", Integrations.mock(200, "{\"pong\":true}"), route -> route.routeResponse())
        .route("boom", Integrations.webSocketFunction(event -> {
          throw new IllegalStateException("handler bug");
        }))).build();
    return MemoryChannel.connect(gateway, upgrade("/prod"));
  }

  @AfterEach
  void close() {
    if (gateway != null) {
      gateway.close();
    }
  }

  @Test
  void messageTakesTheRouteItsActionNames() throws Exception {
    MemoryChannel client = chat("$request.body.action");

    client.receive("{\"action\":\"sendMessage\",\"text\":\"hi\"}");

    assertThat(client.nextText()).isEqualTo("handled sendMessage: {\"action\":\"sendMessage\",\"text\":\"hi\"}");
  }

  @Test
  void nestedPathsAndLiteralsBuildTheKey() throws Exception {
    MemoryChannel client = chat("${request.body.meta.service}/${request.body.meta.action}");

    client.receive("{\"meta\":{\"service\":\"chat\",\"action\":\"join\"}}");

    assertThat(client.nextText()).startsWith("handled chat/join: ");
  }

  @Test
  void unknownActionAndNonJsonFallToDefault() throws Exception {
    MemoryChannel client = chat("$request.body.action");

    client.receive("{\"action\":\"dance\"}");
    client.receive("not json at all");

    // messages are handled concurrently, as AWS does: answers may come in either order
    assertThat(java.util.List.of(client.nextText(), client.nextText()))
        .containsExactlyInAnyOrder("handled $default: {\"action\":\"dance\"}", "handled $default: not json at all");
  }

  @Test
  void messageCannotSelectConnectOrDisconnect() throws Exception {
    MemoryChannel client = chat("$request.body.action");

    client.receive("{\"action\":\"$disconnect\"}");

    assertThat(client.nextText()).startsWith("handled $default: ");
  }

  @Test
  void unknownActionWithoutDefaultGetsAwsForbiddenMessage() throws Exception {
    gateway = Gateway.builder().webSocketApi("chat", ws -> ws.stage("prod")
        .routeSelectionExpression("$request.body.action")
        .route("sendMessage", Integrations.mock(200))).build();
    MemoryChannel client = MemoryChannel.connect(gateway, upgrade("/prod"));

    client.receive("{\"action\":\"dance\"}");

    JsonNode error = JSON.readTree(client.nextText());
    assertThat(error.get("message").asText()).isEqualTo("Forbidden");
    assertThat(error.get("connectionId").asText()).matches("[A-Za-z0-9_-]{15}=");
    assertThat(error.get("requestId").asText()).isNotBlank();
  }

  @Test
  void oneWayRouteSendsNothingBack() throws Exception {
    MemoryChannel client = chat("$request.body.action");

    client.receive("{\"action\":\"quiet\"}");

    assertThat(events.poll(10, TimeUnit.SECONDS).requestContext().routeKey()).isEqualTo("quiet");
    assertThat(client.quietFor(200)).isTrue();
  }

  @Test
  void failingHandlerGetsAwsInternalServerErrorMessage() throws Exception {
    MemoryChannel client = chat("$request.body.action");

    client.receive("{\"action\":\"boom\"}");

    assertThat(JSON.readTree(client.nextText()).get("message").asText()).isEqualTo("Internal server error");
  }

  @Test
  void mockRouteAnswersWithItsBody() throws Exception {
    MemoryChannel client = chat("$request.body.action");

    client.receive("{\"action\":\"ping\"}");

    assertThat(client.nextText()).isEqualTo("{\"pong\":true}");
  }

  @Test
  void messageEventCarriesAwsFields() throws Exception {
    MemoryChannel client = chat("$request.body.action");

    client.receive("{\"action\":\"quiet\"}");

    WebSocketEvent event = events.poll(10, TimeUnit.SECONDS);
    WebSocketEvent.RequestContext context = event.requestContext();
    assertThat(context.eventType()).isEqualTo("MESSAGE");
    assertThat(context.routeKey()).isEqualTo("quiet");
    assertThat(context.messageId()).isNotBlank();
    assertThat(context.messageDirection()).isEqualTo("IN");
    assertThat(context.stage()).isEqualTo("prod");
    assertThat(context.apiId()).isEqualTo("chat");
    assertThat(context.domainName()).isEqualTo("chat.example.com");
    assertThat(context.connectionId()).matches("[A-Za-z0-9_-]{15}=");
    assertThat(context.connectedAt()).isPositive().isLessThanOrEqualTo(context.requestTimeEpoch());
    assertThat(context.identity()).isEqualTo(new WebSocketEvent.Identity("127.0.0.1", "test-client"));
    assertThat(context.disconnectStatusCode()).isNull();
    assertThat(event.body()).isEqualTo("{\"action\":\"quiet\"}");
    assertThat(event.isBase64Encoded()).isFalse();
    assertThat(event.headers()).isNull();
    assertThat(event.queryStringParameters()).isNull();
    assertThat(event.stageVariables()).containsEntry("room", "lobby");
    assertThat(JSON.writeValueAsString(event)).contains("\"connectionId\"", "\"eventType\":\"MESSAGE\"");
  }

  @Test
  void binaryMessageReachesDefaultAsBase64() throws Exception {
    MemoryChannel client = chat("$request.body.action");

    client.receive(new byte[] {0, 1, 2, (byte) 0xff});

    WebSocketEvent event = events.poll(10, TimeUnit.SECONDS);
    assertThat(event.requestContext().routeKey()).isEqualTo("$default");
    assertThat(event.isBase64Encoded()).isTrue();
    assertThat(event.body()).isEqualTo("AAEC/w==");
  }

  @Test
  void binaryRouteResponseGoesBackAsBinary() throws Exception {
    gateway = Gateway.builder().webSocketApi("chat", ws -> ws.stage("prod")
        .routeSelectionExpression("$request.body.action")
        .route("$default", Integrations.webSocketFunction(event ->
            ProxyResponseV1.builder(200).body(new byte[] {(byte) 0xc3, 0x28}).build()),
            route -> route.routeResponse())).build();
    MemoryChannel client = MemoryChannel.connect(gateway, upgrade("/prod"));

    client.receive("x");

    assertThat(client.next()).isEqualTo(new byte[] {(byte) 0xc3, 0x28});
  }

  @Test
  void messageOverTheLimitClosesWith1009() throws Exception {
    gateway = Gateway.builder().webSocketApi("chat", ws -> ws.stage("prod")
        .routeSelectionExpression("$request.body.action").maxMessageBytes(1024)
        .route("$default", Integrations.mock(200))).build();
    MemoryChannel client = MemoryChannel.connect(gateway, upgrade("/prod"));

    client.receive("x".repeat(1025));

    assertThat(client.closedWith()).isEqualTo("1009 Message too big");
  }

  @Test
  void connectionMessageThrottleAnswersTooManyRequests() throws Exception {
    gateway = Gateway.builder().webSocketApi("chat", ws -> ws.stage("prod")
        .routeSelectionExpression("$request.body.action").messageThrottle(0, 1)
        .route("$default", Integrations.mock(200, "{\"ok\":1}"), route -> route.routeResponse())).build();
    MemoryChannel client = MemoryChannel.connect(gateway, upgrade("/prod"));

    client.receive("one");
    assertThat(client.nextText()).isEqualTo("{\"ok\":1}");
    client.receive("two");

    assertThat(JSON.readTree(client.nextText()).get("message").asText()).isEqualTo("Too Many Requests");
  }

  @Test
  void routeThrottleOfTheStageAppliesToMessages() throws Exception {
    gateway = Gateway.builder().webSocketApi("chat", ws -> ws
        .stage("prod", stage -> stage.throttle("send", 0, 1))
        .routeSelectionExpression("$request.body.action")
        .route("send", Integrations.mock(200, "{\"sent\":1}"), route -> route.routeResponse())).build();
    MemoryChannel client = MemoryChannel.connect(gateway, upgrade("/prod"));

    client.receive("{\"action\":\"send\"}");
    assertThat(client.nextText()).isEqualTo("{\"sent\":1}");
    client.receive("{\"action\":\"send\"}");

    assertThat(JSON.readTree(client.nextText()).get("message").asText()).isEqualTo("Too Many Requests");
  }

  @Test
  void httpIntegrationReceivesTheMessageAndItsAnswerGoesBack() throws Exception {
    try (Backend backend = Backend.start()) {
      backend.enqueue(Backend.Answer.of(200, "{\"stored\":true}"));
      gateway = Gateway.builder().webSocketApi("chat", ws -> ws.stage("prod")
          .routeSelectionExpression("$request.body.action")
          .route("store", Integrations.http(backend.url() + "/messages"), route -> route.routeResponse())).build();
      MemoryChannel client = MemoryChannel.connect(gateway, upgrade("/prod"));

      client.receive("{\"action\":\"store\",\"text\":\"hi\"}");

      assertThat(client.nextText()).isEqualTo("{\"stored\":true}");
      Backend.Recorded request = backend.takeRequest();
      assertThat(request.method()).isEqualTo("POST");
      assertThat(request.rawPath()).isEqualTo("/messages");
      assertThat(new String(request.body(), StandardCharsets.UTF_8)).isEqualTo("{\"action\":\"store\",\"text\":\"hi\"}");
    }
  }
}
