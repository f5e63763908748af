package dev.gatehouse.runtime.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.Gateway;
import dev.gatehouse.GatewayRequest;
import dev.gatehouse.event.ProxyResponseV1;
import dev.gatehouse.event.WebSocketEvent;
import dev.gatehouse.integration.Integrations;
import dev.gatehouse.testing.MemoryChannel;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A WebSocket client behind a trusted proxy keeps the address {@code $connect} resolved from
 * {@code X-Forwarded-For} for every event of its connection and for {@code @connections}.
 */
class WebSocketSourceIpTest {
  private final BlockingQueue<WebSocketEvent> events = new LinkedBlockingQueue<>();
  private Gateway gateway;

  @AfterEach
  void stop() {
    gateway.close();
  }

  private ProxyResponseV1 record(WebSocketEvent event) {
    events.add(event);
    return null;
  }

  private MemoryChannel connect(String... trustedProxies) throws Exception {
    gateway = Gateway.builder().trustedProxies(trustedProxies).webSocketApi("chat", ws -> ws.stage("prod")
        .routeSelectionExpression("$request.body.action")
        .connectionsEndpoint(request -> true)
        .route("$connect", Integrations.webSocketFunction(this::record))
        .route("$default", Integrations.webSocketFunction(this::record))).build();
    GatewayRequest upgrade = GatewayRequest.builder("GET", "/prod").header("Host", "chat.example.com")
        .header("Upgrade", "websocket").header("X-Forwarded-For", "198.51.100.7, 192.0.2.44")
        .sourceIp("10.0.0.5").build();
    return MemoryChannel.connect(gateway, upgrade);
  }

  @Test
  void clientBehindATrustedProxyIsKnownByItsForwardedAddress() throws Exception {
    MemoryChannel client = connect("10.0.0.0/8");
    WebSocketEvent connected = events.poll(10, TimeUnit.SECONDS);
    client.receive("{\"action\":\"hello\"}");
    WebSocketEvent message = events.poll(10, TimeUnit.SECONDS);

    assertThat(connected.requestContext().identity().sourceIp()).isEqualTo("192.0.2.44");
    assertThat(message.requestContext().identity().sourceIp()).isEqualTo("192.0.2.44");
    String described = gateway.handle(GatewayRequest.builder("GET", "/prod/@connections/"
            + connected.requestContext().connectionId()).header("Host", "chat.example.com").build())
        .toCompletableFuture().get(10, TimeUnit.SECONDS).bodyAsString();
    assertThat(new ObjectMapper().readTree(described).at("/Identity/SourceIp").asText()).isEqualTo("192.0.2.44");
  }

  @Test
  void withoutTrustedProxiesTheForwardedHeaderIsIgnored() throws Exception {
    MemoryChannel client = connect();
    WebSocketEvent connected = events.poll(10, TimeUnit.SECONDS);
    client.receive("{\"action\":\"hello\"}");

    assertThat(connected.requestContext().identity().sourceIp()).isEqualTo("10.0.0.5");
    assertThat(events.poll(10, TimeUnit.SECONDS).requestContext().identity().sourceIp()).isEqualTo("10.0.0.5");
  }
}
