package dev.gatehouse.servlet;

import dev.gatehouse.Gateway;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Objects;

/**
 * A Jakarta Servlet 6 servlet that serves a {@link Gateway}: it translates each request into a
 * {@link dev.gatehouse.GatewayRequest}, calls {@link Gateway#handle}, and writes the
 * {@link dev.gatehouse.GatewayResponse} back. It adds no behaviour of its own.
 *
 * <p>Registration. The servlet must be registered with async support, and so must every filter
 * in front of it: it reads the body and writes the answer with non-blocking I/O and never holds a
 * container thread while the gateway works. Without async support every request fails with a
 * {@link ServletException} that says so. A request without a body whose answer is ready as soon as
 * the gateway is called (a mock, a cached answer, a refusal, a function that completes at once) and
 * fits the response buffer is answered on the calling thread with no async processing at all: the
 * answer only fills the buffer, which the container sends when the servlet returns. It has no no-argument constructor, so it is registered
 * programmatically, not in {@code web.xml}:
 *
 * <pre>{@code
 * // Jetty 12 (ee10)
 * Server server = new Server(8080);
 * ServletContextHandler context = new ServletContextHandler("/app");
 * ServletHolder holder = new ServletHolder("gateway", new GatewayServlet(gateway));
 * holder.setAsyncSupported(true);
 * context.addServlet(holder, "/api/*");
 * server.setHandler(context);
 * server.start();
 *
 * // Tomcat 11
 * Tomcat tomcat = new Tomcat();
 * tomcat.setPort(8080);
 * tomcat.getConnector();
 * Context app = tomcat.addContext("/app", docBase);
 * Wrapper wrapper = Tomcat.addServlet(app, "gateway", new GatewayServlet(gateway));
 * wrapper.setAsyncSupported(true);
 * app.addServletMapping("/api/*", "gateway");
 * tomcat.start();
 *
 * // any container, from a ServletContainerInitializer or a ServletContextListener
 * ServletRegistration.Dynamic registration =
 *     servletContext.addServlet("gateway", new GatewayServlet(gateway));
 * registration.setAsyncSupported(true);
 * registration.addMapping("/api/*");
 * }</pre>
 *
 * <p>Mount point. With a path mapping such as {@code /api/*} under the context {@code /app}, the
 * gateway is mounted at {@code /app/api}, and {@code GET /app/api/prod/pets?limit=2} reaches it as
 * raw path {@code /prod/pets} and raw query {@code limit=2}. The raw path keeps the client's
 * percent-encoding, but only for the path the container dispatched: dot segments the container
 * resolved are resolved in it too, and where the two cannot be matched the container's decoded path
 * is re-encoded. With any other mapping ({@code /}, an exact path, an extension) the gateway is
 * mounted at the context path. Header names and values are passed as the container reports them:
 * names in order of first appearance, each name's values in order.
 *
 * <p>Bodies and limits. A body whose Content-Length exceeds {@link Gateway#maxRequestBodyBytes()}
 * is not read; a chunked body is read until it passes the limit and no further. Either way the
 * request reaches the gateway with an empty body, refused as
 * {@link dev.gatehouse.GatewayResponseType#REQUEST_TOO_LARGE}, and its answer carries
 * {@code Connection: close} so that the unread rest of the body cannot be taken for a next request.
 *
 * <p>Answers. Status, every header field (a repeated name is written as repeated fields) and the
 * body are written as the gateway gave them, with a Content-Length of the adapter's own. A HEAD
 * answer has no body.
 *
 * <p>Streamed bodies. A {@linkplain dev.gatehouse.GatewayResponse#isStreamed() streamed} body is
 * written as it arrives, with non-blocking writes: with a Content-Length when its length is known,
 * chunked by the container otherwise. One buffer is requested at a time, the next only once the
 * container reports the last write done, and what arrived is flushed whenever the source has no
 * more at hand. A body that fails midway (its publisher reports an error, or a body of declared
 * length ends short or runs long) must not end like a whole one, and the servlet API has no call to
 * abort a committed response; so the exchange is dispatched back to this servlet, which throws an
 * exception saying so, and the container closes the connection. The container logs that exception
 * (Tomcat at SEVERE, Jetty at WARN), one line each. A client that goes away cancels the stream. The async timeout is 0 (none): the gateway bounds its integrations itself
 * and always answers, and a container timeout would only race it. Should the gateway's stage fail
 * anyway, the client gets 500 {@code {"message":"Internal server error"}} and the failure is logged
 * through {@link System.Logger} under this class's name.
 *
 * <p>WebSocket. A {@code GET} with {@code Upgrade: websocket} and {@code Connection: upgrade} goes to
 * {@link Gateway#upgrade} instead, translated like any request. A refused upgrade is answered with
 * the gateway's response, like any answer. An accepted one is completed with the container's own
 * Jakarta WebSocket 2.1 {@code ServerContainer#upgradeHttpToWebSocket}: no endpoint is registered
 * up front, but WebSocket support must be on in the context, and the servlet's mapping must cover
 * the WebSocket API's stage URL ({@code /api/*} covers {@code ws://host/app/api/prod}). Without
 * WebSocket support, upgrades get 501 and the servlet logs once how to enable it:
 *
 * <pre>{@code
 * // Jetty 12 (ee10), before server.start(); needs jetty-ee10-websocket-jakarta-server
 * JakartaWebSocketServletContainerInitializer.configure(context, null);
 *
 * // Tomcat 11, before tomcat.start(); needs tomcat-embed-websocket
 * app.addServletContainerInitializer(new WsSci(), null);
 * }</pre>
 *
 * <p>No container thread waits while the gateway decides (its {@code $connect} route may call a
 * backend): the request goes async and, once decided, is dispatched back to this servlet, which
 * completes the handshake. The connection's endpoint delivers whole messages, closes with 1009 past
 * the upgrade's message limit (counted in UTF-8 bytes for text), lets the gateway enforce the idle
 * timeout (the container's is set a minute longer), and sends one message at a time from a queue, as
 * Jakarta's async remote requires. A gateway that serves no WebSocket APIs (its {@code upgrade}
 * throws {@link UnsupportedOperationException}) gets upgrade requests through {@link Gateway#handle}
 * like any other.
 *
 * <p>Thread-safe: one instance serves every request.
 */
