package dev.gatehouse.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.Gateway;
import dev.gatehouse.GatewayRequest;
import dev.gatehouse.websocket.WebSocketChannel;
import dev.gatehouse.websocket.WebSocketSession;
import dev.gatehouse.websocket.WebSocketUpgrade;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * A WebSocket transport in memory, for tests of the engine's side of the SPI: it records what the
 * gateway sends and reports closes back as a real transport does. The real transports (the JDK
 * server's, the servlet container's) are tested with real clients on loopback.
 */
public final class MemoryChannel extends ReceivedMessages implements WebSocketChannel {
  private volatile String closeSent;
  private volatile long buffered;
  private volatile WebSocketSession session;

  /** Upgrades {@code request} and opens the connection; fails the test if the upgrade is refused. */
  public static MemoryChannel connect(Gateway gateway, GatewayRequest request) throws Exception {
    WebSocketUpgrade upgrade = gateway.upgrade(request).toCompletableFuture().get(10, TimeUnit.SECONDS);
    assertThat(upgrade.isAccepted()).as("upgrade accepted, refusal: %s",
        upgrade.isAccepted() ? null : upgrade.refusal().bodyAsString()).isTrue();
    return open(upgrade);
  }

  /** Opens an accepted upgrade, as a transport does once the client has its 101. */
  public static MemoryChannel open(WebSocketUpgrade upgrade) {
    MemoryChannel channel = new MemoryChannel();
    WebSocketSession session = upgrade.open(channel);
    channel.session = session;
    // a close the gateway started from inside open() is reported now, as real transports do
    String closed = channel.closeSent;
    if (closed != null) {
      String[] close = closed.split(" ", 2);
      session.onClose(Integer.parseInt(close[0]), close[1]);
    }
    return channel;
  }

  /** The client sends a text message. */
  public void receive(String text) {
    session.onText(text);
  }

  /** The client sends a binary message. */
  public void receive(byte[] data) {
    session.onBinary(ByteBuffer.wrap(data));
  }

  /** The client closes the connection. */
  public void clientCloses(int code, String reason) {
    session.onClose(code, reason);
  }

  /** Pretends this many bytes wait for the client, as when it stops reading. */
  public void buffered(long bytes) {
    this.buffered = bytes;
  }

  @Override
  public CompletionStage<Void> sendText(String text) {
    if (isClosed()) {
      return CompletableFuture.failedFuture(new IllegalStateException("closed"));
    }
    received(text);
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public CompletionStage<Void> sendBinary(ByteBuffer data) {
    if (isClosed()) {
      return CompletableFuture.failedFuture(new IllegalStateException("closed"));
    }
    byte[] bytes = new byte[data.remaining()];
    data.get(bytes);
    received(bytes);
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public long bufferedBytes() {
    return buffered;
  }

  @Override
  public void close(int statusCode, String reason) {
    if (closed(statusCode + " " + reason)) {
      closeSent = statusCode + " " + reason;
      if (session != null) {
        session.onClose(statusCode, reason);
      }
    }
  }

  /** A text message as bytes, for comparisons. */
  public static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
