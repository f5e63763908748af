package dev.gatehouse.runtime.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.Gateway;
import dev.gatehouse.GatewayRequest;
import dev.gatehouse.GatewayResponse;
import dev.gatehouse.authorizer.IamAuthorizer;
import dev.gatehouse.event.ProxyResponseV1;
import dev.gatehouse.event.WebSocketEvent;
import dev.gatehouse.iam.Credentials;
import dev.gatehouse.iam.IamPolicy;
import dev.gatehouse.iam.IamPrincipal;
import dev.gatehouse.iam.IamSettings;
import dev.gatehouse.iam.InMemoryCredentials;
import dev.gatehouse.iam.PolicyStatement;
import dev.gatehouse.integration.Integrations;
import dev.gatehouse.runtime.internal.RuntimeEngine;
import dev.gatehouse.runtime.internal.iam.IndependentSigner;
import dev.gatehouse.testing.ManualClock;
import dev.gatehouse.testing.MemoryChannel;
import dev.gatehouse.websocket.ConnectionsGuard;
import dev.gatehouse.websocket.WebSocketUpgrade;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * IAM on a WebSocket API, as AWS has it: {@code $connect} authorized with {@code AWS_IAM}, and the
 * {@code @connections} management endpoint open to SigV4 signers whose policy allows
 * {@code execute-api:ManageConnections}.
 */
class IamWebSocketTest {
  private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
  private static final String HOST = "chat.example.com";
  private static final String CHAT = "arn:aws:execute-api:eu-west-1:123456789012:chat";
  private static final IamPrincipal USER = IamPrincipal.of("arn:aws:iam::123456789012:user/member", "AIDAMEMBER");
  private static final IamPrincipal BACKEND = IamPrincipal.of("arn:aws:iam::123456789012:role/backend", "AROABACKEND");
  private static final IndependentSigner MEMBER =
      IndependentSigner.forKey("AKIDMEMBER", "demo-secret-member").region("eu-west-1").at(NOW);
  private static final IndependentSigner SERVICE =
      IndependentSigner.forKey("AKIDBACKEND", "demo-secret-backend").region("eu-west-1").at(NOW);

  private final BlockingQueue<WebSocketEvent> events = new LinkedBlockingQueue<>();
  private Gateway gateway;

  @BeforeEach
  void start() {
    gateway = new RuntimeEngine(new ManualClock(NOW)).start(Gateway.builder()
        .iam(IamSettings.builder().region("eu-west-1").accountId("123456789012")
            .credentials(InMemoryCredentials.of(Credentials.longTerm("AKIDMEMBER", "demo-secret-member", USER),
                Credentials.longTerm("AKIDBACKEND", "demo-secret-backend", BACKEND)))
            .identityPolicy(USER.arn(), IamPolicy.allowInvoke(CHAT + "/prod/$connect"))
            .identityPolicy(BACKEND.arn(), IamPolicy.builder()
                .statement(PolicyStatement.allow().action("execute-api:ManageConnections")
                    .resource(CHAT + "/prod/POST/@connections/*", CHAT + "/prod/GET/@connections/*"))))
        .webSocketApi("chat", ws -> ws.stage("prod")
            .routeSelectionExpression("$request.body.action")
            .connectionsEndpoint(ConnectionsGuard.iam())
            .route("$connect", Integrations.webSocketFunction(this::record), route -> route.authorizer(IamAuthorizer.NAME))
            .route("$disconnect", Integrations.webSocketFunction(this::record)))
        .definition());
  }

  @AfterEach
  void stop() {
    gateway.close();
  }

  private ProxyResponseV1 record(WebSocketEvent event) {
    events.add(event);
    return null;
  }

  private static GatewayRequest signed(IndependentSigner signer, String method, String path, String body) {
    byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
    GatewayRequest.Builder request = GatewayRequest.builder(method, path).header("Host", HOST).sourceIp("127.0.0.1");
    signer.signHeaders(method, HOST, path, null, Map.of(), bytes).forEach(request::header);
    return body == null ? request.build() : request.body(bytes).build();
  }

