/**
 * Serves a gateway from the JDK's built-in HTTP server ({@code com.sun.net.httpserver}), with no
 * other server on the class path.
 *
 * <p>Starting point: {@link dev.gatehouse.jdkserver.JdkHttpServerAdapter#mount}, and
 * {@link dev.gatehouse.jdkserver.JdkHttpServerAdapter#recommendedSystemProperties()} for the JVM
 * options an exposed server needs. The adapter only translates between the JDK's exchange and
 * {@link dev.gatehouse.GatewayRequest} / {@link dev.gatehouse.GatewayResponse}; routing, limits and
 * gateway responses are the gateway's.
 *
 * <p>WebSocket APIs are served by {@link dev.gatehouse.jdkserver.JdkWebSocketServer}, on a port of its
 * own: the JDK server answers every exchange itself and offers no way to hand the connection of an
 * upgraded request over to another protocol, so the handshake and the frames are Java-WebSocket's.
 * The server translates each handshake into a {@link dev.gatehouse.GatewayRequest} for
 * {@link dev.gatehouse.Gateway#upgrade} and each connection into the
 * {@link dev.gatehouse.websocket.WebSocketChannel} / {@link dev.gatehouse.websocket.WebSocketSession} pair.
 */
package dev.gatehouse.jdkserver;
