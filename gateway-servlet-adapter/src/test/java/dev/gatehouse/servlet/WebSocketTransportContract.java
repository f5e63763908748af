package dev.gatehouse.servlet;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.gatehouse.GatewayResponse;
import dev.gatehouse.testing.RecordingGateway;
import dev.gatehouse.websocket.ConnectionException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What {@link GatewayServlet} does with WebSocket upgrades, whatever the container: each subclass
 * only says which container to start. The gateway is {@link EchoUpgradeGateway}; the client is the
 * JDK's {@link WebSocket}.
 */
public abstract class WebSocketTransportContract extends GatewayInContainer {
  protected final EchoUpgradeGateway gateway = new EchoUpgradeGateway();
  private final List<WebSocket> clients = new ArrayList<>();

  @AfterEach
  void abortClients() {
    clients.forEach(WebSocket::abort);
  }

  /** Serves {@link #gateway} with WebSocket enabled; the {@code ws:} URI of the mount point {@code /app/ws}. */
  private String serveWebSocket() throws Exception {
    return webSocketUri(container().webSocket().start(gateway, "/app", "/ws/*"));
  }

  private static String webSocketUri(URI mount) {
    return "ws" + mount.toString().substring("http".length());
  }

  private WebSocket connect(String uri, RecordingListener listener, String... subprotocols) throws Exception {
    WebSocket.Builder builder = CLIENT.newWebSocketBuilder();
    if (subprotocols.length > 0) {
      builder.subprotocols(subprotocols[0], Arrays.copyOfRange(subprotocols, 1, subprotocols.length));
    }
    WebSocket client = builder.buildAsync(URI.create(uri), listener).get(10, TimeUnit.SECONDS);
    clients.add(client);
    return client;
  }

  private static WebSocketHandshakeException refusedHandshake(String uri) {
    Throwable thrown = catchThrowable(() -> CLIENT.newWebSocketBuilder()
        .buildAsync(URI.create(uri), new RecordingListener()).join());
    assertThat(thrown).isInstanceOf(CompletionException.class).hasCauseInstanceOf(WebSocketHandshakeException.class);
    return (WebSocketHandshakeException) thrown.getCause();
  }

  @Test
  void textAndBinaryMessagesAreEchoed() throws Exception {
    RecordingListener listener = new RecordingListener();
    WebSocket client = connect(serveWebSocket() + "/prod", listener);

    client.sendText("hello", true).get(10, TimeUnit.SECONDS);
    assertThat(listener.next()).isEqualTo("hello");
    byte[] bytes = bytes(300);
    client.sendBinary(ByteBuffer.wrap(bytes), true).get(10, TimeUnit.SECONDS);
    assertThat(listener.next()).isEqualTo(ByteBuffer.wrap(bytes));
  }

  @Test
  void refusedUpgradeIsAnsweredWithTheGatewaysResponse() throws Exception {
    WebSocketHandshakeException refused = refusedHandshake(serveWebSocket() + "/refuse");

    HttpResponse<?> response = refused.getResponse();
    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue("AccessDeniedException");
    assertThat(response.body()).isEqualTo(EchoUpgradeGateway.FORBIDDEN);
  }

  @Test
  void upgradeDecidedLaterOnAnotherThreadStillConnects() throws Exception {
    AsyncStartedFilter filter = new AsyncStartedFilter();
    String uri = webSocketUri(container().webSocket().deploy(new GatewayServlet(gateway), "/app", "/ws/*",
        ServletContainer.AsyncSupport.ON, filter));
    RecordingListener listener = new RecordingListener();

    var connecting = CLIENT.newWebSocketBuilder().buildAsync(URI.create(uri + "/later"), listener);
    // the servlet returns before the gateway decides: the handshake cannot have been finished on its thread
    assertThat(filter.nextStartedAsync()).as("the servlet went async while the gateway decided").isTrue();
    gateway.acceptLater();
    WebSocket client = connecting.get(10, TimeUnit.SECONDS);
    clients.add(client);

    client.sendText("late but open", true).get(10, TimeUnit.SECONDS);
    assertThat(listener.next()).isEqualTo("late but open");
  }

