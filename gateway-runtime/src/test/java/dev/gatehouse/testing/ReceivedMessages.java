package dev.gatehouse.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** What one end of a test WebSocket connection received, in order, and how the connection closed. */
public abstract class ReceivedMessages {
  private static final long WAIT_SECONDS = 20;

  private final BlockingQueue<Object> messages = new LinkedBlockingQueue<>();
  private final CompletableFuture<String> closed = new CompletableFuture<>();

  /** Records a whole message: a {@code String} or a {@code byte[]}. */
  protected void received(Object message) {
    messages.add(message);
  }

  /** Records the close as {@code "code reason"}; true the first time. */
  protected boolean closed(String codeAndReason) {
    return closed.complete(codeAndReason);
  }

  /** The next whole message: a {@code String} or a {@code byte[]}. */
  public Object next() throws InterruptedException {
    Object message = messages.poll(WAIT_SECONDS, TimeUnit.SECONDS);
    assertThat(message).as("a message within %s s", WAIT_SECONDS).isNotNull();
    return message;
  }

  public String nextText() throws InterruptedException {
    Object message = next();
    assertThat(message).isInstanceOf(String.class);
    return (String) message;
  }

  /** Whether no message arrives within {@code millis}. */
  public boolean quietFor(long millis) throws InterruptedException {
    return messages.poll(millis, TimeUnit.MILLISECONDS) == null;
  }

  /** {@code "code reason"} of the close, once it came. */
  public String closedWith() throws Exception {
    return closed.get(WAIT_SECONDS, TimeUnit.SECONDS);
  }

  public boolean isClosed() {
    return closed.isDone();
  }
}
