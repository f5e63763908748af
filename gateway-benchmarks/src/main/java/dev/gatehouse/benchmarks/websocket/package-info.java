/**
 * The WebSocket benchmark: echo round trips and fan-out to 1,000 clients, through Gatehouse on
 * {@code JdkWebSocketServer} and on a bare Java-WebSocket server, the same library without the
 * gateway, each in its own JVM, loaded over loopback from another core.
 *
 * <p>Starting points: {@link dev.gatehouse.benchmarks.websocket.WebSocketBenchmark} (the orchestrator's
 * main); {@link dev.gatehouse.benchmarks.websocket.WebSocketServerMain} (one server per process);
 * {@link dev.gatehouse.benchmarks.websocket.WebSocketRun} (what {@code websocket.json} holds).
 */
package dev.gatehouse.benchmarks.websocket;
