/**
 * Serves a gateway from any Jakarta Servlet 6 container (Jetty 12 ee10, Tomcat 11, ...).
 *
 * <p>Starting point: {@link dev.gatehouse.servlet.GatewayServlet}, registered with async support
 * under a path mapping such as {@code /api/*}. The other classes here are package-private: the
 * raw-path computation, the non-blocking body reader and response writers (buffered and streamed
 * bodies), and the exchange that ties them to
 * {@link dev.gatehouse.Gateway#handle(dev.gatehouse.GatewayRequest)}. WebSocket upgrades go to
 * {@link dev.gatehouse.Gateway#upgrade(dev.gatehouse.GatewayRequest)} and, when accepted, to
 * {@link dev.gatehouse.servlet.GatewayWebSocketEndpoint}, a Jakarta WebSocket endpoint created per
 * connection (public only because Jetty requires it). This module sees only gateway-api, the servlet
 * API and the Jakarta WebSocket 2.1 API; it works with any {@link dev.gatehouse.Gateway}.
 *
 * <p>Decisions, so that nobody has to rediscover them:
 * <ul>
 *   <li>No blocking fallback without async support: it would hold a container thread on the
 *       gateway's stage, which the gateway's design rules out. The servlet fails with a message
 *       naming {@code setAsyncSupported(true)} instead.
 *   <li>Async timeout 0: the gateway's integration timeouts bound every request.
 *   <li>Path normalisation is the container's: hostile paths ({@code ..}, {@code %2e%2e},
 *       {@code %2f}) are refused or resolved by it before the servlet runs, and the raw path
 *       passed on follows what the container dispatched.
 *   <li>A streamed body that fails midway is aborted by dispatching the exchange back to the servlet,
 *       which throws: the servlet API cannot abort a committed response, and every container closes
 *       the connection on a throw after commit (Jetty's {@code sendError(-1)} would do it too, but
 *       only in Jetty). The head of a streamed answer is flushed before its body, so the response is
 *       always committed by then.
 *   <li>WebSocket handshakes use {@code ServerContainer#upgradeHttpToWebSocket} (Jakarta WebSocket
 *       2.1), not a deployed {@code @ServerEndpoint}: the gateway decides per request, after its
 *       {@code $connect} route, which URL is a WebSocket API. The handshake is completed in an async
 *       dispatch back to the servlet once the gateway has decided; Jetty 12 and Tomcat 11 both
 *       upgrade a dispatched request, so no thread ever waits on the decision.
 *   <li>The endpoint's sends are queued and written one at a time: Jakarta allows one outstanding
 *       async send per session (Tomcat throws {@code TEXT_FULL_WRITING} on a second). A close is
 *       queued behind the messages sent before it.
 *   <li>A text message is limited in UTF-8 bytes, as the gateway's limit is, although Tomcat
 *       counts its text buffer in chars.
 *   <li>Logging goes through {@link System.Logger}, to keep the module free of a logging API;
 *       SLF4J users route it with {@code slf4j-jdk-platform-logging}.
 * </ul>
 */
package dev.gatehouse.servlet;
