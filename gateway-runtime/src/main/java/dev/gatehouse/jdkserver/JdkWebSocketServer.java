package dev.gatehouse.jdkserver;

import dev.gatehouse.Gateway;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Serves a {@link Gateway}'s WebSocket APIs on a port of their own, beside the JDK
 * {@code HttpServer} that {@link JdkHttpServerAdapter} serves its REST and HTTP APIs from: the JDK
 * server cannot hand an upgraded connection over, so WebSocket is spoken by Java-WebSocket. Clients
 * connect to {@code ws://host:port{mount}/{stage}}, as to an AWS {@code wss://} URL.
 *
 * <pre>{@code
 * JdkWebSocketServer webSockets = JdkWebSocketServer.builder(new InetSocketAddress("127.0.0.1", 0), "/", gateway)
 *     .maxMessageBytes(256 * 1024)
 *     .start();
 * URI chat = URI.create("ws://127.0.0.1:" + webSockets.port() + "/prod");
 * }</pre>
 *
 * <p><b>Handshake.</b> Each upgrade request becomes a {@link dev.gatehouse.GatewayRequest} ({@code GET},
 * the raw path after the mount, the raw query, the headers, the client's IP) and goes to
 * {@link Gateway#upgrade}. A refusal is answered with its exact status, headers and body, and no
 * connection exists; an acceptance gets the 101 with the upgrade's response headers (such as
 * {@code Sec-WebSocket-Protocol}). A path outside the mount gets 404 {@code {"message":"Not Found"}}
 * without the gateway. Java-WebSocket decides a handshake synchronously on one of its decoder
 * threads, so that thread waits for the gateway's answer, at most the handshake timeout (504 past
 * it), while the other connections it decodes wait too: size {@link Builder#decoderThreads} for the
 * number of {@code $connect} calls that may be in flight at once.
 *
 * <p><b>Messages.</b> Fragmented messages are reassembled; pings are answered; the protocol
 * violations of RFC 6455 close the connection (unmasked, reserved-bit or reserved-opcode frames
 * and fragmented control frames with 1002, invalid UTF-8 text with 1007). Any message past
 * {@link Builder#maxMessageBytes} closes it with 1009: set it to at least the largest message limit
 * of the APIs served, each of which the gateway enforces itself.
 *
 * <p><b>Not covered.</b> TLS ({@code wss}) and per-message compression are not offered; put a TLS
 * proxy in front. Java-WebSocket has no timeout for a client that opens a socket and never completes
 * its handshake.
 */
public final class JdkWebSocketServer implements AutoCloseable {
  /** The default {@link Builder#maxMessageBytes}: 1 MiB, above AWS's 128 KB message limit. */
  public static final int DEFAULT_MAX_MESSAGE_BYTES = 1 << 20;
  /** The default {@link Builder#handshakeTimeout}. */
  public static final Duration DEFAULT_HANDSHAKE_TIMEOUT = Duration.ofSeconds(60);

  private static final Duration START_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

  private final GatewayWebSocketServer server;
  private final AtomicBoolean closed = new AtomicBoolean();

  private JdkWebSocketServer(GatewayWebSocketServer server) {
    this.server = server;
  }

  /**
   * Starts a server with the defaults; as {@code builder(address, mount, gateway).start()}.
   *
   * @throws UncheckedIOException if the address cannot be bound
   */
  public static JdkWebSocketServer start(InetSocketAddress address, String mount, Gateway gateway) {
    return builder(address, mount, gateway).start();
  }

  /**
   * Starts describing a server.
   *
   * @param address where to listen; port 0 for any free port (see {@link #port()})
   * @param mount {@code "/"}, or a literal path without a trailing slash such as {@code "/ws"}, as for
   *     {@link JdkHttpServerAdapter#mount}
   * @param gateway the gateway whose {@link Gateway#upgrade} decides each handshake
   * @throws IllegalArgumentException if {@code mount} is malformed
   */
  public static Builder builder(InetSocketAddress address, String mount, Gateway gateway) {
    return new Builder(Objects.requireNonNull(address, "address"), JdkHttpServerAdapter.mountPath(mount),
        Objects.requireNonNull(gateway, "gateway"));
  }

  /** The port the server listens on. */
  public int port() {
    return server.getPort();
  }

  /**
   * Stops accepting connections and closes the open ones with 1001 "Going away"; each session hears
   * of it through {@code onClose}. Waits a few seconds at most for clients to answer the close.
   * Calling it again does nothing.
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    try {
      server.shutdown(CLOSE_TIMEOUT);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Options of a {@link JdkWebSocketServer}; not thread-safe. */
  public static final class Builder {
    private final InetSocketAddress address;
    private final String mountPath;
    private final Gateway gateway;
    private int maxMessageBytes = DEFAULT_MAX_MESSAGE_BYTES;
    private int decoderThreads = Math.max(2, Runtime.getRuntime().availableProcessors());
    private Duration handshakeTimeout = DEFAULT_HANDSHAKE_TIMEOUT;

    Builder(InetSocketAddress address, String mountPath, Gateway gateway) {
      this.address = address;
      this.mountPath = mountPath;
      this.gateway = gateway;
    }

    /**
     * The largest message, in bytes, any connection may send, whether in one frame or reassembled
     * from many; larger ones close the connection with 1009. Default 1 MiB
     * ({@link JdkWebSocketServer#DEFAULT_MAX_MESSAGE_BYTES}).
     */
    public Builder maxMessageBytes(int bytes) {
      if (bytes < 1) {
        throw new IllegalArgumentException("maxMessageBytes: " + bytes + " (expected: >= 1)");
      }
      this.maxMessageBytes = bytes;
      return this;
    }

    /**
     * The threads that decode frames and wait for {@link Gateway#upgrade}; each connection is
     * decoded by one of them. Default: the number of processors, at least 2.
     */
    public Builder decoderThreads(int threads) {
      if (threads < 1) {
        throw new IllegalArgumentException("decoderThreads: " + threads + " (expected: >= 1)");
      }
      this.decoderThreads = threads;
      return this;
    }

    /** How long a handshake waits for the gateway before it is answered 504. Default 60 seconds. */
    public Builder handshakeTimeout(Duration timeout) {
      Objects.requireNonNull(timeout, "handshakeTimeout");
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("handshakeTimeout: " + timeout + " (expected: > 0)");
      }
      this.handshakeTimeout = timeout;
      return this;
    }

    /**
     * Binds the port and starts serving; returns once the port is bound.
     *
     * @throws UncheckedIOException if the address cannot be bound
     */
    public JdkWebSocketServer start() {
      GatewayWebSocketServer server = new GatewayWebSocketServer(address, decoderThreads, mountPath, gateway,
          maxMessageBytes, handshakeTimeout);
      server.start();
      try {
        server.started().get(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        return new JdkWebSocketServer(server);
      } catch (ExecutionException e) {
        stopQuietly(server);
        Throwable cause = e.getCause();
        throw new UncheckedIOException("cannot serve WebSocket at " + address,
            cause instanceof IOException ? (IOException) cause : new IOException(cause));
      } catch (TimeoutException e) {
        stopQuietly(server);
        throw new IllegalStateException("the WebSocket server at " + address + " did not start within "
            + START_TIMEOUT, e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        stopQuietly(server);
        throw new IllegalStateException("interrupted while starting the WebSocket server at " + address, e);
      }
    }

    private static void stopQuietly(GatewayWebSocketServer server) {
      try {
        server.shutdown(Duration.ofSeconds(1));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
