package dev.gatehouse.runtime.websocket;

import static dev.gatehouse.runtime.websocket.WebSocketRoutingTest.upgrade;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.Gateway;
import dev.gatehouse.GatewayDefinition;
import dev.gatehouse.event.WebSocketEvent;
import dev.gatehouse.integration.Integrations;
import dev.gatehouse.runtime.internal.RuntimeEngine;
import dev.gatehouse.testing.ManualClock;
import dev.gatehouse.testing.MemoryChannel;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Idle timeout, maximum duration and redeploys, on a clock the test moves. */
class WebSocketTimeoutsTest {
  private final ManualClock clock = new ManualClock(Instant.parse("2026-11-24T10:00:00Z"));
  private final BlockingQueue<WebSocketEvent> events = new LinkedBlockingQueue<>();
  private final BlockingQueue<String> connected = new LinkedBlockingQueue<>();
  private Gateway gateway;

  @AfterEach
  void close() {
    gateway.close();
  }

  private GatewayDefinition chat(String replyRoute) {
    return Gateway.builder().webSocketApi("chat", ws -> ws.stage("prod")
        .routeSelectionExpression("$request.body.action")
        .idleTimeout(Duration.ofMinutes(1))
        .maxConnectionDuration(Duration.ofMinutes(5))
        .route("$connect", Integrations.webSocketFunction(event -> {
          connected.add(event.requestContext().connectionId());
          return null;
        }))
        .route("$disconnect", Integrations.webSocketFunction(event -> {
          events.add(event);
          return null;
        }))
        .route("$default", Integrations.mock(200, "{\"route\":\"" + replyRoute + "\"}"), route -> route.routeResponse()))
        .definition();
  }

  private MemoryChannel connect() throws Exception {
    gateway = new RuntimeEngine(clock).start(chat("first"));
    return MemoryChannel.connect(gateway, upgrade("/prod"));
  }

  @Test
  void idleConnectionIsClosedWith1001() throws Exception {
    MemoryChannel client = connect();

    clock.advance(Duration.ofSeconds(61));

    assertThat(client.closedWith()).isEqualTo("1001 Going away");
    assertThat(events.poll(10, TimeUnit.SECONDS).requestContext().disconnectStatusCode()).isEqualTo(1001);
  }

  @Test
  void messagesKeepAConnectionFromIdling() throws Exception {
    MemoryChannel client = connect();

    clock.advance(Duration.ofSeconds(50));
    client.receive("still here");
    assertThat(client.nextText()).isEqualTo("{\"route\":\"first\"}");
    clock.advance(Duration.ofSeconds(50));

    assertThat(client.quietFor(1500)).isTrue();
    assertThat(client.isClosed()).isFalse();
  }

  @Test
  void lastActiveAtFollowsTheClientsMessages() throws Exception {
    MemoryChannel client = connect();
    String id = connected.poll(10, TimeUnit.SECONDS);
    Instant connected = gateway.connections("chat", "prod").get(id).toCompletableFuture().get().connectedAt();

    clock.advance(Duration.ofSeconds(30));
    client.receive("ping");

    assertThat(gateway.connections("chat", "prod").get(id).toCompletableFuture().get().lastActiveAt())
        .isEqualTo(connected.plusSeconds(30));
  }

  @Test
  void connectionOlderThanTheMaximumIsClosedEvenWhenBusy() throws Exception {
    MemoryChannel client = connect();

    for (int minute = 0; minute < 5; minute++) {
      clock.advance(Duration.ofSeconds(59));
      client.receive("busy");
      client.nextText();
    }
    clock.advance(Duration.ofSeconds(6));

    assertThat(client.closedWith()).isEqualTo("1001 Going away");
  }

  @Test
  void redeployKeepsConnectionsAndRoutesOnTheNewDefinition() throws Exception {
    MemoryChannel client = connect();

    gateway.redeploy(chat("second"));
    client.receive("hello");

    assertThat(client.nextText()).isEqualTo("{\"route\":\"second\"}");
    assertThat(client.isClosed()).isFalse();
  }

  @Test
  void redeployWithoutTheApiClosesItsConnections() throws Exception {
    MemoryChannel client = connect();

    gateway.redeploy(Gateway.builder().httpApi("other", api -> api.route("GET /x", Integrations.mock(200)))
        .definition());

    assertThat(client.closedWith()).isEqualTo("1001 Going away");
  }
}
