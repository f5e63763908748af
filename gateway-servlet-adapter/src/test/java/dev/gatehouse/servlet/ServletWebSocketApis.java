package dev.gatehouse.servlet;

import dev.gatehouse.Gateway;
import dev.gatehouse.testing.WebSocketContract;
import dev.gatehouse.testing.WebSocketProtocolContract;
import java.net.URI;

/** Serves the runtime's WebSocket suites through a {@link GatewayServlet} in a container with WebSocket on. */
final class ServletWebSocketApis {
  private ServletWebSocketApis() {}

  static WebSocketContract.Served serve(ServletContainer container, Gateway gateway) throws Exception {
    URI http = container.webSocket().start(gateway, "/app", "/api/*");
    return new WebSocketContract.Served(webSocket(http), http, container);
  }

  /**
   * Serves the frame-level suite under a context path and a servlet mapping, so that the raw client's
   * handshake goes through both ({@code /app/ws/prod}).
   */
  static WebSocketProtocolContract.Served serveProtocol(ServletContainer container, Gateway gateway)
      throws Exception {
    return new WebSocketProtocolContract.Served(webSocket(container.webSocket().start(gateway, "/app", "/ws/*")),
        container);
  }

  private static URI webSocket(URI http) {
    return URI.create(http.toString().replaceFirst("^http", "ws"));
  }
}
