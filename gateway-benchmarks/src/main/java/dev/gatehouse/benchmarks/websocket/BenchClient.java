package dev.gatehouse.benchmarks.websocket;

import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * One client connection (the JDK's {@link WebSocket}): whole text messages go to the current
 * handler, on the client's threads; anything else the server does (a close, an error, a binary
 * message) fails {@link #broken()}, which every phase watches, so a lost connection ends the
 * measurement instead of stalling it.
 */
final class BenchClient implements WebSocket.Listener {
  private final int index;
  private final CompletableFuture<Void> broken = new CompletableFuture<>();
  private final StringBuilder partial = new StringBuilder();
  private volatile Consumer<String> handler;
  private WebSocket socket;
  /** Sends are chained: the JDK refuses a send while the previous one is incomplete. */
  private CompletableFuture<WebSocket> lastSend;

  BenchClient(int index) {
    this.index = index;
    this.handler = text -> broken.completeExceptionally(
        new IllegalStateException("client " + index + " got a message no phase expected: " + text));
  }

  int index() {
    return index;
  }

  void connected(WebSocket webSocket) {
    this.socket = webSocket;
    this.lastSend = CompletableFuture.completedFuture(webSocket);
  }

  /** Where whole text messages go from now on. */
  void onMessage(Consumer<String> next) {
    this.handler = next;
  }

  /** Fails exceptionally once the connection breaks; never completes normally. */
  CompletableFuture<Void> broken() {
    return broken;
  }

  /** Sends one text message after any earlier send; a failed send breaks the client. */
  synchronized void send(String text) {
    lastSend = lastSend.thenCompose(ws -> ws.sendText(text, true));
    lastSend.whenComplete((ws, e) -> {
      if (e != null) {
        broken.completeExceptionally(new IllegalStateException("client " + index + " could not send", e));
      }
    });
  }

  void abort() {
    if (socket != null) {
      socket.abort();
    }
  }

  @Override
  public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
    partial.append(data);
    if (last) {
      String text = partial.toString();
      partial.setLength(0);
      handler.accept(text);
    }
    webSocket.request(1);
    return null;
  }

  @Override
  public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
    broken.completeExceptionally(new IllegalStateException("client " + index + " got a binary message"));
    return null;
  }

  @Override
  public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
    broken.completeExceptionally(new IllegalStateException("client " + index + ": the server closed the connection ("
        + statusCode + " " + reason + ")"));
    return null;
  }

  @Override
  public void onError(WebSocket webSocket, Throwable error) {
    broken.completeExceptionally(new IllegalStateException("client " + index + " failed", error));
  }
}
