package dev.gatehouse.servlet;

import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A JDK WebSocket client's listener that reassembles whole messages and queues them, with the
 * close, in the order they arrived; the test takes them with a timeout instead of sleeping.
 */
final class RecordingListener implements WebSocket.Listener {
  /** The server's close, as the client saw it. */
  record Close(int statusCode, String reason) {}

  private final BlockingQueue<Object> events = new LinkedBlockingQueue<>();
  private final StringBuilder text = new StringBuilder();
  private ByteBuffer binary = ByteBuffer.allocate(0);

  @Override
  public void onOpen(WebSocket webSocket) {
    webSocket.request(1);
  }

  @Override
  public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
    text.append(data);
    if (last) {
      events.add(text.toString());
      text.setLength(0);
    }
    webSocket.request(1);
    return null;
  }

  @Override
  public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
    binary = ByteBuffer.allocate(binary.remaining() + data.remaining()).put(binary).put(data).flip();
    if (last) {
      events.add(binary);
      binary = ByteBuffer.allocate(0);
    }
    webSocket.request(1);
    return null;
  }

  @Override
  public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
    events.add(new Close(statusCode, reason));
    return null;
  }

  @Override
  public void onError(WebSocket webSocket, Throwable error) {
    events.add(error);
  }

  /** The next whole message (a {@code String} or a {@code ByteBuffer}), close or error; fails after ten seconds. */
  Object next() throws InterruptedException {
    Object event = events.poll(10, TimeUnit.SECONDS);
    if (event == null) {
      throw new AssertionError("the client received nothing within ten seconds");
    }
    return event;
  }
}
