package dev.gatehouse.runtime.internal.websocket;

import dev.gatehouse.ApiType;
import dev.gatehouse.GatewayRequest;
import dev.gatehouse.GatewayResponse;
import dev.gatehouse.GatewayResponseType;
import dev.gatehouse.Headers;
import dev.gatehouse.RouteKey;
import dev.gatehouse.StageDefinition;
import dev.gatehouse.WebSocketSettings;
import dev.gatehouse.metrics.WebSocketMetrics;
import dev.gatehouse.runtime.internal.MetricsReports;
import dev.gatehouse.runtime.internal.RequestIds;
import dev.gatehouse.runtime.internal.limits.Limits;
import dev.gatehouse.runtime.internal.pipeline.CompiledApi;
import dev.gatehouse.runtime.internal.pipeline.CompiledRoute;
import dev.gatehouse.runtime.internal.pipeline.Deployment;
import dev.gatehouse.runtime.internal.pipeline.Exchange;
import dev.gatehouse.runtime.internal.pipeline.WebSocketSteps;
import dev.gatehouse.spi.ConnectionRegistry;
import dev.gatehouse.websocket.ConnectionException;
import dev.gatehouse.websocket.WebSocketConnection;
import dev.gatehouse.websocket.WebSocketConnections;
import dev.gatehouse.websocket.WebSocketUpgrade;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A gateway's WebSocket connections: it accepts or refuses upgrades through {@code $connect},
 * routes each message on the deployment current when it arrives, runs {@code $disconnect} once per
 * connection, and serves {@code @connections}. Outlives deployments, so a redeploy keeps the
 * connections open.
 */
