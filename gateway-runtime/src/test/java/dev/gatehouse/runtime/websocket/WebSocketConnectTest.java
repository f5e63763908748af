package dev.gatehouse.runtime.websocket;

import static dev.gatehouse.runtime.websocket.WebSocketRoutingTest.upgrade;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.Gateway;
import dev.gatehouse.GatewayRequest;
import dev.gatehouse.GatewayResponse;
import dev.gatehouse.authorizer.Authorizers;
import dev.gatehouse.authorizer.IdentitySource;
import dev.gatehouse.event.AuthorizerPolicy;
import dev.gatehouse.event.ProxyResponseV1;
import dev.gatehouse.event.WebSocketEvent;
import dev.gatehouse.integration.Integrations;
import dev.gatehouse.testing.MemoryChannel;
import dev.gatehouse.websocket.WebSocketUpgrade;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WebSocketConnectTest {
  private final BlockingQueue<WebSocketEvent> events = new LinkedBlockingQueue<>();
  private Gateway gateway;

  @AfterEach
  void close() {
    if (gateway != null) {
      gateway.close();
    }
  }

  private WebSocketUpgrade upgradeOf(GatewayRequest request) throws Exception {
    return gateway.upgrade(request).toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  private Gateway chatAnsweringConnectWith(ProxyResponseV1 answer) {
    return Gateway.builder().webSocketApi("chat", ws -> ws.stage("prod")
        .routeSelectionExpression("$request.body.action")
        .route("$connect", Integrations.webSocketFunction(event -> {
          events.add(event);
          return answer;
        }))
        .route("$disconnect", Integrations.webSocketFunction(event -> {
          events.add(event);
          return null;
        }))).build();
  }

  @Test
  void connectEventCarriesHeadersAndQuery() throws Exception {
    gateway = chatAnsweringConnectWith(ProxyResponseV1.of(200, ""));

    MemoryChannel.connect(gateway, GatewayRequest.builder("GET", "/prod").rawQuery("room=lobby&room=news")
        .header("Host", "chat.example.com").header("Upgrade", "websocket").header("X-Trace", "a")
        .header("X-Trace", "b").sourceIp("10.0.0.7").build());

    WebSocketEvent event = events.poll(10, TimeUnit.SECONDS);
    assertThat(event.requestContext().eventType()).isEqualTo("CONNECT");
    assertThat(event.requestContext().routeKey()).isEqualTo("$connect");
    assertThat(event.requestContext().messageId()).isNull();
    assertThat(event.requestContext().identity().sourceIp()).isEqualTo("10.0.0.7");
    assertThat(event.headers()).containsEntry("Host", "chat.example.com").containsEntry("X-Trace", "b");
    assertThat(event.multiValueHeaders()).containsEntry("X-Trace", List.of("a", "b"));
    assertThat(event.queryStringParameters()).containsEntry("room", "news");
    assertThat(event.multiValueQueryStringParameters()).containsEntry("room", List.of("lobby", "news"));
    assertThat(event.body()).isNull();
  }

  @Test
  void connectAnsweringNon2xxRefusesWithThatStatus() throws Exception {
    gateway = chatAnsweringConnectWith(ProxyResponseV1.of(401, "{\"message\":\"who are you\"}"));

    WebSocketUpgrade upgrade = upgradeOf(upgrade("/prod"));

    assertThat(upgrade.isAccepted()).isFalse();
    assertThat(upgrade.refusal().status()).isEqualTo(401);
    assertThat(upgrade.refusal().bodyAsString()).isEqualTo("{\"message\":\"who are you\"}");
    assertThat(gateway.connections("chat", "prod").get(events.poll(10, TimeUnit.SECONDS)
        .requestContext().connectionId())).failsWithin(Duration.ofSeconds(10));
  }

  @Test
  void connectHandlerThatThrowsRefusesWith502() throws Exception {
    gateway = Gateway.builder().webSocketApi("chat", ws -> ws.stage("prod")
        .routeSelectionExpression("$request.body.action")
        .route("$connect", Integrations.webSocketFunction(event -> {
          throw new IllegalStateException("database down");
        }))).build();

    GatewayResponse refusal = upgradeOf(upgrade("/prod")).refusal();

    assertThat(refusal.status()).isEqualTo(502);
    assertThat(refusal.bodyAsString()).isEqualTo("{\"message\":\"Internal server error\"}");
  }

  @Test
  void connectWithoutConnectRouteIsAccepted() throws Exception {
    gateway = Gateway.builder().webSocketApi("chat", ws -> ws.stage("prod")
        .routeSelectionExpression("$request.body.action")).build();

    assertThat(upgradeOf(upgrade("/prod")).isAccepted()).isTrue();
  }

  @Test
  void subprotocolChosenByConnectGoesIntoTheHandshake() throws Exception {
    gateway = chatAnsweringConnectWith(ProxyResponseV1.builder(200).header("Sec-WebSocket-Protocol", "chat.v2").build());

    assertThat(upgradeOf(upgrade("/prod")).subprotocol()).isEqualTo("chat.v2");
  }

  @Test
  void upgradeBelowTheStageUrlIsForbidden() throws Exception {
    gateway = chatAnsweringConnectWith(ProxyResponseV1.of(200, ""));

    GatewayResponse refusal = upgradeOf(upgrade("/prod/extra")).refusal();

    assertThat(refusal.status()).isEqualTo(403);
    assertThat(refusal.bodyAsString()).isEqualTo("{\"message\":\"Forbidden\"}");
    assertThat(events).isEmpty();
  }

  @Test
  void plainHttpRequestAtWebSocketStageIsForbidden() throws Exception {
    gateway = chatAnsweringConnectWith(ProxyResponseV1.of(200, ""));

    GatewayResponse response = gateway.handle(GatewayRequest.builder("GET", "/prod").build())
        .toCompletableFuture().get(10, TimeUnit.SECONDS);

    assertThat(response.status()).isEqualTo(403);
    assertThat(response.headers().first("x-amzn-ErrorType")).isEqualTo("ForbiddenException");
  }

  @Test
  void upgradeAtRestApiGetsTheRestAnswer() throws Exception {
    gateway = Gateway.builder().restApi("pets", api -> api.stage("prod")
        .route("GET /pets", Integrations.mock(200, "[]"))).build();

    GatewayResponse refusal = upgradeOf(upgrade("/prod/pets")).refusal();

    assertThat(refusal.status()).isEqualTo(200);
    assertThat(refusal.bodyAsString()).isEqualTo("[]");
  }

  @Test
  void authorizerOnConnectRefusesWithoutTokenAndDenies() throws Exception {
    gateway = Gateway.builder().webSocketApi("chat", ws -> ws.stage("prod")
        .routeSelectionExpression("$request.body.action")
        .authorizer(Authorizers.request("users", event -> {
          String token = event.queryStringParameters().get("token");
          return "good".equals(token)
              ? AuthorizerPolicy.allow("alice", event.methodArn()).withContext(Map.of("room", "lobby"))
              : AuthorizerPolicy.deny("mallory", event.methodArn());
        }).identitySources(IdentitySource.query("token")).resultTtl(Duration.ZERO))
        .route("$connect", Integrations.mock(200), route -> route.authorizer("users"))
        .route("$default", Integrations.webSocketFunction(event -> {
          events.add(event);
          return null;
        }))).build();

    WebSocketUpgrade missing = upgradeOf(upgrade("/prod"));
    WebSocketUpgrade denied = upgradeOf(GatewayRequest.builder("GET", "/prod").rawQuery("token=bad")
        .header("Upgrade", "websocket").build());
    MemoryChannel allowed = MemoryChannel.connect(gateway, GatewayRequest.builder("GET", "/prod")
        .rawQuery("token=good").header("Upgrade", "websocket").build());

    assertThat(missing.refusal().status()).isEqualTo(401);
    assertThat(denied.refusal().status()).isEqualTo(403);
    allowed.receive("hello");
    Map<String, Object> authorizer = events.poll(10, TimeUnit.SECONDS).requestContext().authorizer();
    assertThat(authorizer).containsEntry("principalId", "alice").containsEntry("room", "lobby");
  }

  @Test
  void disconnectRunsOnceWithTheClientsCloseCode() throws Exception {
    gateway = chatAnsweringConnectWith(ProxyResponseV1.of(200, ""));
    MemoryChannel client = MemoryChannel.connect(gateway, upgrade("/prod"));
    WebSocketEvent connect = events.poll(10, TimeUnit.SECONDS);

    client.clientCloses(1000, "bye");
    client.clientCloses(1000, "bye");

    WebSocketEvent disconnect = events.poll(10, TimeUnit.SECONDS);
    assertThat(disconnect.requestContext().eventType()).isEqualTo("DISCONNECT");
    assertThat(disconnect.requestContext().routeKey()).isEqualTo("$disconnect");
    assertThat(disconnect.requestContext().connectionId()).isEqualTo(connect.requestContext().connectionId());
    assertThat(disconnect.requestContext().disconnectStatusCode()).isEqualTo(1000);
    assertThat(disconnect.requestContext().disconnectReason()).isEqualTo("bye");
    assertThat(disconnect.headers()).containsKey("Host");
    assertThat(events.poll(300, TimeUnit.MILLISECONDS)).isNull();
  }

  @Test
  void abandonedHandshakeStillRunsDisconnect() throws Exception {
    gateway = chatAnsweringConnectWith(ProxyResponseV1.of(200, ""));
    WebSocketUpgrade upgrade = upgradeOf(upgrade("/prod"));
    events.poll(10, TimeUnit.SECONDS);

    upgrade.abandon();

    assertThat(events.poll(10, TimeUnit.SECONDS).requestContext().disconnectStatusCode()).isEqualTo(1006);
  }

  @Test
  void postBetweenAcceptanceAndOpenWaitsForTheTransport() throws Exception {
    gateway = chatAnsweringConnectWith(ProxyResponseV1.of(200, ""));
    WebSocketUpgrade upgrade = upgradeOf(upgrade("/prod"));
    String id = events.poll(10, TimeUnit.SECONDS).requestContext().connectionId();

    java.util.concurrent.CompletableFuture<Void> post =
        gateway.connections("chat", "prod").post(id, "early").toCompletableFuture();
    assertThat(post).isNotDone();
    MemoryChannel client = MemoryChannel.open(upgrade);

    post.get(10, TimeUnit.SECONDS);
    assertThat(client.nextText()).isEqualTo("early");
  }

  @Test
  void postWaitingForAnAbandonedHandshakeIsGone() throws Exception {
    gateway = chatAnsweringConnectWith(ProxyResponseV1.of(200, ""));
    WebSocketUpgrade upgrade = upgradeOf(upgrade("/prod"));
    String id = events.poll(10, TimeUnit.SECONDS).requestContext().connectionId();
    java.util.concurrent.CompletableFuture<Void> post =
        gateway.connections("chat", "prod").post(id, "early").toCompletableFuture();

    upgrade.abandon();

    assertThat(post).failsWithin(Duration.ofSeconds(10)).withThrowableThat()
        .havingCause().isInstanceOf(dev.gatehouse.websocket.ConnectionException.class)
        .withMessageContaining("never opened");
  }

  @Test
  void deleteBetweenAcceptanceAndOpenClosesOnceOpened() throws Exception {
    gateway = chatAnsweringConnectWith(ProxyResponseV1.of(200, ""));
    WebSocketUpgrade upgrade = upgradeOf(upgrade("/prod"));
    String id = events.poll(10, TimeUnit.SECONDS).requestContext().connectionId();

    gateway.connections("chat", "prod").delete(id).toCompletableFuture().get(10, TimeUnit.SECONDS);
    MemoryChannel client = MemoryChannel.open(upgrade);

    assertThat(client.closedWith()).isEqualTo("1000 ");
    assertThat(events.poll(10, TimeUnit.SECONDS).requestContext().disconnectStatusCode()).isEqualTo(1000);
  }

  private final BlockingQueue<GatewayResponse> written = new LinkedBlockingQueue<>();

  /** What a transport does with a refusal: writes it as the handshake's HTTP answer. */
  private void respond(GatewayResponse refusal) {
    written.add(refusal);
  }

  @Test
  void transportWritesTheRefusalOfARefusedUpgrade() throws Exception {
    gateway = chatAnsweringConnectWith(ProxyResponseV1.of(403, "{\"message\":\"no\"}"));
    GatewayRequest request = upgrade("/prod");

    // --- begin WebSocketUpgrade Javadoc
    gateway.upgrade(request).thenAccept(upgrade -> {
      if (!upgrade.isAccepted()) {
        respond(upgrade.refusal());
      }
    });
    // --- end

    assertThat(written.poll(10, TimeUnit.SECONDS).status()).isEqualTo(403);
  }
}
