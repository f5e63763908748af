package dev.gatehouse.benchmarks.websocket;

import java.util.Locale;

/** What serves the WebSocket clients: Java-WebSocket alone, or Gatehouse on it. */
public enum WebSocketVariant {
  /** A bare Java-WebSocket {@code WebSocketServer}: echoes in {@code onMessage}, fans out with {@code conn.send}. */
  BARE,
  /** {@code JdkWebSocketServer} serving a WebSocket API: an echo route, fan-out through {@code @connections}. */
  GATEWAY;

  /** The name in arguments, JSON and BENCHMARKS.md: {@code bare} or {@code gateway}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  static WebSocketVariant parse(String label) {
    for (WebSocketVariant variant : values()) {
      if (variant.label().equals(label)) {
        return variant;
      }
    }
    throw new IllegalArgumentException("--variant: \"" + label + "\" (expected: bare or gateway)");
  }
}
