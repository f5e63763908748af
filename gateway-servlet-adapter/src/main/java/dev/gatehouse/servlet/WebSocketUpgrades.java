package dev.gatehouse.servlet;

import dev.gatehouse.Gateway;
import dev.gatehouse.GatewayRequest;
import dev.gatehouse.GatewayResponse;
import dev.gatehouse.websocket.WebSocketUpgrade;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.server.ServerContainer;
import jakarta.websocket.server.ServerEndpointConfig;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Takes a WebSocket upgrade request to {@link Gateway#upgrade} and completes the handshake the
 * gateway decided on with the container's Jakarta WebSocket {@link ServerContainer}. One per
 * servlet; thread-safe.
 *
 * <p>The gateway decides asynchronously (its {@code $connect} route may call a backend), and no
 * container thread waits for it: the request goes async, and once the decision is there it is left
 * in a request attribute and the request is dispatched back to the servlet, which finishes the
 * handshake there. Both Jetty 12 and Tomcat 11 upgrade a dispatched request; a decision that is
 * ready at once is carried out without the detour.
 */
final class WebSocketUpgrades {
  /** The servlet context attribute under which Jakarta WebSocket 2.x containers publish themselves. */
  static final String SERVER_CONTAINER = "jakarta.websocket.server.ServerContainer";
  /** The request attribute carrying a decided upgrade into the dispatched request. */
  static final String DECIDED = WebSocketUpgrades.class.getName() + ".decided";

  private static final System.Logger LOG = System.getLogger(GatewayServlet.class.getName());
  private static final String NOT_ENABLED = "{\"message\":\"WebSocket is not enabled in this servlet container\"}";

  private final Gateway gateway;
  private final AtomicBoolean toldHowToEnable = new AtomicBoolean();

  WebSocketUpgrades(Gateway gateway) {
    this.gateway = gateway;
  }

  /** The gateway's answer to one upgrade request: an upgrade, or why there is none. */
  record Decision(GatewayRequest request, WebSocketUpgrade upgrade, Throwable failure) {}

  /**
   * Whether {@code request} asks for a WebSocket: a GET with {@code Upgrade: websocket} and
   * {@code Connection: upgrade}, both compared case-insensitively as tokens.
   */
  static boolean isUpgrade(HttpServletRequest request) {
    return "GET".equals(request.getMethod())
        && hasToken(request, "Upgrade", "websocket")
        && hasToken(request, "Connection", "upgrade");
  }

  private static boolean hasToken(HttpServletRequest request, String name, String token) {
    for (var values = request.getHeaders(name); values != null && values.hasMoreElements(); ) {
      for (String part : values.nextElement().split(",")) {
        if (part.trim().toLowerCase(Locale.ROOT).equals(token)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Asks the gateway about an upgrade request and carries out its decision, now when it is ready,
   * otherwise from a dispatch once it is.
   */
  void start(HttpServletRequest request, HttpServletResponse response) throws IOException {
    ServerContainer container = serverContainer(request);
    GatewayRequest gatewayRequest = ServletRequests.head(request).body(new byte[0]).build();
    if (container == null) {
      notEnabled(request, response, gatewayRequest);
      return;
    }
    CompletionStage<WebSocketUpgrade> stage;
    try {
      stage = gateway.upgrade(gatewayRequest);
    } catch (UnsupportedOperationException e) {
      // a gateway without WebSocket APIs answers the request as plain HTTP, as it did before
      AsyncExchange.start(gateway, request, response);
      return;
    } catch (RuntimeException e) {
      stage = CompletableFuture.failedFuture(e);
    }
    if (stage == null) {
      stage = CompletableFuture.failedFuture(new NullPointerException("gateway.upgrade returned null"));
    }
    if (stage instanceof CompletableFuture<WebSocketUpgrade> future && future.isDone()) {
      Decision decided = future.handle((upgrade, failure) -> decision(gatewayRequest, upgrade, failure)).getNow(null);
      carryOut(container, request, response, decided);
      return;
    }
    AsyncContext async = request.startAsync(request, response);
    // the gateway bounds $connect itself and always decides; a container timeout would only race it
    async.setTimeout(0);
    stage.whenComplete((upgrade, failure) -> {
      Decision decided = decision(gatewayRequest, upgrade, failure);
      request.setAttribute(DECIDED, decided);
      try {
        async.dispatch();
      } catch (IllegalStateException e) {
        // the container ended the exchange first (the client left): nobody is left to connect
        LOG.log(Level.DEBUG, "the upgrade request ended before the gateway decided", e);
        if (decided.upgrade() != null) {
          decided.upgrade().abandon();
        }
      }
    });
  }

  /** Carries out the decision left by {@link #start} in the dispatched request. */
  void dispatched(Decision decided, HttpServletRequest request, HttpServletResponse response) throws IOException {
    request.removeAttribute(DECIDED);
    ServerContainer container = serverContainer(request);
    if (container == null) {
      if (decided.upgrade() != null) {
        decided.upgrade().abandon();
      }
      notEnabled(request, response, decided.request());
      return;
    }
    carryOut(container, request, response, decided);
  }

  private void carryOut(ServerContainer container, HttpServletRequest request, HttpServletResponse response,
      Decision decided) throws IOException {
    WebSocketUpgrade upgrade = decided.upgrade();
    if (decided.failure() != null || upgrade == null || !upgrade.isAccepted()) {
      CompletionStage<GatewayResponse> answer = decided.failure() != null
          ? CompletableFuture.failedFuture(decided.failure())
          : upgrade == null
              ? CompletableFuture.failedFuture(new NullPointerException("gateway.upgrade answered null"))
              : CompletableFuture.completedFuture(upgrade.refusal());
      AsyncExchange.answer(gateway, request, response, decided.request(), answer);
      return;
    }
    try {
      container.upgradeHttpToWebSocket(request, response, endpointConfig(request, upgrade), Map.of());
    } catch (DeploymentException | IOException | RuntimeException e) {
      upgrade.abandon();
      LOG.log(Level.WARNING, "the container failed to upgrade " + describe(decided.request()), e);
      if (!response.isCommitted()) {
        response.reset();
        response.sendError(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
      }
      return;
    }
    if (response.getStatus() != HttpServletResponse.SC_SWITCHING_PROTOCOLS) {
      // the container refused the handshake itself (a missing Sec-WebSocket-Key, say) and answered it
      upgrade.abandon();
    }
  }

  private static ServerEndpointConfig endpointConfig(HttpServletRequest request, WebSocketUpgrade upgrade) {
    String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
    ServerEndpointConfig.Builder config = ServerEndpointConfig.Builder
        .create(GatewayWebSocketEndpoint.class, path.isEmpty() ? "/" : path)
        .configurator(new GatewayWebSocketEndpoint.Configurator(upgrade));
    if (upgrade.subprotocol() != null) {
      config.subprotocols(List.of(upgrade.subprotocol()));
    }
    return config.build();
  }

  private void notEnabled(HttpServletRequest request, HttpServletResponse response, GatewayRequest gatewayRequest) {
    if (toldHowToEnable.compareAndSet(false, true)) {
      LOG.log(Level.WARNING, "WebSocket upgrade requests are answered 501: the servlet context has no \""
          + SERVER_CONTAINER + "\" attribute. Enable Jakarta WebSocket in the container: on Jetty 12 call"
          + " JakartaWebSocketServletContainerInitializer.configure(context, null) before starting it; on"
          + " Tomcat 11 add context.addServletContainerInitializer(new WsSci(), null) (tomcat-embed-websocket)");
    }
    GatewayResponse answer = GatewayResponse.builder(HttpServletResponse.SC_NOT_IMPLEMENTED)
        .header("Content-Type", "application/json")
        .body(NOT_ENABLED)
        .build();
    AsyncExchange.answer(gateway, request, response, gatewayRequest, CompletableFuture.completedFuture(answer));
  }

  private static ServerContainer serverContainer(HttpServletRequest request) {
    return request.getServletContext().getAttribute(SERVER_CONTAINER) instanceof ServerContainer container
        ? container
        : null;
  }

  private static Decision decision(GatewayRequest request, WebSocketUpgrade upgrade, Throwable failure) {
    Throwable cause = failure instanceof CompletionException && failure.getCause() != null
        ? failure.getCause()
        : failure;
    return new Decision(request, upgrade, cause);
  }

  /** Method and path only: a query string may carry a key. */
  private static String describe(GatewayRequest request) {
    return request.method() + " " + request.mountPath() + request.rawPath();
  }
}
