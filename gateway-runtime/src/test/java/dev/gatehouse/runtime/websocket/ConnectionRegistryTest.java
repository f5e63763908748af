package dev.gatehouse.runtime.websocket;

import static dev.gatehouse.runtime.websocket.WebSocketRoutingTest.upgrade;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.Gateway;
import dev.gatehouse.event.WebSocketEvent;
import dev.gatehouse.integration.Integrations;
import dev.gatehouse.spi.ConnectionRegistry;
import dev.gatehouse.testing.MemoryChannel;
import dev.gatehouse.websocket.WebSocketConnection;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code @connections} across instances goes through the {@link ConnectionRegistry} SPI both ways. */
class ConnectionRegistryTest {
  private final RecordingRegistry registry = new RecordingRegistry();
  private final BlockingQueue<WebSocketEvent> connects = new LinkedBlockingQueue<>();
  private Gateway gateway;

  @BeforeEach
  void start() {
    gateway = Gateway.builder()
        .connectionRegistry(registry)
        .webSocketApi("chat", ws -> ws.stage("prod")
            .routeSelectionExpression("$request.body.action")
            .route("$connect", Integrations.webSocketFunction(event -> {
              connects.add(event);
              return null;
            })))
        .build();
  }

  @AfterEach
  void stop() {
    gateway.close();
  }

  @Test
  void openAndCloseAreRegistered() throws Exception {
    MemoryChannel client = MemoryChannel.connect(gateway, upgrade("/prod"));
    String id = connects.poll(10, TimeUnit.SECONDS).requestContext().connectionId();

    client.clientCloses(1000, "");

    assertThat(registry.calls).containsExactly("connected chat/prod/" + id, "disconnected chat/prod/" + id);
  }

  @Test
  void postToAConnectionThisInstanceDoesNotHoldGoesToTheRegistry() throws Exception {
    gateway.connections("chat", "prod").post("elsewhere-0123=", "hi").toCompletableFuture().get(10, TimeUnit.SECONDS);

    assertThat(registry.calls).containsExactly("post chat/prod/elsewhere-0123= hi");
  }

  @Test
  void registryDeliversAnotherInstancesPostToALocalConnection() throws Exception {
    MemoryChannel client = MemoryChannel.connect(gateway, upgrade("/prod"));
    String id = connects.poll(10, TimeUnit.SECONDS).requestContext().connectionId();

    registry.local.post("chat", "prod", id, ByteBuffer.wrap("from afar".getBytes(StandardCharsets.UTF_8)), true)
        .toCompletableFuture().get(10, TimeUnit.SECONDS);

    assertThat(client.nextText()).isEqualTo("from afar");
    assertThat(registry.local.get("chat", "prod", id).toCompletableFuture().get(10, TimeUnit.SECONDS).connectionId())
        .isEqualTo(id);
    assertThat(registry.local.get("chat", "prod", "nobody")).failsWithin(java.time.Duration.ofSeconds(10));
  }

  /** A registry of another instance's connections, as a Redis one would be, recording its calls. */
  private static final class RecordingRegistry implements ConnectionRegistry {
    final List<String> calls = new CopyOnWriteArrayList<>();
    Local local;

    @Override
    public void start(Local local) {
      this.local = local;
    }

    @Override
    public CompletionStage<Void> connected(String api, String stage, WebSocketConnection connection) {
      calls.add("connected " + api + "/" + stage + "/" + connection.connectionId());
      return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletionStage<Void> disconnected(String api, String stage, String connectionId) {
      calls.add("disconnected " + api + "/" + stage + "/" + connectionId);
      return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletionStage<Void> post(String api, String stage, String connectionId, ByteBuffer data, boolean text) {
      calls.add("post " + api + "/" + stage + "/" + connectionId + " " + StandardCharsets.UTF_8.decode(data));
      return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletionStage<WebSocketConnection> get(String api, String stage, String connectionId) {
      return CompletableFuture.completedFuture(new WebSocketConnection(connectionId, Instant.EPOCH, Instant.EPOCH,
          "10.0.0.9", null));
    }

    @Override
    public CompletionStage<Void> delete(String api, String stage, String connectionId) {
      calls.add("delete " + api + "/" + stage + "/" + connectionId);
      return CompletableFuture.completedFuture(null);
    }
  }
}
