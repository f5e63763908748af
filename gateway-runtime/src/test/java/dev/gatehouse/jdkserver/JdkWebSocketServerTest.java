package dev.gatehouse.jdkserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.GatewayRequest;
import dev.gatehouse.GatewayResponse;
import dev.gatehouse.Headers;
import dev.gatehouse.testing.EchoWebSocketGateway;
import dev.gatehouse.testing.RawWebSocketClient;
import dev.gatehouse.testing.WsClient;
import dev.gatehouse.websocket.WebSocketChannel;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JdkWebSocketServerTest {
  private final EchoWebSocketGateway gateway = new EchoWebSocketGateway();
  private JdkWebSocketServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  private JdkWebSocketServer start(String mount) {
    server = JdkWebSocketServer.builder(new InetSocketAddress("127.0.0.1", 0), mount, gateway)
        .handshakeTimeout(Duration.ofMillis(500))
        .start();
    return server;
  }

  private URI uri(String path) {
    return URI.create("ws://127.0.0.1:" + server.port() + path);
  }

  @Test
  void echoesTextAndBinaryMessagesToTheJdkClient() throws Exception {
    start("/");
    WsClient client = WsClient.connect(uri("/prod"));

    client.socket().sendText("héllo", true).get(10, TimeUnit.SECONDS);
    assertThat(client.next()).isEqualTo("héllo");
    client.socket().sendBinary(ByteBuffer.wrap(new byte[] {0, 1, 2, (byte) 255}), true).get(10, TimeUnit.SECONDS);
    assertThat(client.next()).isEqualTo(new byte[] {0, 1, 2, (byte) 255});
  }

  @ParameterizedTest
  @ValueSource(ints = {401, 403, 429, 502})
  void refusedHandshakeGetsTheRefusalsStatusHeadersAndBodyAndNoConnection(int status) throws Exception {
    start("/");
    gateway.refuseWith(GatewayResponse.builder(status)
        .header("Content-Type", "application/json")
        .header("x-amzn-ErrorType", "SomeException")
        .body("{\"message\":\"no " + status + "\"}")
        .build());

    try (RawWebSocketClient client = RawWebSocketClient.connect(server.port())) {
      RawWebSocketClient.Handshake answer = client.handshake("/refuse");

      assertThat(answer.status()).isEqualTo(status);
      assertThat(answer.header("x-amzn-ErrorType")).isEqualTo("SomeException");
      assertThat(answer.header("Content-Type")).isEqualTo("application/json");
      assertThat(answer.header("Sec-WebSocket-Accept")).isNull();
      assertThat(answer.bodyAsString()).isEqualTo("{\"message\":\"no " + status + "\"}");
      assertThat(client.awaitEndOfStream()).as("connection closed after the refusal").isTrue();
    }
    assertThat(gateway.pendingChannels()).isZero();
  }

  @Test
  void jdkClientSeesTheRefusalsStatus() throws Exception {
    start("/");

    assertThatThrownBy(() -> WsClient.connect(uri("/refuse")))
        .isInstanceOf(ExecutionException.class)
        .cause().isInstanceOfSatisfying(WebSocketHandshakeException.class,
            e -> assertThat(e.getResponse().statusCode()).isEqualTo(403));
  }

  @Test
  void upgradeResponseHeadersReachThe101() throws Exception {
    start("/");
    gateway.acceptWith(Headers.builder().add("Sec-WebSocket-Protocol", "chat").build());

    WsClient client = WsClient.connect(uri("/prod"), "chat", "other");

    assertThat(client.socket().getSubprotocol()).isEqualTo("chat");
  }

  @Test
  void handshakeIsTranslatedIntoAGetBelowTheMount() throws Exception {
    start("/ws");
    try (RawWebSocketClient client = RawWebSocketClient.connect(server.port())) {
      RawWebSocketClient.Handshake answer = client.handshake("/ws/prod?token=a%20b", Map.of("X-Trace", "t-1"));
      assertThat(answer.status()).isEqualTo(101);
    }

    GatewayRequest request = gateway.takeUpgrade();
    assertThat(request.method()).isEqualTo("GET");
    assertThat(request.mountPath()).isEqualTo("/ws");
    assertThat(request.rawPath()).isEqualTo("/prod");
    assertThat(request.rawQuery()).isEqualTo("token=a%20b");
    assertThat(request.headers().first("x-trace")).isEqualTo("t-1");
    assertThat(request.headers().first("Sec-WebSocket-Version")).isEqualTo("13");
    assertThat(request.headers().first("Host")).isEqualTo("127.0.0.1:" + server.port());
    assertThat(request.sourceIp()).isEqualTo("127.0.0.1");
  }

  @Test
  void pathOutsideTheMountIsAnswered404WithoutTheGateway() throws Exception {
    start("/ws");
    try (RawWebSocketClient client = RawWebSocketClient.connect(server.port())) {
      RawWebSocketClient.Handshake answer = client.handshake("/wsx/prod");

      assertThat(answer.status()).isEqualTo(404);
      assertThat(answer.bodyAsString()).isEqualTo("{\"message\":\"Not Found\"}");
      assertThat(client.awaitEndOfStream()).isTrue();
    }
    try (RawWebSocketClient client = RawWebSocketClient.connect(server.port())) {
      assertThat(client.handshake("/ws/prod").status()).isEqualTo(101);
    }
    assertThat(gateway.takeUpgrade().rawPath()).as("only the request below the mount").isEqualTo("/prod");
  }

  @Test
  void closeByTheClientReachesTheSessionOnceWithTheClientsCode() throws Exception {
    start("/");
    WsClient client = WsClient.connect(uri("/prod"));

    client.socket().sendClose(4000, "bye").get(10, TimeUnit.SECONDS);

    assertThat(gateway.takeClose()).isEqualTo(new EchoWebSocketGateway.Close(4000, "bye"));
    assertThat(client.closedWith()).startsWith("4000 ");
    server.close();
    assertThat(gateway.pendingCloses()).isZero();
  }

  @Test
  void serverCloseSendsGoingAwayToClientAndSession() throws Exception {
    start("/");
    WsClient client = WsClient.connect(uri("/prod"));
    gateway.takeChannel();

    server.close();

    assertThat(client.closedWith()).isEqualTo("1001 Going away");
    assertThat(gateway.takeClose()).isEqualTo(new EchoWebSocketGateway.Close(1001, "Going away"));
  }

  @Test
  void channelCloseReachesTheClientAndTheSessionAndLaterSendsFail() throws Exception {
    start("/");
    WsClient client = WsClient.connect(uri("/prod"));
    WebSocketChannel channel = gateway.takeChannel();

    channel.close(4001, "kicked");
    channel.close(4002, "again");

    assertThat(client.closedWith()).isEqualTo("4001 kicked");
    assertThat(gateway.takeClose().code()).isEqualTo(4001);
    assertThat(channel.sendText("late").toCompletableFuture())
        .failsWithin(Duration.ofSeconds(10)).withThrowableThat().withMessageContaining("closed");
  }

  @Test
  void gatewayThatDoesNotAnswerInTimeGets504AndItsLateAcceptanceIsAbandoned() throws Exception {
    start("/");
    try (RawWebSocketClient client = RawWebSocketClient.connect(server.port())) {
      RawWebSocketClient.Handshake answer = client.handshake("/hold");

      assertThat(answer.status()).isEqualTo(504);
      assertThat(answer.bodyAsString()).isEqualTo("{\"message\":\"Endpoint request timed out\"}");
    }
    gateway.takeHeld().complete(gateway.acceptance());

    assertThat(gateway.abandoned()).isEqualTo(1);
    assertThat(gateway.pendingChannels()).isZero();
  }

  @Test
  void clientThatStopsReadingMakesBufferedBytesGrowUntilItReadsAgain() throws Exception {
    start("/");
    try (RawWebSocketClient client = RawWebSocketClient.connect(server.port(), 4096)) {
      assertThat(client.handshake("/prod").status()).isEqualTo(101);
      WebSocketChannel channel = gateway.takeChannel();
      ByteBuffer chunk = ByteBuffer.wrap(new byte[64 * 1024]);
      int messages = 512;
      long sent = 0;
      for (int i = 0; i < messages; i++) {
        channel.sendBinary(chunk).toCompletableFuture().get(10, TimeUnit.SECONDS);
        sent += chunk.remaining();
      }

      // 32 MB sent; the kernel holds a few MB of it at most (Linux: tcp_wmem's maximum, 4 MB by
      // default, plus the client's 4 KB window), so most of it must wait in the server's queue
      long frameHeaders = 10L * messages;
      assertThat(channel.bufferedBytes()).isGreaterThan(sent / 2).isLessThanOrEqualTo(sent + frameHeaders);
      assertThat(chunk.remaining()).as("the caller's buffer is left as it was").isEqualTo(64 * 1024);

      for (int i = 0; i < messages; i++) {
        RawWebSocketClient.Frame frame = client.readFrame();
        assertThat(frame.opcode()).isEqualTo(RawWebSocketClient.BINARY);
        assertThat(frame.payload()).hasSize(64 * 1024);
      }
      // the last byte read was written, so every buffer in the queue has nothing left
      assertThat(channel.bufferedBytes()).isZero();
    }
  }

  @Test
  void messageFromTheRawClientIsEchoed() throws Exception {
    start("/");
    try (RawWebSocketClient client = RawWebSocketClient.connect(server.port())) {
      assertThat(client.handshake("/prod").status()).isEqualTo(101);
      client.sendText("ping?");

      RawWebSocketClient.Frame echo = client.readFrame();
      assertThat(echo.opcode()).isEqualTo(RawWebSocketClient.TEXT);
      assertThat(new String(echo.payload(), StandardCharsets.UTF_8)).isEqualTo("ping?");
    }
  }
}
