/**
 * Serves a gateway from the JDK's built-in HTTP server ({@code com.sun.net.httpserver}), with no
 * other server on the class path.
 *
 * <p>Starting point: {@link dev.gatehouse.jdkserver.JdkHttpServerAdapter#mount}, and
 * {@link dev.gatehouse.jdkserver.JdkHttpServerAdapter#recommendedSystemProperties()} for the JVM
 * options an exposed server needs. The adapter only translates between the JDK's exchange and
 * {@link dev.gatehouse.GatewayRequest} / {@link dev.gatehouse.GatewayResponse}; routing, limits and
 * gateway responses are the gateway's.
 */
package dev.gatehouse.jdkserver;
