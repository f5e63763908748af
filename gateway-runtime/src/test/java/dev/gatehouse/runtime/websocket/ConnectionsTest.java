package dev.gatehouse.runtime.websocket;

import static dev.gatehouse.runtime.websocket.WebSocketRoutingTest.upgrade;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.Gateway;
import dev.gatehouse.GatewayRequest;
import dev.gatehouse.GatewayResponse;
import dev.gatehouse.event.ProxyResponseV1;
import dev.gatehouse.event.WebSocketEvent;
import dev.gatehouse.integration.Integrations;
import dev.gatehouse.testing.MemoryChannel;
import dev.gatehouse.websocket.ConnectionException;
import dev.gatehouse.websocket.WebSocketConnection;
import dev.gatehouse.websocket.WebSocketConnections;
import java.time.Instant;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** AWS's {@code @connections}: in process through {@code gateway.connections}, and over HTTP. */
class ConnectionsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ADMIN = "demo-admin-token";
  private final BlockingQueue<WebSocketEvent> events = new LinkedBlockingQueue<>();
  private Gateway gateway;
  private WebSocketConnections connections;
  private MemoryChannel client;
  private String id;

  @BeforeEach
  void connect() throws Exception {
    gateway = Gateway.builder().webSocketApi("chat", ws -> ws.stage("prod")
        .routeSelectionExpression("$request.body.action")
        .maxMessageBytes(1024)
        .sendBufferBytes(4096)
        .connectionsEndpoint(request -> ADMIN.equals(request.headers().first("x-admin-token")))
        .route("$connect", Integrations.webSocketFunction(this::record))
        .route("$disconnect", Integrations.webSocketFunction(this::record))).build();
    connections = gateway.connections("chat", "prod");
    client = MemoryChannel.connect(gateway, upgrade("/prod"));
    id = events.poll(10, TimeUnit.SECONDS).requestContext().connectionId();
  }

  private ProxyResponseV1 record(WebSocketEvent event) {
    events.add(event);
    return null;
  }

  @AfterEach
  void close() {
    gateway.close();
  }

  private static <T> T await(CompletionStage<T> stage) throws Exception {
    return stage.toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  private static ConnectionException.Kind failure(CompletionStage<?> stage) throws Exception {
    try {
      await(stage);
    } catch (ExecutionException e) {
      assertThat(e.getCause()).isInstanceOf(ConnectionException.class);
      return ((ConnectionException) e.getCause()).kind();
    }
    throw new AssertionError("the call succeeded");
  }

  private GatewayResponse http(String method, String connectionId, String body, boolean admin) throws Exception {
    GatewayRequest.Builder request = GatewayRequest.builder(method, "/prod/%40connections/" + connectionId);
    if (admin) {
      request.header("x-admin-token", ADMIN);
    }
    if (body != null) {
      request.body(body);
    }
    return await(gateway.handle(request.build()));
  }

  @Test
  void postSendsTextAndBinaryToTheClient() throws Exception {
    String connectionId = id;
    // --- begin WebSocketConnections Javadoc
    WebSocketConnections connections = gateway.connections("chat", "prod");
    connections.post(connectionId, "{\"text\":\"hello\"}");
    // --- end

    assertThat(client.next()).isEqualTo("{\"text\":\"hello\"}");
    await(connections.post(id, new byte[] {1, 2, 3}));
    assertThat(client.next()).isEqualTo(new byte[] {1, 2, 3});
  }

  @Test
  void getDescribesTheConnection() throws Exception {
    WebSocketConnection connection = await(connections.get(id));

    assertThat(connection.connectionId()).isEqualTo(id);
    assertThat(connection.sourceIp()).isEqualTo("127.0.0.1");
    assertThat(connection.userAgent()).isEqualTo("test-client");
    assertThat(connection.connectedAt()).isBeforeOrEqualTo(Instant.now());
    assertThat(connection.lastActiveAt()).isEqualTo(connection.connectedAt());
  }

  @Test
  void deleteClosesWith1000AndRunsDisconnect() throws Exception {
    await(connections.delete(id));

    assertThat(client.closedWith()).isEqualTo("1000 ");
    assertThat(events.poll(10, TimeUnit.SECONDS).requestContext().disconnectStatusCode()).isEqualTo(1000);
  }

  @Test
  void closedAndUnknownConnectionsAreGone() throws Exception {
    client.clientCloses(1001, "tab closed");

    assertThat(failure(connections.post(id, "late"))).isEqualTo(ConnectionException.Kind.GONE);
    assertThat(failure(connections.get(id))).isEqualTo(ConnectionException.Kind.GONE);
    assertThat(failure(connections.delete(id))).isEqualTo(ConnectionException.Kind.GONE);
    assertThat(failure(connections.post("AAAAAAAAAAAAAAA=", "x"))).isEqualTo(ConnectionException.Kind.GONE);
  }

  @Test
  void postAboveTheMessageLimitIsPayloadTooLarge() throws Exception {
    assertThat(failure(connections.post(id, "x".repeat(1025)))).isEqualTo(ConnectionException.Kind.PAYLOAD_TOO_LARGE);
    assertThat(client.quietFor(100)).isTrue();
  }

  @Test
  void postToAClientThatStoppedReadingIsRefusedAndCounted() throws Exception {
    long before = connections.refusedSends();
    client.buffered(4000);

    assertThat(failure(connections.post(id, "x".repeat(200)))).isEqualTo(ConnectionException.Kind.LIMIT_EXCEEDED);
    assertThat(connections.refusedSends()).isEqualTo(before + 1);
    client.buffered(0);
    await(connections.post(id, "x".repeat(200)));
    assertThat(client.nextText()).hasSize(200);
  }

  @Test
  void connectionsOfAnotherStageOrApiAreUnknown() {
    assertThatIllegalArgumentException().isThrownBy(() -> gateway.connections("chat", "dev"))
        .withMessageContaining("api: chat, stage: dev");
    assertThatIllegalArgumentException().isThrownBy(() -> gateway.connections("nope", "prod"));
  }

  @Test
  void httpPostAnswers200AndDelivers() throws Exception {
    GatewayResponse response = http("POST", id, "{\"text\":\"over http\"}", true);

    assertThat(response.status()).isEqualTo(200);
    assertThat(client.nextText()).isEqualTo("{\"text\":\"over http\"}");
  }

  @Test
  void httpGetAnswersTheConnectionAsAwsWritesIt() throws Exception {
    GatewayResponse response = http("GET", id, null, true);

    assertThat(response.status()).isEqualTo(200);
    JsonNode body = JSON.readTree(response.bodyAsString());
    assertThat(body.get("Identity").get("SourceIp").asText()).isEqualTo("127.0.0.1");
    assertThat(body.get("Identity").get("UserAgent").asText()).isEqualTo("test-client");
    assertThat(Instant.parse(body.get("ConnectedAt").asText())).isEqualTo(await(connections.get(id)).connectedAt());
    assertThat(body.has("LastActiveAt")).isTrue();
  }

  @Test
  void httpDeleteAnswers204() throws Exception {
    assertThat(http("DELETE", id, null, true).status()).isEqualTo(204);
    assertThat(client.closedWith()).isEqualTo("1000 ");
  }

  @Test
  void httpCallsForGoneConnectionsGet410GoneException() throws Exception {
    client.clientCloses(1000, "");

    GatewayResponse response = http("POST", id, "late", true);

    assertThat(response.status()).isEqualTo(410);
    assertThat(response.headers().first("x-amzn-ErrorType")).isEqualTo("GoneException");
  }

  @Test
  void httpErrorsCarryAwsErrorTypes() throws Exception {
    GatewayResponse tooLarge = http("POST", id, "x".repeat(1025), true);
    client.buffered(4096);
    GatewayResponse full = http("POST", id, "x", true);

    assertThat(tooLarge.status()).isEqualTo(413);
    assertThat(tooLarge.headers().first("x-amzn-ErrorType")).isEqualTo("PayloadTooLargeException");
    assertThat(full.status()).isEqualTo(429);
    assertThat(full.headers().first("x-amzn-ErrorType")).isEqualTo("LimitExceededException");
  }

  @Test
  void httpCallerTheGuardRefusesGets403() throws Exception {
    GatewayResponse response = http("POST", id, "sneaky", false);

    assertThat(response.status()).isEqualTo(403);
    assertThat(response.headers().first("x-amzn-ErrorType")).isEqualTo("ForbiddenException");
    assertThat(client.quietFor(100)).isTrue();
  }

  @Test
  void httpEndpointIsOffByDefault() throws Exception {
    try (Gateway plain = Gateway.builder().webSocketApi("chat", ws -> ws.stage("prod")
        .routeSelectionExpression("$request.body.action")).build()) {
      MemoryChannel other = MemoryChannel.connect(plain, upgrade("/prod"));
      String otherId = JSON.readTree(forbiddenFrame(other)).get("connectionId").asText();

      GatewayResponse response = await(plain.handle(GatewayRequest.builder("POST", "/prod/@connections/" + otherId)
          .body("x").build()));

      assertThat(response.status()).isEqualTo(403);
      assertThat(other.quietFor(100)).isTrue();
    }
  }

  /** A message to an API without routes gets AWS's error message, which names the connection. */
  private static String forbiddenFrame(MemoryChannel client) throws InterruptedException {
    client.receive("anything");
    return client.nextText();
  }

  @Test
  void deleteOfOneClientOfManyLeavesTheOthers() throws Exception {
    MemoryChannel second = MemoryChannel.connect(gateway, upgrade("/prod"));
    String secondId = events.poll(10, TimeUnit.SECONDS).requestContext().connectionId();

    await(connections.delete(id));
    await(connections.post(secondId, "still here"));

    assertThat(second.nextText()).isEqualTo("still here");
  }
}
