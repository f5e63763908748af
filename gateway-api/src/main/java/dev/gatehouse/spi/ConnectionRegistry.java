package dev.gatehouse.spi;

import dev.gatehouse.websocket.WebSocketConnection;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletionStage;

/**
 * Where a gateway's WebSocket connections are known beyond this instance, so that
 * {@code @connections} reaches a client connected to another instance of the application. The
 * runtime's in-process default knows only this instance's connections; a store module (Redis)
 * implements it across instances. Every method must not block.
 *
 * <p>The gateway looks for a connection among its own first; it asks the registry only for one it
 * does not hold, and a registry answers a connection no instance holds with a stage failed by a
 * {@link dev.gatehouse.websocket.ConnectionException} of kind {@code GONE}.
 */
public interface ConnectionRegistry extends AutoCloseable {
  /**
   * Called once when the gateway starts: calls from other instances for connections this one
   * holds are delivered to {@code local}.
   */
  void start(Local local);

  /** A connection opened on this instance. */
  CompletionStage<Void> connected(String api, String stage, WebSocketConnection connection);

  /** A connection of this instance closed. */
  CompletionStage<Void> disconnected(String api, String stage, String connectionId);

  /** Sends to a connection another instance holds. */
  CompletionStage<Void> post(String api, String stage, String connectionId, ByteBuffer data, boolean text);

  /** Looks up a connection another instance holds. */
  CompletionStage<WebSocketConnection> get(String api, String stage, String connectionId);

  /** Closes a connection another instance holds. */
  CompletionStage<Void> delete(String api, String stage, String connectionId);

  @Override
  default void close() {}

  /** This instance's connections, as the registry delivers other instances' calls to them. */
  interface Local {
    CompletionStage<Void> post(String api, String stage, String connectionId, ByteBuffer data, boolean text);

    CompletionStage<WebSocketConnection> get(String api, String stage, String connectionId);

    CompletionStage<Void> delete(String api, String stage, String connectionId);
  }
}
