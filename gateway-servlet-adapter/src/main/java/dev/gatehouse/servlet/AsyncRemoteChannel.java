package dev.gatehouse.servlet;

import dev.gatehouse.websocket.ConnectionException;
import dev.gatehouse.websocket.WebSocketChannel;
import jakarta.websocket.CloseReason;
import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A {@link WebSocketChannel} over a Jakarta {@link Session}'s async remote. Jakarta allows one
 * outstanding async send per session (Tomcat throws {@code TEXT_FULL_WRITING} on a second), so
 * messages wait in a FIFO queue and the next one is sent from the previous one's completion. No
 * method blocks on the network; the lock only guards the queue.
 *
 * <p>{@link #close} is queued behind the messages accepted before it, so that "send, then close"
 * reaches the client in that order. A send after {@code close}, or once the connection is gone,
 * fails with {@link ConnectionException.Kind#GONE}.
 */
final class AsyncRemoteChannel implements WebSocketChannel {
  private static final System.Logger LOG = System.getLogger(GatewayServlet.class.getName());

  private final Session session;
  private final RemoteEndpoint.Async remote;
  private final Object lock = new Object();
  private final ArrayDeque<Outgoing> queue = new ArrayDeque<>();
  private final AtomicBoolean closeSent = new AtomicBoolean();
  private boolean sending;
  private boolean closing;
  private boolean gone;
  private CloseReason closeReason;
  private long bufferedBytes;

  AsyncRemoteChannel(Session session) {
    this.session = session;
    this.remote = session.getAsyncRemote();
  }

  /** One message waiting or in flight; {@code returned} tells who continues the queue (see {@link #drain}). */
  private record Outgoing(String text, ByteBuffer data, long bytes, AtomicBoolean returned) {}

  @Override
  public CompletionStage<Void> sendText(String text) {
    return enqueue(new Outgoing(text, null, Utf8.length(text), new AtomicBoolean()));
  }

  @Override
  public CompletionStage<Void> sendBinary(ByteBuffer data) {
    // the caller may reuse its buffer once this returns, and the message may wait in the queue
    ByteBuffer copy = ByteBuffer.allocate(data.remaining()).put(data.duplicate()).flip();
    return enqueue(new Outgoing(null, copy, copy.remaining(), new AtomicBoolean()));
  }

  @Override
  public long bufferedBytes() {
    synchronized (lock) {
      return bufferedBytes;
    }
  }

  @Override
  public void close(int statusCode, String reason) {
    boolean closeNow;
    synchronized (lock) {
      if (closing || gone) {
        return;
      }
      closing = true;
      closeReason = new CloseReason(CloseReason.CloseCodes.getCloseCode(statusCode), reason == null ? "" : reason);
      closeNow = !sending;
      if (closeNow) {
        sending = true;
      }
    }
    if (closeNow) {
      drain();
    }
  }

  /** The container reported the connection closed: whatever still waits can never be sent. */
  void closed() {
    List<Outgoing> dropped;
    synchronized (lock) {
      gone = true;
      dropped = new ArrayList<>(queue);
      queue.clear();
      for (Outgoing message : dropped) {
        bufferedBytes -= message.bytes();
      }
    }
    if (!dropped.isEmpty()) {
      // the client left with messages unsent: the gateway's send stages had completed when they were queued
      LOG.log(Level.DEBUG, "WebSocket session " + session.getId() + " closed with " + dropped.size()
          + " messages unsent");
    }
  }

  /**
   * Takes a message into the queue; the stage completes at once, as the SPI asks: the gateway bounds
   * what waits through {@link #bufferedBytes()}, so a client that does not read makes later sends
   * fail instead of leaving posts pending for ever.
   */
  private CompletionStage<Void> enqueue(Outgoing message) {
    synchronized (lock) {
      if (closing || gone) {
        return CompletableFuture.failedFuture(goneFailure());
      }
      queue.add(message);
      bufferedBytes += message.bytes();
      if (sending) {
        return CompletableFuture.completedFuture(null);
      }
      sending = true;
    }
    drain();
    return CompletableFuture.completedFuture(null);
  }

  /**
   * Sends queued messages one at a time; called by whoever set {@code sending}. A container may
   * complete a send on the calling thread, before {@code sendText} returns: then this loop goes on
   * with the next message itself, rather than recursing from the callback, which a long queue would
   * turn into a stack overflow. Otherwise the callback's thread continues the queue.
   */
  private void drain() {
    while (true) {
      Outgoing message;
      CloseReason closeWith = null;
      synchronized (lock) {
        message = queue.poll();
        if (message == null) {
          sending = false;
          if (closing && closeSent.compareAndSet(false, true)) {
            closeWith = closeReason;
          } else {
            return;
          }
        }
      }
      if (closeWith != null) {
        closeSession(closeWith);
        return;
      }
      try {
        if (message.text() != null) {
          remote.sendText(message.text(), result -> sent(message, result));
        } else {
          remote.sendBinary(message.data(), result -> sent(message, result));
        }
      } catch (RuntimeException e) {
        // a closed session refuses the send by throwing (IllegalStateException): a failed stage instead
        sent(message, new SendResult(e));
      }
      if (message.returned().compareAndSet(false, true)) {
        // the send is still in flight: its callback continues the queue
        return;
      }
    }
  }

  private void sent(Outgoing message, SendResult result) {
    synchronized (lock) {
      bufferedBytes -= message.bytes();
    }
    if (!result.isOK()) {
      LOG.log(Level.DEBUG, "a message to WebSocket session " + session.getId() + " was not written",
          result.getException());
    }
    if (!message.returned().compareAndSet(false, true)) {
      // drain() already returned, leaving the queue to this callback
      drain();
    }
  }

  private void closeSession(CloseReason reason) {
    try {
      session.close(reason);
    } catch (IOException | RuntimeException e) {
      // the connection is already gone; the container reports its close to the endpoint either way
      LOG.log(Level.DEBUG, "closing WebSocket session " + session.getId() + " failed", e);
    }
  }

  private static ConnectionException goneFailure() {
    return new ConnectionException(ConnectionException.Kind.GONE, "the WebSocket connection is closed");
  }

  /** UTF-8 lengths without encoding: the queue counts bytes, and the size limit is in bytes. */
  static final class Utf8 {
    private Utf8() {}

    static long length(String text) {
      long bytes = 0;
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (c < 0x80) {
          bytes += 1;
        } else if (c < 0x800) {
          bytes += 2;
        } else if (Character.isHighSurrogate(c) && i + 1 < text.length()
            && Character.isLowSurrogate(text.charAt(i + 1))) {
          bytes += 4;
          i++;
        } else {
          bytes += 3;
        }
      }
      return bytes;
    }
  }
}
