package dev.gatehouse.integration;

/** The event and response format between the gateway and a function, as AWS versions it. */
public enum PayloadFormat {
  /** AWS's 1.0: {@code ProxyEventV1} in, {@code ProxyResponseV1} out. REST APIs use only this. */
  V1_0("1.0"),
  /** AWS's 2.0: {@code ProxyEventV2} in, {@code ProxyResponseV2} or any value out. */
  V2_0("2.0"),
  /** AWS's WebSocket event: {@code WebSocketEvent} in, {@code ProxyResponseV1} out. WebSocket APIs use only this. */
  WEBSOCKET("websocket");

  private final String version;

  PayloadFormat(String version) {
    this.version = version;
  }

  /** The version as AWS writes it in events: {@code 1.0} or {@code 2.0} ({@code websocket} has none). */
  public String version() {
    return version;
  }
}
