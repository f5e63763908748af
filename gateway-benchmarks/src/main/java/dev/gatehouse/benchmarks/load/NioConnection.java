package dev.gatehouse.benchmarks.load;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;

/**
 * One non-blocking keep-alive connection of the {@link OpenLoopClient}, registered for reading
 * with the client's selector. Holds the intended send time of the request in flight, from which
 * the answer's latency is measured. Used by the client's one thread only.
 */
final class NioConnection implements Closeable {
  private final InetSocketAddress address;
  private final Selector selector;
  private final ByteBuffer request;
  private final String method;
  private final ByteBuffer in = ByteBuffer.allocateDirect(16 * 1024);
  private final ResponseParser parser = new ResponseParser();
  private SocketChannel channel;
  private boolean inFlight;
  private long intended;

  NioConnection(InetSocketAddress address, Selector selector, byte[] request, String method) {
    this.address = address;
    this.selector = selector;
    this.request = ByteBuffer.wrap(request).asReadOnlyBuffer();
    this.method = method;
  }

  /** Connects (blocking: loopback connects at once) and registers with the selector. */
  void open() throws IOException {
    close();
    SocketChannel opened = SocketChannel.open();
    try {
      opened.setOption(StandardSocketOptions.TCP_NODELAY, true);
      opened.connect(address);
      opened.configureBlocking(false);
      opened.register(selector, SelectionKey.OP_READ, this);
    } catch (IOException e) {
      opened.close();
      throw e;
    }
    channel = opened;
    inFlight = false;
  }

  /** Whether a request was sent and its answer is not complete yet. */
  boolean inFlight() {
    return inFlight;
  }

  /** When the request in flight was meant to leave, in {@link System#nanoTime()} terms. */
  long intended() {
    return intended;
  }

  /**
   * Writes the request, meant to leave at {@code intendedNanos}.
   *
   * @param giveUpNanos when to stop waiting for a server that does not read
   */
  void send(long intendedNanos, long giveUpNanos) throws IOException {
    intended = intendedNanos;
    parser.expect(method);
    request.rewind();
    inFlight = true;
    // The request is a few hundred bytes into an empty socket buffer: one write takes it, as a rule.
    while (request.hasRemaining()) {
      if (channel.write(request) == 0) {
        if (System.nanoTime() - giveUpNanos > 0) {
          throw new IOException("the server stopped reading requests");
        }
        Thread.onSpinWait();
      }
    }
  }

  /**
   * Reads what has arrived.
   *
   * @return whether the answer in flight is complete
   * @throws IOException if the connection failed or closed mid-answer, or the bytes are no answer
   */
  boolean read() throws IOException {
    in.clear();
    int n = channel.read(in);
    if (n < 0) {
      if (inFlight && parser.endOfStream()) {
        inFlight = false;
        return true;
      }
      throw new EOFException(inFlight ? "connection closed in the middle of an answer" : "connection closed");
    }
    if (!inFlight) {
      throw new IOException("the server sent " + n + " bytes without a request");
    }
    in.flip();
    if (parser.feed(in)) {
      inFlight = false;
      return true;
    }
    return false;
  }

  /** The status of the answer just completed. */
  int status() {
    return parser.status();
  }

  /** Whether the server closes the connection after the answer just completed. */
  boolean closesConnection() {
    return parser.closesConnection();
  }

  @Override
  public void close() {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException e) {
        // A failed channel can fail to close too; it is gone either way.
      }
      channel = null;
    }
  }
}
