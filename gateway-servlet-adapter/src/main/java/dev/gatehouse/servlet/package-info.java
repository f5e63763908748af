/**
 * Serves a gateway from any Jakarta Servlet 6 container (Jetty 12 ee10, Tomcat 11, ...).
 *
 * <p>Starting point: {@link dev.gatehouse.servlet.GatewayServlet}, registered with async support
 * under a path mapping such as {@code /api/*}. The other classes here are package-private: the
 * raw-path computation, the non-blocking body reader and response writers (buffered and streamed
 * bodies), and the exchange that ties them to
 * {@link dev.gatehouse.Gateway#handle(dev.gatehouse.GatewayRequest)}. This module sees
 * only gateway-api and the servlet API; it works with any {@link dev.gatehouse.Gateway}.
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
 *   <li>Logging goes through {@link System.Logger}, to keep the module free of a logging API;
 *       SLF4J users route it with {@code slf4j-jdk-platform-logging}.
 * </ul>
 */
package dev.gatehouse.servlet;
