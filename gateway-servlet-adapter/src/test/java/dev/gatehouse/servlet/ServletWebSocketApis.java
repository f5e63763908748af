package dev.gatehouse.servlet;

import dev.gatehouse.Gateway;
import dev.gatehouse.testing.WebSocketContract;
import java.net.URI;

/** Serves the WebSocket API suite through a {@link GatewayServlet} in a container with WebSocket on. */
final class ServletWebSocketApis {
  private ServletWebSocketApis() {}

  static WebSocketContract.Served serve(ServletContainer container, Gateway gateway) throws Exception {
    URI http = container.webSocket().start(gateway, "/app", "/api/*");
    return new WebSocketContract.Served(URI.create(http.toString().replaceFirst("^http", "ws")), http, container);
  }
}
