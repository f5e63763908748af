package dev.gatehouse.runtime.internal.http;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Flow;
import org.eclipse.jetty.io.Content;

/**
 * A Jetty response's content source as the upstream of a {@link BodyStream}: each request reads
 * one chunk (waiting through {@link Content.Source#demand} when none is at hand) and passes it on.
 * The chunk's bytes are copied once, into a buffer the stream owns, because Jetty recycles its
 * buffers on release while the stream may still hold them for a slow client; cancelling fails the
 * source, which closes the backend connection.
 */
final class JettyBodySource implements Flow.Subscription {
  private final Content.Source source;
  private final BodyStream stream;

  JettyBodySource(Content.Source source, BodyStream stream) {
    this.source = source;
    this.stream = stream;
  }

  @Override
  public void request(long n) {
    // the stream asks for one chunk at a time, and again only after this one arrived
    read();
  }

  private void read() {
    while (true) {
      Content.Chunk chunk = source.read();
      if (chunk == null) {
        source.demand(this::read);
        return;
      }
      if (Content.Chunk.isFailure(chunk)) {
        Throwable failure = chunk.getFailure();
        stream.onError(failure instanceof BackendFailure ? failure : new BackendFailure(failure.toString(), failure));
        return;
      }
      ByteBuffer bytes = chunk.getByteBuffer();
      ByteBuffer copy = ByteBuffer.allocate(bytes.remaining()).put(bytes).flip();
      boolean last = chunk.isLast();
      chunk.release();
      if (copy.hasRemaining()) {
        stream.onNext(List.of(copy));
      }
      if (last) {
        stream.onComplete();
        return;
      }
      if (copy.hasRemaining()) {
        return;
      }
      // an empty chunk carries nothing for the stream: read on, as it asked for bytes
    }
  }

  @Override
  public void cancel() {
    source.fail(new CancellationException("the client's response ended"));
  }
}