  @Test
  void subprotocolChosenByTheGatewayIsNegotiated() throws Exception {
    WebSocket client = connect(serveWebSocket() + "/prod", new RecordingListener(), "chat.v1",
        EchoUpgradeGateway.SUBPROTOCOL);

    assertThat(client.getSubprotocol()).isEqualTo(EchoUpgradeGateway.SUBPROTOCOL);
  }

  @Test
  void clientCloseReachesTheGatewayOnceWithTheClientsCode() throws Exception {
    RecordingListener listener = new RecordingListener();
    WebSocket client = connect(serveWebSocket() + "/prod", listener);

    client.sendClose(4000, "bye").get(10, TimeUnit.SECONDS);

    assertThat(gateway.nextClose()).isEqualTo(new EchoUpgradeGateway.Closed(4000, "bye"));
    assertThat(listener.next()).isInstanceOf(RecordingListener.Close.class);
    assertThat(gateway.moreCloses()).isZero();
  }

  @Test
  void serverCloseReachesTheClientWithItsCode() throws Exception {
    RecordingListener listener = new RecordingListener();
    WebSocket client = connect(serveWebSocket() + "/prod", listener);

    client.sendText("close-me", true).get(10, TimeUnit.SECONDS);

    assertThat(listener.next()).isEqualTo(new RecordingListener.Close(1001, "going away"));
    assertThat(gateway.nextClose().statusCode()).isEqualTo(1001);
    assertThat(gateway.nextSendAfterClose()).isInstanceOf(ConnectionException.class);
  }

  @Test
  void messageOverTheLimitClosesTheConnectionWith1009() throws Exception {
    String uri = serveWebSocket() + "/prod";
    RecordingListener textListener = new RecordingListener();
    WebSocket text = connect(uri, textListener);
    text.sendText("x".repeat(EchoUpgradeGateway.MAX_MESSAGE_BYTES + 1), true);
    assertThat(closeCode(textListener.next())).isEqualTo(1009);

    RecordingListener binaryListener = new RecordingListener();
    WebSocket binary = connect(uri, binaryListener);
    binary.sendBinary(ByteBuffer.wrap(bytes(EchoUpgradeGateway.MAX_MESSAGE_BYTES + 1)), true);
    assertThat(closeCode(binaryListener.next())).isEqualTo(1009);
  }

  @Test
  void multiByteTextOverTheLimitInBytesClosesWith1009() throws Exception {
    RecordingListener listener = new RecordingListener();
    WebSocket client = connect(serveWebSocket() + "/prod", listener);

    // fewer chars than the limit, more UTF-8 bytes: a container counting chars lets it through
    client.sendText("é".repeat(EchoUpgradeGateway.MAX_MESSAGE_BYTES / 2 + 1), true);

    assertThat(closeCode(listener.next())).isEqualTo(1009);
  }

  @Test
  void messageLargerThanTheContainersDefaultBufferButWithinTheLimitIsDeliveredWhole() throws Exception {
    RecordingListener listener = new RecordingListener();
    WebSocket client = connect(serveWebSocket() + "/prod", listener);
    String text = "0123456789".repeat(10 * 1024);
    byte[] bytes = bytes(100 * 1024);

    client.sendText(text, true).get(10, TimeUnit.SECONDS);
    assertThat(listener.next()).isEqualTo(text);
    client.sendBinary(ByteBuffer.wrap(bytes), true).get(10, TimeUnit.SECONDS);
    assertThat(listener.next()).isEqualTo(ByteBuffer.wrap(bytes));
  }

  @Test
  void messagesSentBackToBackAreAllEchoedInOrder() throws Exception {
    RecordingListener listener = new RecordingListener();
    WebSocket client = connect(serveWebSocket() + "/prod", listener);

    for (int i = 0; i < 200; i++) {
      client.sendText("message " + i + " " + "x".repeat(1000), true).get(10, TimeUnit.SECONDS);
    }

    for (int i = 0; i < 200; i++) {
      assertThat(listener.next()).isEqualTo("message " + i + " " + "x".repeat(1000));
    }
  }

