/**
 * Serves a gateway from any Jakarta Servlet 6 container (Jetty 12 ee10, Tomcat 11, ...).
 *
 * <p>Starting point: {@link dev.gatehouse.servlet.GatewayServlet}, registered with async support
 * under a path mapping such as {@code /api/*}. The other classes here are package-private: the
 * raw-path computation, the non-blocking body reader and response writer, and the exchange that
 * ties them to {@link dev.gatehouse.Gateway#handle(dev.gatehouse.GatewayRequest)}. This module sees
 * only gateway-api and the servlet API; it works with any {@link dev.gatehouse.Gateway}.
 */
package dev.gatehouse.servlet;
