package dev.gatehouse.servlet;

import dev.gatehouse.Gateway;
import dev.gatehouse.GatewayRequest;
import dev.gatehouse.GatewayResponse;
import dev.gatehouse.websocket.WebSocketUpgrade;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.System.Logger.Level;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What the servlet knows of WebSocket upgrades without the Jakarta WebSocket API: which requests
 * are upgrades, and the 501 for a container that cannot carry them. Kept apart from
 * {@link WebSocketUpgrades} so that a container without Jakarta WebSocket on its class path serves
 * every other request: only an upgrade request loads the classes that need it.
 */
final class UpgradeRequests {
  /** The servlet context attribute under which Jakarta WebSocket 2.x containers publish themselves. */
  static final String SERVER_CONTAINER = "jakarta.websocket.server.ServerContainer";
  /** The request attribute carrying a decided upgrade into the dispatched request. */
  static final String DECIDED = "dev.gatehouse.servlet.UpgradeRequests.decided";

  private static final System.Logger LOG = System.getLogger(GatewayServlet.class.getName());
  private static final String NOT_ENABLED = "{\"message\":\"WebSocket is not enabled in this servlet container\"}";
  private static final AtomicBoolean TOLD_HOW_TO_ENABLE = new AtomicBoolean();
  private static final boolean API_PRESENT = isPresent(SERVER_CONTAINER);

  private UpgradeRequests() {}

  /** The gateway's answer to one upgrade request: an upgrade, or why there is none. */
  record Decision(GatewayRequest request, WebSocketUpgrade upgrade, Throwable failure) {}

  /** Whether the Jakarta WebSocket API is on the class path, so that {@link WebSocketUpgrades} can load. */
  static boolean apiPresent() {
    return API_PRESENT;
  }

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

  /** Answers 501, and tells once in the log how to turn WebSocket on. */
  static void notEnabled(Gateway gateway, HttpServletRequest request, HttpServletResponse response,
      GatewayRequest gatewayRequest) {
    if (TOLD_HOW_TO_ENABLE.compareAndSet(false, true)) {
      LOG.log(Level.WARNING, "WebSocket upgrade requests are answered 501: the servlet context has no \""
          + SERVER_CONTAINER + "\" attribute" + (API_PRESENT ? "" : " and the Jakarta WebSocket API is not on the"
          + " class path") + ". Enable Jakarta WebSocket in the container: on Jetty 12 call"
          + " JakartaWebSocketServletContainerInitializer.configure(context, null) before starting it; on"
          + " Tomcat 11 add context.addServletContainerInitializer(new WsSci(), null) (tomcat-embed-websocket)");
    }
    GatewayResponse answer = GatewayResponse.builder(HttpServletResponse.SC_NOT_IMPLEMENTED)
        .header("Content-Type", "application/json")
        .body(NOT_ENABLED)
        .build();
    AsyncExchange.answer(gateway, request, response, gatewayRequest, CompletableFuture.completedFuture(answer));
  }

  private static boolean isPresent(String className) {
    try {
      Class.forName(className, false, UpgradeRequests.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }
}
