package dev.gatehouse;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.concurrent.Flow;

/**
 * One HTTP response as the gateway hands it back to an adapter: status, header fields and body.
 * Immutable; the adapter writes it as is.
 *
 * <p><b>Buffered and streamed bodies.</b> Most responses carry a buffered body, whole in memory:
 * {@link #body()}. A large one (a backend's answer past a size, or of unknown length) may instead be
 * <em>streamed</em> ({@link #isStreamed()}): {@link #bodyPublisher()} emits its bytes as they arrive,
 * and {@link #contentLength()} says how many there will be, when known. The contract of a streamed
 * body:
 *
 * <ul>
 *   <li><b>One subscription.</b> The publisher is subscribed exactly once: by the adapter that writes
 *       the response, or, when the response is not sent after all (replaced by another, a HEAD
 *       request, a 204 or 304 status, a client already gone), by whoever drops it, through
 *       {@link #releaseBody()}. An unsubscribed stream may hold a backend connection until the
 *       publisher gives up on it. A second subscriber may be refused with
 *       {@link IllegalStateException} through its {@code onError}.
 *   <li><b>Backpressure.</b> The subscriber requests buffers as it can write them; the publisher
 *       never sends more than requested. Each buffer emitted belongs to the subscriber, which reads
 *       it once and never hands it back.
 *   <li><b>Threads.</b> Signals may come from any thread, one at a time, and often from an I/O thread
 *       that serves other connections too: {@code onNext} must not block on the client.
 *   <li><b>Endings.</b> {@code onComplete} means the body is whole. {@code onError} means it is not:
 *       the adapter aborts the response (closes the connection or resets the stream) instead of
 *       ending it, so that the client never takes a truncated body for a whole one. A body of known
 *       length that ends short or runs long is aborted the same way. Cancelling the subscription
 *       (the client went away) lets the publisher free what it holds.
 *   <li><b>Buffered accessors.</b> {@link #body()}, {@link #bodyLength()} and {@link #bodyAsString()}
 *       throw {@link IllegalStateException} for a streamed response rather than pass for an empty
 *       body; {@link #contentLength()} answers for both kinds.
 * </ul>
 */
public final class GatewayResponse {
  private static final ByteBuffer NO_BODY = ByteBuffer.allocate(0).asReadOnlyBuffer();

  private final int status;
  private final Headers headers;
  private final ByteBuffer body;
  private final Flow.Publisher<ByteBuffer> publisher;
  private final long streamLength;

  private GatewayResponse(int status, Headers headers, ByteBuffer body, Flow.Publisher<ByteBuffer> publisher,
      long streamLength) {
    this.status = status;
    this.headers = headers;
    this.body = body;
    this.publisher = publisher;
    this.streamLength = streamLength;
  }

  public static Builder builder(int status) {
    return new Builder(status);
  }

  public int status() {
    return status;
  }

  public Headers headers() {
    return headers;
  }

  /**
   * The body as a read-only view; empty when there is none.
   *
   * @throws IllegalStateException if the body is {@linkplain #isStreamed() streamed}
   */
  public ByteBuffer body() {
    if (publisher != null) {
      throw streamed("body()");
    }
    return body.duplicate();
  }

  /**
   * The number of bytes in the buffered body.
   *
   * @throws IllegalStateException if the body is {@linkplain #isStreamed() streamed}; see
   *     {@link #contentLength()}
   */
  public int bodyLength() {
    if (publisher != null) {
      throw streamed("bodyLength()");
    }
    return body.remaining();
  }

  /**
   * The body decoded as UTF-8.
   *
   * @throws IllegalStateException if the body is {@linkplain #isStreamed() streamed}
   */
  public String bodyAsString() {
    if (publisher != null) {
      throw streamed("bodyAsString()");
    }
    return StandardCharsets.UTF_8.decode(body.duplicate()).toString();
  }

  /** Whether the body is streamed through {@link #bodyPublisher()} rather than buffered. */
  public boolean isStreamed() {
    return publisher != null;
  }

  /**
   * The streamed body's bytes, to be subscribed once, under the contract in the class
   * documentation.
   *
   * @throws IllegalStateException if the body is buffered; see {@link #body()}
   */
  public Flow.Publisher<ByteBuffer> bodyPublisher() {
    if (publisher == null) {
      throw new IllegalStateException("bodyPublisher(): the body is buffered (expected: a streamed body; see"
          + " isStreamed() and body())");
    }
    return publisher;
  }

