package dev.gatehouse.jdkserver;

import static org.assertj.core.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The JDK's own WebSocket client ({@code java.net.http.WebSocket}) with its messages and its close
 * collected in queues, each taken with a 10 second bound.
 */
final class JdkWebSocketClient implements WebSocket.Listener {
  /** A close the server sent. */
  record Close(int code, String reason) {}

  private final BlockingQueue<Object> messages = new LinkedBlockingQueue<>();
  private final BlockingQueue<Close> closes = new LinkedBlockingQueue<>();
  private final StringBuilder text = new StringBuilder();
  private final ByteArrayOutputStream binary = new ByteArrayOutputStream();
  private WebSocket webSocket;

  /** Opens a connection to {@code uri}, offering {@code subprotocols}. */
  static JdkWebSocketClient connect(URI uri, String... subprotocols) throws Exception {
    JdkWebSocketClient client = new JdkWebSocketClient();
    WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10));
    if (subprotocols.length > 0) {
      builder.subprotocols(subprotocols[0], java.util.Arrays.copyOfRange(subprotocols, 1, subprotocols.length));
    }
    client.webSocket = builder.buildAsync(uri, client).get(10, TimeUnit.SECONDS);
    return client;
  }

  WebSocket webSocket() {
    return webSocket;
  }

  /** The next whole message: a {@code String} for text, a {@code byte[]} for binary. */
  Object takeMessage() throws InterruptedException {
    Object message = messages.poll(10, TimeUnit.SECONDS);
    if (message == null) {
      fail("no message within 10 seconds");
    }
    return message;
  }

  Close takeClose() throws InterruptedException {
    Close close = closes.poll(10, TimeUnit.SECONDS);
    if (close == null) {
      fail("no close within 10 seconds");
    }
    return close;
  }

  @Override
  public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
    text.append(data);
    if (last) {
      messages.add(text.toString());
      text.setLength(0);
    }
    webSocket.request(1);
    return null;
  }

  @Override
  public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
    byte[] bytes = new byte[data.remaining()];
    data.get(bytes);
    binary.writeBytes(bytes);
    if (last) {
      messages.add(binary.toByteArray());
      binary.reset();
    }
    webSocket.request(1);
    return null;
  }

  @Override
  public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
    closes.add(new Close(statusCode, reason));
    return null;
  }

  @Override
  public void onError(WebSocket webSocket, Throwable error) {
    closes.add(new Close(-1, String.valueOf(error)));
  }
}
