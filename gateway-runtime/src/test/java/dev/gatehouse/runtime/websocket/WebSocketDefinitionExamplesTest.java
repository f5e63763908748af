package dev.gatehouse.runtime.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.ApiDefinition;
import dev.gatehouse.Gateway;
import dev.gatehouse.GatewayDefinition;
import dev.gatehouse.GatewayRequest;
import dev.gatehouse.event.ProxyResponseV1;
import dev.gatehouse.event.WebSocketEvent;
import dev.gatehouse.integration.Integrations;
import dev.gatehouse.websocket.RouteSelectionExpression;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The WebSocket definition examples of the Javadoc, as users write them. */
class WebSocketDefinitionExamplesTest {
  /** The chat handlers the examples name. */
  static final class Chat {
    static ProxyResponseV1 connect(WebSocketEvent event) {
      return ProxyResponseV1.of(200, "");
    }

    static ProxyResponseV1 send(WebSocketEvent event) {
      return ProxyResponseV1.of(200, event.body());
    }
  }

  @Test
  void webSocketApiExampleDeclaresConnectAndMessageRoutes() {
    GatewayDefinition definition =
        // --- begin GatewayBuilder.webSocketApi Javadoc
        Gateway.builder().webSocketApi("chat", ws -> ws
            .stage("prod")
            .routeSelectionExpression("$request.body.action")
            .route("$connect", Integrations.webSocketFunction(Chat::connect))
            .route("sendMessage", Integrations.webSocketFunction(Chat::send)))
        // --- end
        .definition();

    assertThat(definition.api("chat").routes()).extracting(route -> route.key().toString())
        .containsExactly("$connect", "sendMessage");
  }

  @Test
  void settingsExampleRaisesTheIdleTimeout() {
    GatewayDefinition definition =
        // --- begin WebSocketSettings Javadoc
        Gateway.builder().webSocketApi("chat", ws -> ws
            .stage("prod")
            .routeSelectionExpression("$request.body.action")
            .idleTimeout(Duration.ofMinutes(30))
            .route("sendMessage", Integrations.webSocketFunction(Chat::send)))
        // --- end
        .definition();

    assertThat(definition.api("chat").webSocket().idleTimeout()).isEqualTo(Duration.ofMinutes(30));
  }

  @Test
  void connectionsGuardExampleChecksAHeader() {
    ApiDefinition api = Gateway.builder().webSocketApi("chat", ws -> ws
        .stage("prod")
        .routeSelectionExpression("$request.body.action")
        // --- begin ConnectionsGuard Javadoc
        .connectionsEndpoint(request -> "demo-admin-token".equals(request.headers().first("x-admin-token")))
        // --- end
    ).definition().api("chat");

    GatewayRequest admin = GatewayRequest.builder("GET", "/prod/@connections/x")
        .header("x-admin-token", "demo-admin-token").build();
    GatewayRequest stranger = GatewayRequest.builder("GET", "/prod/@connections/x").build();
    assertThat(api.webSocket().connectionsEndpoint().allows(admin)).isTrue();
    assertThat(api.webSocket().connectionsEndpoint().allows(stranger)).isFalse();
  }

  @Test
  void routeSelectionExpressionExampleHasTwoPaths() {
    // --- begin RouteSelectionExpression Javadoc
    RouteSelectionExpression expression = RouteSelectionExpression.parse("${request.body.service}/${request.body.action}");
    // --- end
    assertThat(expression.parts()).hasSize(3);
  }
}
