package dev.gatehouse.runtime.internal.websocket;

import dev.gatehouse.GatewayRequest;
import dev.gatehouse.RequestContext;
import dev.gatehouse.websocket.ConnectionException;
import dev.gatehouse.websocket.WebSocketChannel;
import dev.gatehouse.websocket.WebSocketConnection;
import dev.gatehouse.websocket.WebSocketSession;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One WebSocket connection, from an accepted {@code $connect} to its close: the gateway's side of
 * the transport SPI. Messages go to the runtime to be routed; sends check the send buffer first, so a
 * client that stops reading costs at most its buffer.
 */
final class Connection implements WebSocketSession {
  private final WebSocketRuntime runtime;
  private final String id;
  private final String api;
  private final String stage;
  private final GatewayRequest upgrade;
  /** The client's address as {@code $connect} resolved it (trusted proxies' {@code X-Forwarded-For}). */
  private final String sourceIp;
  private final long connectedAt;
  private final RequestContext.Authorization authorization;
  private final AtomicBoolean closed = new AtomicBoolean();
  /** The gateway started the close: nothing more is sent, though the transport has not reported it yet. */
  private volatile boolean closing;
  private final AtomicInteger inFlight = new AtomicInteger();
  /** Completes when the transport opened the connection, or fails when the handshake did not complete. */
  private final CompletableFuture<WebSocketChannel> opened = new CompletableFuture<>();
  /** Bytes posted between the acceptance and the transport's open, which wait for the channel. */
  private final AtomicLong waiting = new AtomicLong();
  private volatile long lastActiveAt;
  private volatile WebSocketChannel channel;

  Connection(WebSocketRuntime runtime, String id, String api, String stage, GatewayRequest upgrade, String sourceIp,
      long connectedAt, RequestContext.Authorization authorization) {
    this.runtime = runtime;
    this.sourceIp = sourceIp;
    this.id = id;
    this.api = api;
    this.stage = stage;
    this.upgrade = upgrade;
    this.connectedAt = connectedAt;
    this.lastActiveAt = connectedAt;
    this.authorization = authorization;
  }

  String id() {
    return id;
  }

  String api() {
    return api;
  }

  String stage() {
    return stage;
  }

  GatewayRequest upgrade() {
    return upgrade;
  }

  String sourceIp() {
    return sourceIp;
  }

  long connectedAt() {
    return connectedAt;
  }

  long lastActiveAt() {
    return lastActiveAt;
  }

  RequestContext.Authorization authorization() {
    return authorization;
  }

  /** Messages of this connection whose route has not answered yet. */
  AtomicInteger inFlight() {
    return inFlight;
  }

  boolean isClosed() {
    return closed.get();
  }

  WebSocketConnection describe() {
    return new WebSocketConnection(id, Instant.ofEpochMilli(connectedAt), Instant.ofEpochMilli(lastActiveAt),
        sourceIp, upgrade.headers().first("User-Agent"));
  }

  WebSocketSession open(WebSocketChannel channel) {
    this.channel = channel;
    runtime.opened(this);
    opened.complete(channel);
    return this;
  }

  /** The handshake did not complete: posts that waited for it fail as for a closed connection. */
  void abandoned() {
    closed.set(true);
    opened.completeExceptionally(new ConnectionException(ConnectionException.Kind.GONE,
        "connection " + id + " never opened"));
  }

  @Override
  public void onText(String message) {
    receive(message.getBytes(StandardCharsets.UTF_8), false);
  }

  @Override
  public void onBinary(ByteBuffer message) {
    byte[] bytes = new byte[message.remaining()];
    message.get(bytes);
    receive(bytes, true);
  }

  private void receive(byte[] message, boolean binary) {
    if (closed.get()) {
      return;
    }
    lastActiveAt = runtime.now();
    runtime.received(this, message, binary);
  }

  @Override
  public void onClose(int statusCode, String reason) {
    if (closed.compareAndSet(false, true)) {
      runtime.closed(this, statusCode, reason);
    }
  }

  /** Starts the closing handshake; the transport's {@link #onClose} follows. */
  void close(int statusCode, String reason) {
    if (closed.get()) {
      return;
    }
    closing = true;
    WebSocketChannel open = channel;
    if (open != null) {
      open.close(statusCode, reason);
    } else {
      // accepted but not yet opened by the transport: close as soon as it is
      opened.thenAccept(ready -> ready.close(statusCode, reason));
    }
  }

  /**
   * Sends one message unless the client's send buffer would pass {@code limit}: then the message is
   * not sent and the stage fails with {@code LIMIT_EXCEEDED}. Sends are serialised so that two
   * posts cannot both pass the check on the same free room.
   */
  CompletionStage<Void> send(byte[] data, boolean text, long limit) {
    if (closed.get() || closing) {
      return gone();
    }
    WebSocketChannel open = channel;
    if (open == null) {
      // accepted, and the client may already hold its 101, but the transport has not opened it yet
      if (waiting.addAndGet(data.length) > limit) {
        waiting.addAndGet(-data.length);
        runtime.refusedSend(this, limit, data.length);
        return CompletableFuture.failedFuture(new ConnectionException(ConnectionException.Kind.LIMIT_EXCEEDED,
            "the connection is opening and " + limit + " bytes already wait for it"));
      }
      return opened.thenCompose(ready -> {
        waiting.addAndGet(-data.length);
        return send(data, text, limit);
      });
    }
    CompletionStage<Void> sent;
    synchronized (this) {
      long buffered = open.bufferedBytes();
      if (buffered + data.length > limit) {
        runtime.refusedSend(this, buffered, data.length);
        return CompletableFuture.failedFuture(new ConnectionException(ConnectionException.Kind.LIMIT_EXCEEDED,
            "the client is not reading: " + buffered + " bytes wait in its send buffer of " + limit));
      }
      sent = text ? open.sendText(new String(data, StandardCharsets.UTF_8)) : open.sendBinary(ByteBuffer.wrap(data));
    }
    // by the SPI a transport fails a send only when the connection is closed, whatever it throws
    return sent.exceptionallyCompose(error -> gone());
  }

  private CompletionStage<Void> gone() {
    return CompletableFuture.failedFuture(new ConnectionException(ConnectionException.Kind.GONE,
        "connection " + id + " is closed"));
  }
}
