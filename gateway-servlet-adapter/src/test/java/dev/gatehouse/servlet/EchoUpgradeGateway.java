package dev.gatehouse.servlet;

import dev.gatehouse.Gateway;
import dev.gatehouse.GatewayDefinition;
import dev.gatehouse.GatewayRequest;
import dev.gatehouse.GatewayResponse;
import dev.gatehouse.Headers;
import dev.gatehouse.websocket.WebSocketChannel;
import dev.gatehouse.websocket.WebSocketSession;
import dev.gatehouse.websocket.WebSocketUpgrade;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A gateway that only knows WebSocket upgrades, for the transport's tests until the real engine's
 * shared suite replaces it: {@code /prod} accepts and echoes every message, {@code /refuse} answers
 * 403, {@code /later} waits for the test to decide from its own thread, and any other HTTP request
 * gets 404. Two messages are commands: {@code "close-me"} closes with 1001 and then tries to send,
 * {@code "burst N"} sends N messages without waiting; {@code "buffered?"} answers how many bytes wait.
 */
final class EchoUpgradeGateway implements Gateway {
  static final int MAX_MESSAGE_BYTES = 128 * 1024;
  static final String SUBPROTOCOL = "chat.v2";
  static final String FORBIDDEN = "{\"message\":\"Forbidden\"}";
  static final String NOT_FOUND = "{\"message\":\"Not Found\"}";
  /** A header every accepted handshake's 101 carries. */
  static final String CONNECTION_HEADER = "X-Gateway-Connection";

  /** How a connection ended, as the transport reported it. */
  record Closed(int statusCode, String reason) {}

  private final BlockingQueue<Closed> closes = new LinkedBlockingQueue<>();
  private final BlockingQueue<GatewayRequest> handled = new LinkedBlockingQueue<>();
  private final BlockingQueue<CompletableFuture<WebSocketUpgrade>> undecided = new LinkedBlockingQueue<>();
  private final BlockingQueue<String> abandoned = new LinkedBlockingQueue<>();
  private final BlockingQueue<Throwable> sendsAfterClose = new LinkedBlockingQueue<>();
  private volatile GatewayDefinition definition =
      new GatewayDefinition(List.of(), List.of(), GatewayDefinition.DEFAULT_MAX_REQUEST_BODY_BYTES, null);

  @Override
  public CompletionStage<WebSocketUpgrade> upgrade(GatewayRequest request) {
    switch (request.rawPath()) {
      case "/prod":
        return CompletableFuture.completedFuture(accept(request));
      case "/refuse":
        return CompletableFuture.completedFuture(WebSocketUpgrade.refused(GatewayResponse.builder(403)
            .header("Content-Type", "application/json")
            .header("x-amzn-ErrorType", "AccessDeniedException")
            .body(FORBIDDEN)
            .build()));
      case "/later":
        CompletableFuture<WebSocketUpgrade> decision = new CompletableFuture<>();
        undecided.add(decision);
        return decision;
      default:
        return CompletableFuture.completedFuture(WebSocketUpgrade.refused(notFound()));
    }
  }

  /** Accepts the next {@code /later} upgrade from the caller's thread, once it has arrived. */
  void acceptLater() throws InterruptedException {
    CompletableFuture<WebSocketUpgrade> decision = undecided.poll(10, TimeUnit.SECONDS);
    if (decision == null) {
      throw new AssertionError("no upgrade request reached /later");
    }
    decision.complete(accept(null));
  }

  /** The next connection's close; fails when none is reported within ten seconds. */
  Closed nextClose() throws InterruptedException {
    Closed closed = closes.poll(10, TimeUnit.SECONDS);
    if (closed == null) {
      throw new AssertionError("no connection was reported closed");
    }
    return closed;
  }

  /** Closes reported so far beyond those taken with {@link #nextClose()}. */
  int moreCloses() {
    return closes.size();
  }

  /** The next request {@link #handle} answered, or {@code null} after ten seconds. */
  GatewayRequest nextHandled() throws InterruptedException {
    return handled.poll(10, TimeUnit.SECONDS);
  }

  /** The path of the next upgrade the transport abandoned, or {@code null} after ten seconds. */
  String nextAbandoned() throws InterruptedException {
    return abandoned.poll(10, TimeUnit.SECONDS);
  }

  /** How the next send after {@code "close-me"} failed; fails when it did not within ten seconds. */
  Throwable nextSendAfterClose() throws InterruptedException {
    Throwable failure = sendsAfterClose.poll(10, TimeUnit.SECONDS);
    if (failure == null) {
      throw new AssertionError("no send after close failed");
    }
    return failure;
  }

  private WebSocketUpgrade accept(GatewayRequest request) {
    Headers.Builder headers = Headers.builder().add(CONNECTION_HEADER, "connection-1");
    String offered = request == null ? null : request.headers().first("Sec-WebSocket-Protocol");
    if (offered != null && List.of(offered.split("\\s*,\\s*")).contains(SUBPROTOCOL)) {
      headers.add("Sec-WebSocket-Protocol", SUBPROTOCOL);
    }
    return WebSocketUpgrade.accepted(headers.build(), MAX_MESSAGE_BYTES, Duration.ofMinutes(10), Echo::new,
        () -> abandoned.add(request == null ? "/later" : request.rawPath()));
  }

  /** Sends every message back; {@code "close-me"} closes instead. */
  private final class Echo implements WebSocketSession {
    private final WebSocketChannel channel;

    Echo(WebSocketChannel channel) {
      this.channel = channel;
    }

    @Override
    public void onText(String message) {
      if (message.equals("close-me")) {
        channel.close(1001, "going away");
        channel.sendText("too late").whenComplete((ignored, failure) -> {
          if (failure != null) {
            sendsAfterClose.add(failure);
          }
        });
      } else if (message.startsWith("burst ")) {
        int count = Integer.parseInt(message.substring("burst ".length()));
        for (int i = 0; i < count; i++) {
          channel.sendText("burst message " + i);
        }
      } else if (message.equals("buffered?")) {
        channel.sendText("buffered " + channel.bufferedBytes());
      } else {
        channel.sendText(message);
      }
    }

    @Override
    public void onBinary(ByteBuffer message) {
      channel.sendBinary(message);
    }

    @Override
    public void onClose(int statusCode, String reason) {
      closes.add(new Closed(statusCode, reason));
    }
  }

  private static GatewayResponse notFound() {
    return GatewayResponse.builder(404)
        .header("Content-Type", "application/json")
        .header("x-amzn-ErrorType", "NotFoundException")
        .body(NOT_FOUND)
        .build();
  }

  @Override
  public CompletionStage<GatewayResponse> handle(GatewayRequest request) {
    handled.add(request);
    return CompletableFuture.completedFuture(notFound());
  }

  @Override
  public long maxRequestBodyBytes() {
    return definition.maxRequestBodyBytes();
  }

  @Override
  public GatewayDefinition definition() {
    return definition;
  }

  @Override
  public void redeploy(GatewayDefinition definition) {
    this.definition = definition;
  }

  @Override
  public void close() {}
}
