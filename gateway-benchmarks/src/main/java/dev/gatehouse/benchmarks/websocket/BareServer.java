package dev.gatehouse.benchmarks.websocket;

import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

/**
 * The baseline: Java-WebSocket's {@link WebSocketServer}, the library under {@code JdkWebSocketServer},
 * configured as it is there (the same decoder threads, {@code TCP_NODELAY}), without the gateway.
 */
final class BareServer implements BenchServer {
  private final Server server;

  private BareServer(Server server) {
    this.server = server;
  }

  static BareServer start() {
    Server server = new Server(new InetSocketAddress("127.0.0.1", 0));
    server.start();
    try {
      server.started.get(10, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("the bare WebSocket server did not start", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while starting the bare WebSocket server", e);
    }
    return new BareServer(server);
  }

  @Override
  public int port() {
    return server.getPort();
  }

  @Override
  public int connections() {
    return server.getConnections().size();
  }

  @Override
  public FanOutOutcome fanOut(String text) {
    int sent = 0;
    int failed = 0;
    String firstFailure = "-";
    for (WebSocket connection : server.getConnections()) {
      sent++;
      try {
        connection.send(text);
      } catch (RuntimeException e) {
        failed++;
        if (firstFailure.equals("-")) {
          firstFailure = e.toString();
        }
      }
    }
    return new FanOutOutcome(sent, failed, firstFailure);
  }

  @Override
  public void close() {
    // Closing the connections first, as JdkWebSocketServer does: stop() with a thousand of them open
    // races Java-WebSocket's own selector shutdown.
    server.getConnections().forEach(connection -> connection.close(1001));
    try {
      server.stop(2_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static final class Server extends WebSocketServer {
    final CompletableFuture<Void> started = new CompletableFuture<>();

    Server(InetSocketAddress address) {
      super(address, WebSocketSettings.DECODER_THREADS);
      setTcpNoDelay(true);
      setReuseAddr(true);
    }

    @Override
    public void onOpen(WebSocket connection, ClientHandshake handshake) {
      // Nothing to set up: every connection only echoes.
    }

    @Override
    public void onClose(WebSocket connection, int code, String reason, boolean remote) {
      // Nothing to tear down.
    }

    @Override
    public void onMessage(WebSocket connection, String message) {
      connection.send(message);
    }

    @Override
    public void onError(WebSocket connection, Exception e) {
      if (connection == null) {
        started.completeExceptionally(e);
      }
      System.err.println("bare WebSocket server: " + e);
    }

    @Override
    public void onStart() {
      started.complete(null);
    }
  }
}
