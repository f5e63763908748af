package dev.gatehouse.benchmarks.websocket;

import dev.gatehouse.Gateway;
import dev.gatehouse.event.ProxyResponseV1;
import dev.gatehouse.integration.Integrations;
import dev.gatehouse.jdkserver.JdkWebSocketServer;
import dev.gatehouse.websocket.WebSocketConnections;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Gatehouse on {@link JdkWebSocketServer}: WebSocket API {@code bench}, stage {@code prod}, route
 * selection on {@code $request.body.action}; {@code echo} is an async function whose answer the route
 * response sends back; {@code $connect} and {@code $disconnect} keep the connection IDs that a fan-out
 * posts to through {@code gateway.connections("bench", "prod")}, as an application would.
 */
final class GatewayServer implements BenchServer {
  static final String API = "bench";
  static final String STAGE = "prod";
  /** Longest a fan-out waits for its posts to be taken before it reports them failed. */
  private static final long POST_TIMEOUT_SECONDS = 30;
  /** The account-level throttle, out of the way: the benchmark measures delivery, not throttling. */
  private static final double NEVER_REFUSING = 1e9;

  private final Gateway gateway;
  private final JdkWebSocketServer server;
  private final Set<String> connectionIds;

  private GatewayServer(Gateway gateway, JdkWebSocketServer server, Set<String> connectionIds) {
    this.gateway = gateway;
    this.server = server;
    this.connectionIds = connectionIds;
  }

  static GatewayServer start() {
    Set<String> ids = ConcurrentHashMap.newKeySet();
    Gateway gateway = Gateway.builder()
        .accountThrottle(NEVER_REFUSING, (long) NEVER_REFUSING)
        .webSocketApi(API, ws -> ws.stage(STAGE)
            .routeSelectionExpression("$request.body.action")
            .route("$connect", Integrations.asyncWebSocketFunction(event -> {
              ids.add(event.requestContext().connectionId());
              return CompletableFuture.completedFuture(null);
            }))
            .route("$disconnect", Integrations.asyncWebSocketFunction(event -> {
              ids.remove(event.requestContext().connectionId());
              return CompletableFuture.completedFuture(null);
            }))
            .route("echo", Integrations.asyncWebSocketFunction(
                event -> CompletableFuture.completedFuture(ProxyResponseV1.of(200, event.body()))),
                route -> route.routeResponse()))
        .build();
    JdkWebSocketServer server = JdkWebSocketServer.builder(new InetSocketAddress("127.0.0.1", 0), "/", gateway)
        .decoderThreads(WebSocketSettings.DECODER_THREADS)
        .start();
    return new GatewayServer(gateway, server, ids);
  }

  @Override
  public int port() {
    return server.port();
  }

  @Override
  public int connections() {
    return connectionIds.size();
  }

  @Override
  public FanOutOutcome fanOut(String text) throws InterruptedException {
    WebSocketConnections connections = gateway.connections(API, STAGE);
    List<CompletableFuture<Void>> posts = new ArrayList<>(connectionIds.size());
    for (String id : connectionIds) {
      posts.add(connections.post(id, text).toCompletableFuture());
    }
    try {
      CompletableFuture.allOf(posts.toArray(CompletableFuture[]::new)).get(POST_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      // Counted below, post by post: one failure must not hide how many there were.
    }
    int failed = 0;
    String firstFailure = "-";
    for (CompletableFuture<Void> post : posts) {
      if (!post.isDone() || post.isCompletedExceptionally()) {
        failed++;
        if (firstFailure.equals("-")) {
          firstFailure = post.isDone() ? post.handle((ok, e) -> String.valueOf(e)).join()
              : "not taken within " + POST_TIMEOUT_SECONDS + " s";
        }
      }
    }
    return new FanOutOutcome(posts.size(), failed, firstFailure);
  }

  @Override
  public void close() {
    server.close();
    gateway.close();
  }
}
