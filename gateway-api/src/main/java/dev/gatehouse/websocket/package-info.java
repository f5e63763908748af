/**
 * WebSocket APIs: the transport SPI ({@link dev.gatehouse.websocket.WebSocketUpgrade},
 * {@link dev.gatehouse.websocket.WebSocketChannel}, {@link dev.gatehouse.websocket.WebSocketSession})
 * that server adapters implement, AWS's {@code @connections} in process
 * ({@link dev.gatehouse.websocket.WebSocketConnections}), and the route selection expression.
 */
package dev.gatehouse.websocket;
