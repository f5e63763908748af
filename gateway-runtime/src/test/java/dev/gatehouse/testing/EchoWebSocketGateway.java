package dev.gatehouse.testing;

import static org.assertj.core.api.Assertions.fail;

import dev.gatehouse.Gateway;
import dev.gatehouse.GatewayDefinition;
import dev.gatehouse.GatewayRequest;
import dev.gatehouse.GatewayResponse;
import dev.gatehouse.GatewayResponseType;
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
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for the engine's WebSocket side, for transport tests (the JDK adapter's and the
 * servlet's): accepts upgrades to {@code /prod} and echoes every message back through the channel;
 * refuses {@code /refuse} with a configurable response (403 {@code {"message":"Forbidden"}} by
 * default); leaves {@code /hold} unanswered until the test answers it ({@link #takeHeld()}); answers
 * any other path 404. Records the upgrade requests, the opened channels and the closes. A request the transport refused is answered with its refusal. {@link #handle} answers 404.
 */
public final class EchoWebSocketGateway implements Gateway {
  /** The largest message the accepted upgrades announce unless {@link #maxMessageBytes} says otherwise. */
  public static final int MAX_MESSAGE_BYTES = 128 * 1024;

  private static final GatewayDefinition DEFINITION =
      new GatewayDefinition(List.of(), List.of(), GatewayDefinition.DEFAULT_MAX_REQUEST_BODY_BYTES, null);

  /** One close a session heard of. */
  public record Close(int code, String reason) {}

  private final BlockingQueue<GatewayRequest> upgrades = new LinkedBlockingQueue<>();
  private final BlockingQueue<WebSocketChannel> opened = new LinkedBlockingQueue<>();
  private final BlockingQueue<Close> closes = new LinkedBlockingQueue<>();
  private final BlockingQueue<CompletableFuture<WebSocketUpgrade>> held = new LinkedBlockingQueue<>();
  private final AtomicInteger abandoned = new AtomicInteger();
  private volatile GatewayResponse refusal = GatewayResponse.builder(403)
      .header("Content-Type", "application/json")
      .header("x-amzn-ErrorType", "ForbiddenException")
      .body("{\"message\":\"Forbidden\"}")
      .build();
  private volatile Headers responseHeaders = Headers.empty();
  private volatile int maxMessageBytes = MAX_MESSAGE_BYTES;

  /** Refuses {@code /refuse} with {@code response}. */
  public EchoWebSocketGateway refuseWith(GatewayResponse response) {
    this.refusal = response;
    return this;
  }

  /** Accepts with these headers on the 101, such as {@code Sec-WebSocket-Protocol}. */
  public EchoWebSocketGateway acceptWith(Headers headers) {
    this.responseHeaders = headers;
    return this;
  }

  /**
   * Accepts announcing {@code bytes} as the largest message. The gateway enforces nothing itself:
   * a transport that takes its ceiling from the upgrade (the servlet endpoint) enforces this one.
   */
  public EchoWebSocketGateway maxMessageBytes(int bytes) {
    this.maxMessageBytes = bytes;
    return this;
  }

  @Override
  public CompletionStage<WebSocketUpgrade> upgrade(GatewayRequest request) {
    upgrades.add(request);
    if (request.refusal() != null) {
      GatewayResponseType type = request.refusal();
      return CompletableFuture.completedFuture(WebSocketUpgrade.refused(GatewayResponse.builder(type.defaultStatus())
          .header("x-amzn-ErrorType", type.errorType())
          .body("{\"message\":\"" + type.defaultMessage() + "\"}")
          .build()));
    }
    switch (request.rawPath()) {
      case "/prod":
        return CompletableFuture.completedFuture(acceptance());
      case "/refuse":
        return CompletableFuture.completedFuture(WebSocketUpgrade.refused(refusal));
      case "/hold":
        CompletableFuture<WebSocketUpgrade> answer = new CompletableFuture<>();
        held.add(answer);
        return answer;
      default:
        return CompletableFuture.completedFuture(WebSocketUpgrade.refused(GatewayResponse.builder(404)
            .header("x-amzn-ErrorType", "NotFoundException")
            .body("{\"message\":\"Not Found\"}")
            .build()));
    }
  }

  private WebSocketSession open(WebSocketChannel channel) {
    opened.add(channel);
    return new WebSocketSession() {
      @Override
      public void onText(String message) {
        channel.sendText(message);
      }

      @Override
      public void onBinary(ByteBuffer message) {
        channel.sendBinary(message);
      }

      @Override
      public void onClose(int statusCode, String reason) {
        closes.add(new Close(statusCode, reason));
      }
    };
  }

  /** An upgrade that accepts as {@code /prod} does; for answering a held one late. */
  public WebSocketUpgrade acceptance() {
    return WebSocketUpgrade.accepted(responseHeaders, maxMessageBytes, Duration.ofMinutes(10), this::open,
        abandoned::incrementAndGet);
  }

  /** The answer of the oldest {@code /hold} upgrade not taken yet, waiting at most 10 seconds. */
  public CompletableFuture<WebSocketUpgrade> takeHeld() throws InterruptedException {
    return take(held, "no upgrade held");
  }

  /** The oldest upgrade request not taken yet, waiting at most 10 seconds. */
  public GatewayRequest takeUpgrade() throws InterruptedException {
    return take(upgrades, "no upgrade request");
  }

  /** The channel of the oldest connection opened and not taken yet, waiting at most 10 seconds. */
  public WebSocketChannel takeChannel() throws InterruptedException {
    return take(opened, "no connection opened");
  }

  /** The oldest close not taken yet, waiting at most 10 seconds. */
  public Close takeClose() throws InterruptedException {
    return take(closes, "no session heard of a close");
  }

  /** Closes reported and not taken yet. */
  public int pendingCloses() {
    return closes.size();
  }

  /** Connections opened and not taken yet. */
  public int pendingChannels() {
    return opened.size();
  }

  /** Accepted upgrades whose handshake never completed. */
  public int abandoned() {
    return abandoned.get();
  }

  private static <T> T take(BlockingQueue<T> queue, String what) throws InterruptedException {
    T item = queue.poll(10, TimeUnit.SECONDS);
    if (item == null) {
      fail(what + " within 10 seconds");
    }
    return item;
  }

  @Override
  public CompletionStage<GatewayResponse> handle(GatewayRequest request) {
    return CompletableFuture.completedFuture(GatewayResponse.builder(404)
        .header("Content-Type", "application/json")
        .body("{\"message\":\"Not Found\"}")
        .build());
  }

  @Override
  public long maxRequestBodyBytes() {
    return DEFINITION.maxRequestBodyBytes();
  }

  @Override
  public GatewayDefinition definition() {
    return DEFINITION;
  }

  @Override
  public void redeploy(GatewayDefinition definition) {
    throw new UnsupportedOperationException("EchoWebSocketGateway serves no definition");
  }

  @Override
  public void close() {}
}
