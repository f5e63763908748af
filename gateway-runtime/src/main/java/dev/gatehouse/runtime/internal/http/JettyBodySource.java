package dev.gatehouse.runtime.internal.http;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jetty.client.Response;
import org.eclipse.jetty.io.Content;

/**
 * A Jetty response's body as the upstream of a {@link BodyStream}, on Jetty's own backpressure:
 * Jetty hands over one chunk with a demander and sends the next only once the demander has run,
 * which happens when the stream asks for more. The stream never reads Jetty's source itself, so no
 * read races Jetty's selector filling the same connection. The chunk's bytes are copied once, into
 * a buffer the stream owns, because Jetty recycles its buffers while the stream may still hold them
 * for a slow client; cancelling aborts the response, which closes the backend connection.
 */
final class JettyBodySource implements Flow.Subscription {
  private final Response response;
  private final BodyStream stream;
  private final AtomicReference<Runnable> demander = new AtomicReference<>();
  private final AtomicBoolean wanted = new AtomicBoolean();
  private volatile boolean cancelled;

  JettyBodySource(Response response, BodyStream stream) {
    this.response = response;
    this.stream = stream;
  }

  /** One chunk from Jetty, with the way to ask for the next. */
  void chunk(Content.Chunk chunk, Runnable next) {
    ByteBuffer bytes = chunk.getByteBuffer();
    if (cancelled || !bytes.hasRemaining()) {
      next.run();
      return;
    }
    ByteBuffer copy = ByteBuffer.allocate(bytes.remaining()).put(bytes).flip();
    stream.onNext(List.of(copy));
    // the stream may have asked for more while taking this chunk (wanted), or will later (request)
    demander.set(next);
    if (wanted.compareAndSet(true, false)) {
      runDemander();
    }
  }

  @Override
  public void request(long n) {
    wanted.set(true);
    if (demander.get() != null && wanted.compareAndSet(true, false)) {
      runDemander();
    }
  }

  private void runDemander() {
    Runnable next = demander.getAndSet(null);
    if (next != null) {
      next.run();
    } else {
      wanted.set(true);
    }
  }

  @Override
  public void cancel() {
    cancelled = true;
    response.abort(new CancellationException("the client's response ended"));
    // a receiver waiting for our demand may act on the abort only once it runs again
    Runnable next = demander.getAndSet(null);
    if (next != null) {
      next.run();
    }
  }
}