public final class GatewayServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;

  /** The servlet holds a live gateway, which a container has no reason to serialise. */
  private final transient Gateway gateway;
  /** Created on the first upgrade request: it needs the Jakarta WebSocket API, which a container may lack. */
  private transient volatile WebSocketUpgrades webSocketUpgrades;

  /**
   * A servlet serving {@code gateway}.
   *
   * @param gateway the gateway to serve; the caller keeps ownership and closes it
   */
  public GatewayServlet(Gateway gateway) {
    this.gateway = Objects.requireNonNull(gateway, "gateway");
  }

  /**
   * Starts async processing and returns; the answer is written when the gateway completes.
   *
   * @throws ServletException if the servlet, or a filter in front of it, was registered without
   *     async support
   */
  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws ServletException, IOException {
    if (request.getDispatcherType() == DispatcherType.ASYNC
        && request.getAttribute(AbortedResponse.ATTRIBUTE) instanceof AbortedResponse aborted) {
      // the exchange's own dispatch: a streamed body failed after the response was committed
      throw aborted;
    }
    if (request.getDispatcherType() == DispatcherType.ASYNC
        && request.getAttribute(UpgradeRequests.DECIDED) instanceof UpgradeRequests.Decision decided) {
      // the gateway decided an upgrade while the request was async; the handshake ends here
      webSocketUpgrades().dispatched(decided, request, response);
      return;
    }
    if (!request.isAsyncSupported()) {
      throw new ServletException("servlet \"" + getServletName() + "\": async support is off"
          + " (expected: GatewayServlet and every filter in front of it registered with"
          + " setAsyncSupported(true))");
    }
    if (UpgradeRequests.isUpgrade(request) && !UpgradeRequests.apiPresent()) {
      UpgradeRequests.notEnabled(gateway, request, response, ServletRequests.head(request).body(new byte[0]).build());
    } else if (UpgradeRequests.isUpgrade(request)) {
      webSocketUpgrades().start(request, response);
    } else {
      AsyncExchange.start(gateway, request, response);
    }
  }

  private WebSocketUpgrades webSocketUpgrades() {
    WebSocketUpgrades upgrades = webSocketUpgrades;
    if (upgrades == null) {
      synchronized (this) {
        if (webSocketUpgrades == null) {
          webSocketUpgrades = new WebSocketUpgrades(gateway);
        }
        upgrades = webSocketUpgrades;
      }
    }
    return upgrades;
  }
}
