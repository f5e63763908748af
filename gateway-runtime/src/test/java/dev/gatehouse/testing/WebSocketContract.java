package dev.gatehouse.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.Gateway;
import dev.gatehouse.authorizer.Authorizers;
import dev.gatehouse.authorizer.IdentitySource;
import dev.gatehouse.event.AuthorizerPolicy;
import dev.gatehouse.event.ProxyResponseV1;
import dev.gatehouse.event.WebSocketEvent;
import dev.gatehouse.integration.Integrations;
import dev.gatehouse.websocket.ConnectionException;
import dev.gatehouse.websocket.WebSocketConnections;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * WebSocket APIs through a real transport with real clients (the JDK's WebSocket): one suite for
 * the JDK server's Java-WebSocket transport and the servlet endpoint on Jetty and Tomcat. A
 * subclass serves a gateway and says where.
 */
public abstract class WebSocketContract {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ADMIN = "demo-admin-token";
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final BlockingQueue<WebSocketEvent> connects = new LinkedBlockingQueue<>();
  private final BlockingQueue<WebSocketEvent> disconnects = new LinkedBlockingQueue<>();
  private Gateway gateway;
  private Served served;
  private final List<WsClient> clients = new ArrayList<>();

  /**
   * Where a transport serves a gateway.
   *
   * @param webSocket the base of WebSocket URLs, such as {@code ws://127.0.0.1:8081/api}
   * @param http the base of HTTP URLs of the same gateway
   * @param server stops serving
   */
  public record Served(URI webSocket, URI http, AutoCloseable server) {}

  /** Serves {@code gateway}'s HTTP and WebSocket APIs on loopback. */
  protected abstract Served serve(Gateway gateway) throws Exception;

  @BeforeEach
  void start() throws Exception {
    gateway = Gateway.builder()
        .webSocketApi("chat", ws -> ws.stage("prod")
            .routeSelectionExpression("$request.body.action")
            .connectionsEndpoint(request -> ADMIN.equals(request.headers().first("x-admin-token")))
            .route("$connect", Integrations.webSocketFunction(this::connect))
            .route("$disconnect", Integrations.webSocketFunction(event -> {
              disconnects.add(event);
              return null;
            }))
            .route("echo", Integrations.webSocketFunction(event -> ProxyResponseV1.of(200, event.body())),
                route -> route.routeResponse())
            .route("$default", Integrations.mock(200, "{\"route\":\"$default\"}"), route -> route.routeResponse()))
        .webSocketApi("locked", ws -> ws.stage("locked")
            .routeSelectionExpression("$request.body.action")
            .authorizer(Authorizers.request("tokens", event -> "good".equals(event.queryStringParameters().get("token"))
                    ? AuthorizerPolicy.allow("alice", event.methodArn())
                    : AuthorizerPolicy.deny("mallory", event.methodArn()))
                .identitySources(IdentitySource.query("token")).resultTtl(Duration.ZERO))
            .route("$connect", Integrations.mock(200), route -> route.authorizer("tokens"))
            .route("whoami", Integrations.webSocketFunction(event -> ProxyResponseV1.of(200,
                String.valueOf(event.requestContext().authorizer().get("principalId")))), route -> route.routeResponse()))
        .webSocketApi("brief", ws -> ws.stage("brief")
            .routeSelectionExpression("$request.body.action")
            .idleTimeout(Duration.ofSeconds(1))
            .route("$default", Integrations.mock(200, "{}"), route -> route.routeResponse()))
        .webSocketApi("aged", ws -> ws.stage("aged")
            .routeSelectionExpression("$request.body.action")
            .maxConnectionDuration(Duration.ofSeconds(2)))
        .build();
    served = serve(gateway);
  }

  @AfterEach
  void stop() throws Exception {
    clients.forEach(WsClient::close);
    served.server().close();
    gateway.close();
  }

  private ProxyResponseV1 connect(WebSocketEvent event) {
    Map<String, String> query = event.queryStringParameters();
    if (query != null && query.containsKey("status")) {
      return ProxyResponseV1.of(Integer.parseInt(query.get("status")), "{\"message\":\"refused by $connect\"}");
    }
    connects.add(event);
    return null;
  }

  private URI ws(String pathAndQuery) {
    return URI.create(served.webSocket() + pathAndQuery);
  }

  private WsClient open(String pathAndQuery) throws Exception {
    WsClient client = WsClient.connect(ws(pathAndQuery));
    clients.add(client);
    return client;
  }

  /** Opens a chat connection and returns its ID, as its {@code $connect} saw it. */
  private String openChat(List<WsClient> into) throws Exception {
    into.add(open("/prod"));
    return connects.poll(20, TimeUnit.SECONDS).requestContext().connectionId();
  }

  private WebSocketConnections connections() {
    return gateway.connections("chat", "prod");
  }

  @Test
  void echoRouteAnswersTheCaller() throws Exception {
    WsClient client = open("/prod");

    client.send("{\"action\":\"echo\",\"text\":\"hello\"}");

    assertThat(client.nextText()).isEqualTo("{\"action\":\"echo\",\"text\":\"hello\"}");
  }

  @Test
  void unknownActionFallsToDefault() throws Exception {
    WsClient client = open("/prod");

    client.send("{\"action\":\"dance\"}");

    assertThat(client.nextText()).isEqualTo("{\"route\":\"$default\"}");
  }

  @Test
  void messageNoRouteTakesGetsAwsForbiddenMessage() throws Exception {
    WsClient client = open("/locked?token=good");

    client.send("{\"action\":\"dance\"}");

    assertThat(JSON.readTree(client.nextText()).get("message").asText()).isEqualTo("Forbidden");
  }

  @Test
  void connectRefusalAnswersTheHandshakeWithItsStatus() throws Exception {
    HttpResponse<?> refusal = WsClient.refusal(ws("/prod?status=429"), Map.of());

    assertThat(refusal.statusCode()).isEqualTo(429);
    assertThat(connections().get("nobody")).failsWithin(Duration.ofSeconds(10));
  }

  @Test
  void authorizerOnConnectRefusesAndAdmits() throws Exception {
    assertThat(WsClient.refusal(ws("/locked"), Map.of()).statusCode()).isEqualTo(401);
    assertThat(WsClient.refusal(ws("/locked?token=bad"), Map.of()).statusCode()).isEqualTo(403);

    WsClient client = open("/locked?token=good");
    client.send("{\"action\":\"whoami\"}");

    assertThat(client.nextText()).isEqualTo("alice");
  }

  @Test
  void clientCloseRunsDisconnectWithItsCode() throws Exception {
    List<WsClient> opened = new ArrayList<>();
    String id = openChat(opened);

    opened.get(0).close(4001, "leaving");

    WebSocketEvent disconnect = disconnects.poll(20, TimeUnit.SECONDS);
    assertThat(disconnect.requestContext().connectionId()).isEqualTo(id);
    assertThat(disconnect.requestContext().disconnectStatusCode()).isEqualTo(4001);
    assertThat(disconnects.poll(300, TimeUnit.MILLISECONDS)).isNull();
  }

  @Test
  void deleteClosesTheClientAndRunsDisconnect() throws Exception {
    List<WsClient> opened = new ArrayList<>();
    String id = openChat(opened);

    connections().delete(id).toCompletableFuture().get(10, TimeUnit.SECONDS);

    assertThat(opened.get(0).closedWith()).startsWith("1000");
    assertThat(disconnects.poll(20, TimeUnit.SECONDS).requestContext().connectionId()).isEqualTo(id);
  }

  @Test
  void idleConnectionIsClosedWith1001() throws Exception {
    WsClient client = open("/brief");

    assertThat(client.closedWith()).isEqualTo("1001 Going away");
  }

  @Test
  void connectionIsClosedAtItsMaximumDuration() throws Exception {
    WsClient client = open("/aged");

    assertThat(client.closedWith()).isEqualTo("1001 Going away");
  }

  @Test
  void connectionsPostGetAndDeleteInProcess() throws Exception {
    List<WsClient> opened = new ArrayList<>();
    String id = openChat(opened);

    connections().post(id, "{\"text\":\"pushed\"}").toCompletableFuture().get(10, TimeUnit.SECONDS);
    connections().post(id, new byte[] {7, 8}).toCompletableFuture().get(10, TimeUnit.SECONDS);

    assertThat(opened.get(0).next()).isEqualTo("{\"text\":\"pushed\"}");
    assertThat(opened.get(0).next()).isEqualTo(new byte[] {7, 8});
    assertThat(connections().get(id).toCompletableFuture().get(10, TimeUnit.SECONDS).sourceIp()).isEqualTo("127.0.0.1");
  }

  @Test
  void connectionsOverHttpFollowAwsContract() throws Exception {
    List<WsClient> opened = new ArrayList<>();
    String id = openChat(opened);
    URI url = URI.create(served.http() + "/prod/@connections/" + id);

    HttpResponse<String> post = HTTP.send(HttpRequest.newBuilder(url).header("x-admin-token", ADMIN)
        .POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"over http\"}")).build(), HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> get = HTTP.send(HttpRequest.newBuilder(url).header("x-admin-token", ADMIN).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> delete = HTTP.send(HttpRequest.newBuilder(url).header("x-admin-token", ADMIN).DELETE().build(),
        HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> gone = HTTP.send(HttpRequest.newBuilder(url).header("x-admin-token", ADMIN)
        .POST(HttpRequest.BodyPublishers.ofString("late")).build(), HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> forbidden = HTTP.send(HttpRequest.newBuilder(url)
        .POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());

    assertThat(post.statusCode()).isEqualTo(200);
    assertThat(opened.get(0).nextText()).isEqualTo("{\"text\":\"over http\"}");
    assertThat(get.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(get.body()).get("Identity").get("SourceIp").asText()).isEqualTo("127.0.0.1");
    assertThat(delete.statusCode()).isEqualTo(204);
    assertThat(gone.statusCode()).isEqualTo(410);
    assertThat(gone.headers().firstValue("x-amzn-ErrorType")).hasValue("GoneException");
    assertThat(forbidden.statusCode()).isEqualTo(403);
  }

  @Test
  void messageOver128KbClosesWith1009() throws Exception {
    WsClient client = open("/prod");

    client.socket().sendText("x".repeat(128 * 1024 + 1), true);

    assertThat(client.closedWith()).startsWith("1009");
  }

  @Test
  void messageOf128KbInFramesIsReassembled() throws Exception {
    WsClient client = open("/prod");
    String prefix = "{\"action\":\"echo\",\"pad\":\"";
    String pad = "y".repeat(128 * 1024 - prefix.length() - 2);

    client.sendFragments(prefix, pad.substring(0, 40_000), pad.substring(40_000), "\"}");

    assertThat(client.nextText()).isEqualTo(prefix + pad + "\"}");
  }

  @Test
  void broadcastToAThousandClientsLosesNothing() throws Exception {
    List<WsClient> opened = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      ids.add(openChat(opened));
    }

    List<CompletableFuture<Void>> posts = new ArrayList<>();
    for (String id : ids) {
      posts.add(connections().post(id, "{\"broadcast\":1}").toCompletableFuture());
    }
    CompletableFuture.allOf(posts.toArray(new CompletableFuture<?>[0])).get(60, TimeUnit.SECONDS);

    for (WsClient client : opened) {
      assertThat(client.nextText()).isEqualTo("{\"broadcast\":1}");
    }
  }

  @Test
  void clientThatStopsReadingGetsPostsRefusedNotBuffered() throws Exception {
    List<WsClient> opened = new ArrayList<>();
    String id = openChat(opened);
    opened.get(0).stopReading();
    connections().post(id, "wake").toCompletableFuture().get(10, TimeUnit.SECONDS);
    long refusedBefore = connections().refusedSends();
    String chunk = "z".repeat(64 * 1024);

    ConnectionException refusal = null;
    for (int i = 0; i < 2000 && refusal == null; i++) {
      try {
        connections().post(id, chunk).toCompletableFuture().get(10, TimeUnit.SECONDS);
      } catch (ExecutionException e) {
        refusal = (ConnectionException) e.getCause();
      }
    }

    assertThat(refusal).isNotNull();
    assertThat(refusal.kind()).isEqualTo(ConnectionException.Kind.LIMIT_EXCEEDED);
    assertThat(connections().refusedSends()).isGreaterThan(refusedBefore);
  }
}