  /**
   * The number of bytes in the body, for either kind: the buffered body's length, or the length a
   * streamed body was declared with, or -1 when a streamed body's length is unknown.
   */
  public long contentLength() {
    return publisher != null ? streamLength : body.remaining();
  }

  /**
   * Lets go of a streamed body that will not be sent: subscribes a subscriber that cancels at once,
   * so that the publisher frees what it holds. This is the body's one subscription. Does nothing for
   * a buffered body.
   */
  public void releaseBody() {
    if (publisher != null) {
      // a new one each time: a subscriber may be subscribed only once (Reactive Streams rule 2.12)
      publisher.subscribe(new Releaser());
    }
  }

  /**
   * A builder with this response's status, header fields and body. A streamed body is shared, not
   * copied: of this response and the one built from the copy, only one may be sent.
   */
  public Builder toBuilder() {
    Builder builder = new Builder(status);
    builder.headers = headers.toBuilder();
    builder.body = body;
    builder.publisher = publisher;
    builder.streamLength = streamLength;
    return builder;
  }

  @Override
  public String toString() {
    String length;
    if (publisher == null) {
      length = body.remaining() + " bytes";
    } else {
      length = streamLength < 0 ? "streamed, length unknown" : "streamed, " + streamLength + " bytes";
    }
    return "GatewayResponse[" + status + ", " + headers + ", " + length + "]";
  }

  private static IllegalStateException streamed(String accessor) {
    return new IllegalStateException(accessor + ": the body is streamed (expected: a buffered body; see isStreamed(),"
        + " bodyPublisher() and contentLength())");
  }

  /** Collects one response; not thread-safe. */
  public static final class Builder {
    private int status;
    private Headers.Builder headers = Headers.builder();
    private ByteBuffer body = NO_BODY;
    private Flow.Publisher<ByteBuffer> publisher;
    private long streamLength;

    private Builder(int status) {
      status(status);
    }

    /** @throws IllegalArgumentException unless {@code 100 <= status <= 599} */
    public Builder status(int status) {
      if (status < 100 || status > 599) {
        throw new IllegalArgumentException("status: " + status + " (expected: 100..599)");
      }
      this.status = status;
      return this;
    }

    public Builder header(String name, String value) {
      headers.add(name, value);
      return this;
    }

    public Builder setHeader(String name, String value) {
      headers.set(name, value);
      return this;
    }

    public Builder headers(Headers all) {
      all.forEach(headers::add);
      return this;
    }

    /** Whether a header of this name has been added. */
    public boolean hasHeader(String name) {
      return headers.contains(name);
    }

    /**
     * Sets a buffered body, replacing any streamed one; the response takes ownership of the array
     * and never copies it.
     */
    public Builder body(byte[] body) {
      this.body = ByteBuffer.wrap(Objects.requireNonNull(body, "body")).asReadOnlyBuffer();
      this.publisher = null;
      return this;
    }

    public Builder body(String utf8) {
      return body(utf8.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Sets a streamed body, replacing any buffered one: the bytes {@code publisher} emits, written to
     * the client as they arrive, under the contract in the {@link GatewayResponse} class
     * documentation. The adapter frames it: with {@code Content-Length} when the length is known,
     * chunked (HTTP/1.1) when it is not; a {@code Content-Length} or {@code Transfer-Encoding} field
     * among the headers is ignored.
     *
     * @param publisher emits the body once, to one subscriber
     * @param contentLength the exact number of bytes {@code publisher} will emit, or -1 when unknown
     * @throws IllegalArgumentException if {@code contentLength} is below -1
     */
    public Builder body(Flow.Publisher<ByteBuffer> publisher, long contentLength) {
      Objects.requireNonNull(publisher, "publisher");
      if (contentLength < -1) {
        throw new IllegalArgumentException("contentLength: " + contentLength + " (expected: -1 for unknown, or >= 0)");
      }
      this.publisher = publisher;
      this.streamLength = contentLength;
      this.body = NO_BODY;
      return this;
    }

    public GatewayResponse build() {
      return new GatewayResponse(status, headers.build(), body, publisher, streamLength);
    }
  }

  /** The subscriber of {@link #releaseBody()}: takes nothing. */
  private static final class Releaser implements Flow.Subscriber<ByteBuffer> {
    @Override
    public void onSubscribe(Flow.Subscription subscription) {
      subscription.cancel();
    }

    @Override
    public void onNext(ByteBuffer item) {
      // cancelled at once: a publisher that still emits is ignored
    }

    @Override
    public void onError(Throwable error) {
      // nobody reads this body any more
    }

    @Override
    public void onComplete() {
      // nothing to finish
    }
  }
}