public final class WebSocketRuntime implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(WebSocketRuntime.class);
  /** The close AWS sends when it ends a connection itself (idle, too old, API gone, gateway closing). */
  static final int GOING_AWAY = 1001;
  static final int TOO_BIG = 1009;

  private final Clock clock;
  private final Supplier<Deployment> current;
  private final Limits limits;
  private final ConnectionRegistry registry;
  private final SecureRandom random = new SecureRandom();
  private final ConcurrentHashMap<String, Connection> connections = new ConcurrentHashMap<>();
  private final LongAdder refusedSends = new LongAdder();
  private final MessageRouter router;
  private final ConnectionTimers timers;
  private final Observer observer;
  private final MetricsReports metrics;

  /** Told of each finished message and {@code $disconnect}, as the gateway is of each request: the access log. */
  @FunctionalInterface
  public interface Observer {
    void finished(Exchange ex, GatewayResponse response, long latencyMillis);
  }

  public WebSocketRuntime(Clock clock, Supplier<Deployment> current, Limits limits, ConnectionRegistry registry) {
    this(clock, current, limits, registry, (ex, response, latencyMillis) -> { }, null);
  }

  /** A runtime whose events are logged through {@code observer} and reported to {@code metrics}. */
  public WebSocketRuntime(Clock clock, Supplier<Deployment> current, Limits limits, ConnectionRegistry registry,
      Observer observer, MetricsReports metrics) {
    this.observer = observer;
    this.metrics = metrics;
    this.clock = clock;
    this.current = current;
    this.limits = limits;
    this.registry = registry != null ? registry : new LocalConnectionRegistry();
    this.router = new MessageRouter(this);
    this.timers = new ConnectionTimers(this);
    this.registry.start(new Local());
  }

  /** The steps deployments use for HTTP requests and upgrades at WebSocket APIs. */
  public WebSocketSteps steps() {
    return new WebSocketSteps(new ConnectionsEndpoint(this, clock), new ConnectStep(this));
  }

  /**
   * The answer to an upgrade whose steps answered {@code response}: accepted when {@code $connect}
   * admitted it (2xx), else refused with that response.
   */
  public WebSocketUpgrade decide(Exchange ex, GatewayResponse response) {
    Object call = ex.webSocket();
    if (!(call instanceof WebSocketCall) || response.status() / 100 != 2) {
      return WebSocketUpgrade.refused(response);
    }
    WebSocketCall connect = (WebSocketCall) call;
    WebSocketSettings settings = ex.api().definition().webSocket();
    Connection connection = new Connection(this, connect.connectionId(), ex.api().definition().name(),
        ex.stage().name(), ex.request(), ex.sourceIp(), connect.connectedAt(), ex.context().authorizer());
    String subprotocol = response.headers().first("Sec-WebSocket-Protocol");
    Headers headers = subprotocol == null ? Headers.empty()
        : Headers.builder().add("Sec-WebSocket-Protocol", subprotocol).build();
    response.releaseBody();
    // known from the acceptance on: a client holding its 101 may be posted to before the transport opens it
    connections.put(connection.id(), connection);
    return WebSocketUpgrade.accepted(headers, settings.maxMessageBytes(), settings.idleTimeout(), connection::open,
        () -> {
          connection.abandoned();
          closed(connection, 1006, "the handshake did not complete");
        });
  }

  /** Reports a WebSocket API's answered upgrade ({@code $connect}) to the metrics sink. */
  public void connected(Exchange ex, GatewayResponse response) {
    if (ex.webSocket() == null) {
      return;
    }
    WebSocketMetrics.Outcome outcome = response.status() < 400 ? WebSocketMetrics.Outcome.OK
        : response.status() < 500 ? WebSocketMetrics.Outcome.CLIENT_ERROR
        : ex.integrationNanos() >= 0 ? WebSocketMetrics.Outcome.INTEGRATION_ERROR
        : WebSocketMetrics.Outcome.EXECUTION_ERROR;
    if (metrics == null) {
      return;
    }
    metrics.webSocket(ex.deployment().definition().metrics(), new WebSocketMetrics(
        ex.api().definition().name(), ex.stage().name(), RouteKey.CONNECT, WebSocketMetrics.Kind.CONNECT, outcome,
        ex.integrationNanos()));
  }

  /** Reports one message to the metrics sink. */
  void message(Connection connection, String route, WebSocketMetrics.Outcome outcome, long integrationNanos) {
    if (metrics == null) {
      return;
    }
    metrics.webSocket(current.get().definition().metrics(), new WebSocketMetrics(connection.api(),
        connection.stage(), route, WebSocketMetrics.Kind.MESSAGE, outcome, integrationNanos));
  }

  /** {@code @connections} of one stage, in process. */
  public WebSocketConnections connections(String api, String stage) {
    CompiledApi compiled = current.get().api(api);
    if (compiled == null || compiled.definition().type() != ApiType.WEBSOCKET
        || compiled.definition().stage(stage) == null) {
      throw new IllegalArgumentException("api: " + api + ", stage: " + stage
          + " (expected: a webSocketApi of this gateway and one of its stages)");
    }
    return new StageConnections(this, api, stage);
  }

  /**
   * AWS's shape (16 characters of base64 ending in {@code =}), in the URL-safe alphabet: the ID
   * travels in {@code @connections/{id}} URLs, where {@code /} and {@code +} would need escaping.
   */
  String newConnectionId() {
    byte[] bytes = new byte[11];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().encodeToString(bytes);
  }

  long now() {
    return clock.millis();
  }

  Deployment deployment() {
    return current.get();
  }

  Limits limits() {
    return limits;
  }

  Iterable<Connection> open() {
    return connections.values();
  }

  /** The API settings a connection lives under now, or {@code null} when its API or stage is gone. */
  WebSocketSettings settings(Connection connection) {
    CompiledApi api = current.get().api(connection.api());
    if (api == null || api.definition().type() != ApiType.WEBSOCKET
        || api.definition().stage(connection.stage()) == null) {
      return null;
    }
    return api.definition().webSocket();
  }

  void opened(Connection connection) {
    timers.watch();
    registry.connected(connection.api(), connection.stage(), connection.describe())
        .whenComplete((ok, error) -> logFailure(error, "registering", connection));
  }

  void received(Connection connection, byte[] message, boolean binary) {
    router.route(connection, message, binary);
  }

  /** Once per connection, whatever closed it: forget it, then run {@code $disconnect}. */
  void closed(Connection connection, int statusCode, String reason) {
    if (connections.remove(connection.id(), connection)) {
      registry.disconnected(connection.api(), connection.stage(), connection.id())
          .whenComplete((ok, error) -> logFailure(error, "unregistering", connection));
    }
    Deployment deployment = current.get();
    CompiledApi api = deployment.api(connection.api());
    StageDefinition stage = api == null ? null : api.definition().stage(connection.stage());
    CompiledRoute route = stage == null ? null : api.route(RouteKey.DISCONNECT);
    if (route == null) {
      return;
    }
    Exchange ex = deployment.exchange(connection.upgrade(), now(), RequestIds.requestId());
    ex.routeWebSocket(api, stage, route, WebSocketCall.disconnect(connection, statusCode, reason));
    if (connection.authorization() != null) {
      ex.authorize(connection.authorization());
    }
    route.run(ex).whenComplete((response, error) -> {
      if (error != null) {
        LOG.error("{}: $disconnect of connection {} failed", route.label(), connection.id(), error);
      } else {
        observe(ex, api, response);
        response.releaseBody();
      }
    });
  }

  /** Tells the observer of a finished event; an observer never fails the event. */
  void observe(Exchange ex, CompiledApi api, GatewayResponse response) {
    try {
      ex.answeredWith(api.responses().typeOf(response));
      observer.finished(ex, response, Math.max(0, now() - ex.receivedAtMillis()));
    } catch (RuntimeException e) {
      LOG.warn("access log failed for {}", ex.requestId(), e);
    }
  }

  void refusedSend(Connection connection, long buffered, int size) {
    refusedSends.increment();
    LOG.warn("webSocketApi \"{}\" stage \"{}\": connection {} is not reading ({} bytes wait); a {}-byte message"
        + " was refused", connection.api(), connection.stage(), connection.id(), buffered, size);
  }

  long refusedSends() {
    return refusedSends.sum();
  }

  CompletionStage<Void> post(String api, String stage, String connectionId, byte[] data, boolean text) {
    Connection connection = local(api, stage, connectionId);
    if (connection == null) {
      return registry.post(api, stage, connectionId, ByteBuffer.wrap(data), text);
    }
    WebSocketSettings settings = settings(connection);
    if (settings == null) {
      return gone(connectionId);
    }
    if (data.length > settings.maxMessageBytes()) {
      return CompletableFuture.failedFuture(new ConnectionException(ConnectionException.Kind.PAYLOAD_TOO_LARGE,
          "the data is " + data.length + " bytes; the limit is " + settings.maxMessageBytes()));
    }
    return connection.send(data, text, settings.sendBufferBytes());
  }

  CompletionStage<WebSocketConnection> get(String api, String stage, String connectionId) {
    Connection connection = local(api, stage, connectionId);
    return connection == null ? registry.get(api, stage, connectionId)
        : CompletableFuture.completedFuture(connection.describe());
  }

  CompletionStage<Void> delete(String api, String stage, String connectionId) {
    Connection connection = local(api, stage, connectionId);
    if (connection == null) {
      return registry.delete(api, stage, connectionId);
    }
    connection.close(1000, "");
    return CompletableFuture.completedFuture(null);
  }

  private Connection local(String api, String stage, String connectionId) {
    Connection connection = connectionId == null ? null : connections.get(connectionId);
    return connection != null && connection.api().equals(api) && connection.stage().equals(stage)
        && !connection.isClosed() ? connection : null;
  }

  static <T> CompletionStage<T> gone(String connectionId) {
    return CompletableFuture.failedFuture(new ConnectionException(ConnectionException.Kind.GONE,
        "no open connection " + connectionId));
  }

  /** AWS's error message to the client, for a message the gateway answered itself. */
  void sendError(Connection connection, String message, String requestId) {
    WebSocketSettings settings = settings(connection);
    if (settings == null) {
      return;
    }
    byte[] frame = ErrorFrames.of(message, connection.id(), requestId);
    connection.send(frame, true, settings.sendBufferBytes())
        .whenComplete((ok, error) -> logFailure(error, "sending an error message to", connection));
  }

  private static void logFailure(Throwable error, String doing, Connection connection) {
    if (error != null && !(error instanceof ConnectionException)
        && !(error.getCause() instanceof ConnectionException)) {
      LOG.warn("webSocketApi \"{}\": {} connection {} failed", connection.api(), doing, connection.id(), error);
    }
  }

  /** Closes every connection (1001) and stops the timers; their {@code $disconnect} routes still run. */
  @Override
  public void close() {
    timers.close();
    for (Connection connection : connections.values()) {
      connection.close(GOING_AWAY, "Going away");
    }
    registry.close();
  }

  /** This instance's connections, as the registry delivers other instances' calls to them. */
  private final class Local implements ConnectionRegistry.Local {
    @Override
    public CompletionStage<Void> post(String api, String stage, String connectionId, ByteBuffer data, boolean text) {
      Connection connection = local(api, stage, connectionId);
      if (connection == null) {
        return gone(connectionId);
      }
      byte[] bytes = new byte[data.remaining()];
      data.get(bytes);
      return WebSocketRuntime.this.post(api, stage, connectionId, bytes, text);
    }

    @Override
    public CompletionStage<WebSocketConnection> get(String api, String stage, String connectionId) {
      Connection connection = local(api, stage, connectionId);
      return connection == null ? gone(connectionId) : CompletableFuture.completedFuture(connection.describe());
    }

    @Override
    public CompletionStage<Void> delete(String api, String stage, String connectionId) {
      Connection connection = local(api, stage, connectionId);
      return connection == null ? gone(connectionId) : WebSocketRuntime.this.delete(api, stage, connectionId);
    }
  }
}
