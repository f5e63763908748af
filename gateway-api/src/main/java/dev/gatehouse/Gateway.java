package dev.gatehouse;

import dev.gatehouse.cache.StageCache;
import dev.gatehouse.websocket.WebSocketConnections;
import dev.gatehouse.websocket.WebSocketUpgrade;
import java.util.concurrent.CompletionStage;

/**
 * A running gateway: what server adapters call for each request. Thread-safe.
 *
 * <pre>{@code
 * Gateway gateway = Gateway.builder()
 *     .restApi("petstore", api -> api
 *         .stage("prod")
 *         .route("GET /pets/{id}", Integrations.function(Pets::get)))
 *     .build();
 * JdkHttpServerAdapter.mount(server, "/", gateway);
 * }</pre>
 */
public interface Gateway extends AutoCloseable {

  /** Starts a gateway definition; the only way in. */
  static GatewayBuilder builder() {
    return new GatewayBuilder();
  }

  /**
   * Handles one request. Never blocks the calling thread on I/O or user code; the stage always
   * completes normally, with a gateway response where the request could not be served.
   */
  CompletionStage<GatewayResponse> handle(GatewayRequest request);

  /**
   * Answers a WebSocket upgrade request (a {@code GET} with {@code Upgrade: websocket}): runs the
   * {@code $connect} route of the WebSocket API at the request's URL and accepts or refuses. A
   * transport calls it before it completes the handshake; see {@link WebSocketUpgrade}. Never
   * blocks; the stage always completes normally.
   *
   * @throws UnsupportedOperationException if this gateway serves no WebSocket APIs (a test double, say)
   */
  default CompletionStage<WebSocketUpgrade> upgrade(GatewayRequest request) {
    throw new UnsupportedOperationException(getClass().getName() + " serves no WebSocket APIs");
  }

  /**
   * AWS's {@code @connections} for one WebSocket API stage, in process.
   *
   * @throws IllegalArgumentException if there is no such WebSocket API or stage
   * @throws UnsupportedOperationException if this gateway serves no WebSocket APIs
   */
  default WebSocketConnections connections(String api, String stage) {
    throw new UnsupportedOperationException(getClass().getName() + " serves no WebSocket APIs");
  }

  /**
   * The response cache of one API stage, to flush or evict entries at run time.
   *
   * @throws IllegalArgumentException if there is no such API or stage, or the stage has no cache
   * @throws UnsupportedOperationException if this gateway keeps no caches
   */
  default StageCache cache(String api, String stage) {
    throw new UnsupportedOperationException(getClass().getName() + " keeps no caches");
  }

  /** The payload limit; adapters stop reading a body past it and pass the request on refused. */
  long maxRequestBodyBytes();

  /** The definition being served now. */
  GatewayDefinition definition();

  /**
   * Serves a new definition from the next request on; requests already routed finish on the old
   * one. Atomic: a request sees one definition or the other, never a mix.
   */
  void redeploy(GatewayDefinition definition);

  /** Stops the gateway's own threads; requests in flight complete. */
  @Override
  void close();

  /**
   * The API keys this gateway admits, to change at run time: added, disabled and removed keys take
   * effect from the next request, without a redeploy.
   *
   * @throws UnsupportedOperationException if this gateway keeps no keys (a test double, say)
   */
  default ApiKeys apiKeys() {
    throw new UnsupportedOperationException(getClass().getName() + " keeps no API keys");
  }

  /**
   * Requests per key and UTC day in a usage plan, with the quota left after each day, as AWS's
   * {@code GetUsage}: every key of the plan, each day from {@code startDate} to {@code endDate}
   * inclusive.
   *
   * @throws IllegalArgumentException if there is no such plan or the dates are reversed
   * @throws UnsupportedOperationException if this gateway keeps no usage
   */
  default CompletionStage<Usage> usage(String usagePlan, java.time.LocalDate startDate, java.time.LocalDate endDate) {
    throw new UnsupportedOperationException(getClass().getName() + " keeps no usage");
  }

}
