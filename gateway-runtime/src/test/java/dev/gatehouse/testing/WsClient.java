package dev.gatehouse.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * A real WebSocket client for tests: the JDK's {@link WebSocket}, with whole messages collected in
 * order, the close the server sent, and reading that can be stopped to play a slow client.
 */
public final class WsClient extends ReceivedMessages implements AutoCloseable {
  private static final HttpClient SHARED = HttpClient.newHttpClient();

  private volatile boolean reading = true;
  private WebSocket socket;

  /** Connects, failing the test if the handshake is refused. */
  public static WsClient connect(URI uri) throws Exception {
    return connect(uri, Map.of());
  }

  /** Connects offering these subprotocols, the first most wanted. */
  public static WsClient connect(URI uri, String subprotocol, String... more) throws Exception {
    return connect(uri, Map.of(), builder -> builder.subprotocols(subprotocol, more));
  }

  public static WsClient connect(URI uri, Map<String, String> headers) throws Exception {
    return connect(uri, headers, builder -> {});
  }

  private static WsClient connect(URI uri, Map<String, String> headers,
      java.util.function.Consumer<WebSocket.Builder> options) throws Exception {
    WsClient client = new WsClient();
    WebSocket.Builder builder = SHARED.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10));
    headers.forEach(builder::header);
    options.accept(builder);
    client.socket = builder.buildAsync(uri, client.new Listener()).get(20, TimeUnit.SECONDS);
    return client;
  }

  /** The response of a refused handshake; fails the test if the handshake succeeds. */
  public static HttpResponse<?> refusal(URI uri, Map<String, String> headers) throws Exception {
    WebSocket.Builder builder = SHARED.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10));
    headers.forEach(builder::header);
    try {
      WebSocket socket = builder.buildAsync(uri, new WebSocket.Listener() {}).get(20, TimeUnit.SECONDS);
      socket.abort();
    } catch (ExecutionException | CompletionException e) {
      assertThat(e.getCause()).isInstanceOf(WebSocketHandshakeException.class);
      return ((WebSocketHandshakeException) e.getCause()).getResponse();
    }
    throw new AssertionError("the handshake succeeded");
  }

  public WebSocket socket() {
    return socket;
  }

  public void send(String text) throws Exception {
    socket.sendText(text, true).get(10, TimeUnit.SECONDS);
  }

  public void send(byte[] data) throws Exception {
    socket.sendBinary(ByteBuffer.wrap(data), true).get(10, TimeUnit.SECONDS);
  }

  /** Sends one message as several frames. */
  public void sendFragments(String... parts) throws Exception {
    for (int i = 0; i < parts.length; i++) {
      socket.sendText(parts[i], i == parts.length - 1).get(10, TimeUnit.SECONDS);
    }
  }

  /** Stops asking for messages: the JDK client then stops reading the socket, as a slow client. */
  public void stopReading() {
    reading = false;
  }

  /** Closes with this code and waits until the server answered the close. */
  public void close(int code, String reason) throws Exception {
    socket.sendClose(code, reason).get(10, TimeUnit.SECONDS);
  }

  @Override
  public void close() {
    if (socket != null) {
      socket.abort();
    }
  }

  private final class Listener implements WebSocket.Listener {
    private final StringBuilder text = new StringBuilder();
    private java.io.ByteArrayOutputStream binary = new java.io.ByteArrayOutputStream();

    @Override
    public void onOpen(WebSocket webSocket) {
      webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      text.append(data);
      if (last) {
        received(text.toString());
        text.setLength(0);
      }
      more(webSocket);
      return null;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
      byte[] bytes = new byte[data.remaining()];
      data.get(bytes);
      binary.write(bytes, 0, bytes.length);
      if (last) {
        received(binary.toByteArray());
        binary = new java.io.ByteArrayOutputStream();
      }
      more(webSocket);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
      closed(statusCode + " " + reason);
      return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
      closed("error " + error);
    }

    private void more(WebSocket webSocket) {
      if (reading) {
        webSocket.request(1);
      }
    }
  }
}