  private static GatewayRequest upgrade(GatewayRequest signed) {
    return GatewayRequest.builder("GET", signed.rawPath()).headers(signed.headers()).header("Upgrade", "websocket")
        .sourceIp("127.0.0.1").build();
  }

  private GatewayResponse http(GatewayRequest request) throws Exception {
    return gateway.handle(request).toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Test
  void signedConnectIsAccepted() throws Exception {
    MemoryChannel.connect(gateway, upgrade(signed(MEMBER, "GET", "/prod", null)));

    WebSocketEvent connect = events.poll(10, TimeUnit.SECONDS);
    assertThat(connect.requestContext().routeKey()).isEqualTo("$connect");
  }

  @Test
  void unsignedOrForgedConnectIsRefusedWith403() throws Exception {
    WebSocketUpgrade unsigned = gateway.upgrade(WebSocketRoutingTest.upgrade("/prod"))
        .toCompletableFuture().get(10, TimeUnit.SECONDS);
    assertThat(unsigned.isAccepted()).isFalse();
    assertThat(unsigned.refusal().status()).isEqualTo(403);
    assertThat(unsigned.refusal().bodyAsString()).isEqualTo("{\"message\":\"Missing Authentication Token\"}");

    IndependentSigner forger = IndependentSigner.forKey("AKIDMEMBER", "guessed").region("eu-west-1").at(NOW);
    WebSocketUpgrade forged = gateway.upgrade(upgrade(signed(forger, "GET", "/prod", null)))
        .toCompletableFuture().get(10, TimeUnit.SECONDS);
    assertThat(forged.isAccepted()).isFalse();
    assertThat(forged.refusal().headers().first("x-amzn-ErrorType")).isEqualTo("InvalidSignatureException");
    assertThat(events).isEmpty();
  }

  @Test
  void connectionsEndpointServesSignersAllowedManageConnections() throws Exception {
    MemoryChannel member = MemoryChannel.connect(gateway, upgrade(signed(MEMBER, "GET", "/prod", null)));
    String id = events.poll(10, TimeUnit.SECONDS).requestContext().connectionId();

    GatewayResponse posted = http(signed(SERVICE, "POST", "/prod/@connections/" + id, "hello member"));

    assertThat(posted.status()).isEqualTo(200);
    assertThat(member.nextText()).isEqualTo("hello member");
    assertThat(http(signed(SERVICE, "GET", "/prod/@connections/" + id, null)).status()).isEqualTo(200);
  }

  @Test
  void connectionsEndpointRefusesOthersAsAwsDoes() throws Exception {
    MemoryChannel.connect(gateway, upgrade(signed(MEMBER, "GET", "/prod", null)));
    String id = events.poll(10, TimeUnit.SECONDS).requestContext().connectionId();

    GatewayResponse unsigned = http(GatewayRequest.builder("POST", "/prod/@connections/" + id)
        .header("Host", HOST).body("x").build());
    assertThat(unsigned.status()).isEqualTo(403);
    assertThat(unsigned.bodyAsString()).isEqualTo("{\"message\":\"Missing Authentication Token\"}");

    GatewayResponse member = http(signed(MEMBER, "POST", "/prod/@connections/" + id, "spoof"));
    assertThat(member.status()).isEqualTo(403);
    assertThat(member.bodyAsString()).isEqualTo("{\"message\":\"User: " + USER.arn() + " is not authorized to"
        + " perform: execute-api:ManageConnections on resource: " + CHAT + "/prod/POST/@connections/" + id + "\"}");

    GatewayResponse delete = http(signed(SERVICE, "DELETE", "/prod/@connections/" + id, null));
    assertThat(delete.status()).as("the backend's policy allows POST and GET only").isEqualTo(403);
  }
}