  @Test
  void messagesTheServerSendsBackToBackAllArriveInOrderAndLeaveNothingBuffered() throws Exception {
    RecordingListener listener = new RecordingListener();
    WebSocket client = connect(serveWebSocket() + "/prod", listener);

    client.sendText("burst 200", true).get(10, TimeUnit.SECONDS);

    for (int i = 0; i < 200; i++) {
      assertThat(listener.next()).isEqualTo("burst message " + i);
    }
    // the count drops as each write completes, which may trail the client's reading by a moment
    String buffered = null;
    for (int i = 0; i < 100 && !"buffered 0".equals(buffered); i++) {
      client.sendText("buffered?", true).get(10, TimeUnit.SECONDS);
      buffered = (String) listener.next();
    }
    assertThat(buffered).isEqualTo("buffered 0");
  }

  @Test
  void acceptedHandshakeCarriesTheGatewaysResponseHeaders() throws Exception {
    URI mount = container().webSocket().start(gateway, "/app", "/ws/*");

    String head = handshakeHead(mount, "/app/ws/prod", "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
        + "Sec-WebSocket-Version: 13\r\n");

    assertThat(head).startsWith("HTTP/1.1 101 ")
        .containsIgnoringCase("Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=")
        .containsIgnoringCase(EchoUpgradeGateway.CONNECTION_HEADER + ": connection-1");
  }

  @Test
  void handshakeTheContainerRefusesAbandonsTheAcceptedUpgrade() throws Exception {
    URI mount = container().webSocket().start(gateway, "/app", "/ws/*");

    String head = handshakeHead(mount, "/app/ws/prod", "");

    assertThat(head).doesNotStartWith("HTTP/1.1 101 ");
    assertThat(gateway.nextAbandoned()).isEqualTo("/prod");
  }

  @Test
  void getWithoutUpgradeStillGoesToHandle() throws Exception {
    URI mount = container().webSocket().start(gateway, "/app", "/ws/*");

    HttpResponse<byte[]> response = get(mount + "/prod");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(new String(response.body(), UTF_8)).isEqualTo(EchoUpgradeGateway.NOT_FOUND);
    assertThat(gateway.nextHandled().rawPath()).isEqualTo("/prod");
  }

  @Test
  void gatewayWithoutWebSocketApisAnswersUpgradeRequestsAsPlainHttp() throws Exception {
    try (RecordingGateway plain = new RecordingGateway()) {
      plain.answer(GatewayResponse.builder(200).body("plain").build());
      String uri = webSocketUri(container().webSocket().start(plain, "/app", "/ws/*"));

      WebSocketHandshakeException refused = refusedHandshake(uri + "/prod");

      assertThat(refused.getResponse().statusCode()).isEqualTo(200);
      assertThat(plain.takeRequest().headers().first("Upgrade")).isEqualToIgnoringCase("websocket");
    }
  }

  @Test
  void upgradeInContainerWithoutWebSocketIsAnswered501() throws Exception {
    String uri = webSocketUri(container().start(gateway, "/app", "/ws/*"));

    WebSocketHandshakeException refused = refusedHandshake(uri + "/prod");

    assertThat(refused.getResponse().statusCode()).isEqualTo(501);
    assertThat(refused.getResponse().body()).asString().contains("WebSocket is not enabled");
  }

  /** Sends a handshake for {@code target} from a bare socket and reads the answer's head. */
  private static String handshakeHead(URI mount, String target, String moreFields) throws Exception {
    try (Socket socket = new Socket("127.0.0.1", mount.getPort())) {
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write(("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
          + "Upgrade: websocket\r\nConnection: Upgrade\r\n" + moreFields + "\r\n").getBytes(ISO_8859_1));
      InputStream in = socket.getInputStream();
      StringBuilder head = new StringBuilder();
      while (head.indexOf("\r\n\r\n") < 0) {
        int b = in.read();
        if (b < 0) {
          break;
        }
        head.append((char) b);
      }
      return head.toString();
    }
  }

  /** {@code length} bytes counting up, wrapping at 256. */
  private static byte[] bytes(int length) {
    byte[] bytes = new byte[length];
    for (int i = 0; i < length; i++) {
      bytes[i] = (byte) i;
    }
    return bytes;
  }

  private static int closeCode(Object event) {
    assertThat(event).isInstanceOf(RecordingListener.Close.class);
    return ((RecordingListener.Close) event).statusCode();
  }
}
