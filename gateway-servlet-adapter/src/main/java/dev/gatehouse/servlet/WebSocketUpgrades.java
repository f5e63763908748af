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
import dev.gatehouse.servlet.UpgradeRequests.Decision;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

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

  private static final System.Logger LOG = System.getLogger(GatewayServlet.class.getName());

  private final Gateway gateway;

  WebSocketUpgrades(Gateway gateway) {
    this.gateway = gateway;
  }

  /**
   * Asks the gateway about an upgrade request and carries out its decision, now when it is ready,
   * otherwise from a dispatch once it is.
   */
  void start(HttpServletRequest request, HttpServletResponse response) throws IOException {
    ServerContainer container = serverContainer(request);
    GatewayRequest gatewayRequest = ServletRequests.head(request).body(new byte[0]).build();
    if (container == null) {
      UpgradeRequests.notEnabled(gateway, request, response, gatewayRequest);
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
      request.setAttribute(UpgradeRequests.DECIDED, decided);
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
    request.removeAttribute(UpgradeRequests.DECIDED);
    ServerContainer container = serverContainer(request);
    if (container == null) {
      if (decided.upgrade() != null) {
        decided.upgrade().abandon();
      }
      UpgradeRequests.notEnabled(gateway, request, response, decided.request());
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

  private static ServerContainer serverContainer(HttpServletRequest request) {
    return request.getServletContext().getAttribute(UpgradeRequests.SERVER_CONTAINER) instanceof ServerContainer container
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
