package dev.gatehouse.jdkserver;

import static org.assertj.core.api.Assertions.fail;

import dev.gatehouse.Gateway;
import dev.gatehouse.GatewayDefinition;
import dev.gatehouse.GatewayRequest;
import dev.gatehouse.GatewayResponse;
import dev.gatehouse.GatewayResponseType;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A hand-written gateway for adapter tests: records every request it is handed and answers with a
 * configurable responder (an echo by default). A request the adapter refused is answered as the
 * engine would by default: the refusal's status, {@code {"message": ...}} and its error type.
 */
final class RecordingGateway implements Gateway {
  private final BlockingQueue<GatewayRequest> requests = new LinkedBlockingQueue<>();
  private volatile GatewayDefinition definition;
  private volatile Function<GatewayRequest, CompletionStage<GatewayResponse>> responder =
      request -> CompletableFuture.completedFuture(echo(request));

  RecordingGateway(long maxRequestBodyBytes) {
    this.definition = new GatewayDefinition(List.of(), List.of(), maxRequestBodyBytes, null);
  }

  RecordingGateway() {
    this(GatewayDefinition.DEFAULT_MAX_REQUEST_BODY_BYTES);
  }

  /** Answers every request that is not refused with {@code responder}'s response. */
  RecordingGateway answering(Function<GatewayRequest, GatewayResponse> responder) {
    this.responder = request -> CompletableFuture.completedFuture(responder.apply(request));
    return this;
  }

  /** Answers every request that is not refused with {@code responder}'s stage, however it ends. */
  RecordingGateway answeringLater(Function<GatewayRequest, CompletionStage<GatewayResponse>> responder) {
    this.responder = responder;
    return this;
  }

  /** The next request the gateway was handed, waiting a bounded time for it. */
  GatewayRequest takeRequest() throws InterruptedException {
    GatewayRequest request = requests.poll(10, TimeUnit.SECONDS);
    if (request == null) {
      fail("the gateway was not called within 10 seconds");
    }
    return request;
  }

  /** The number of requests handed to the gateway and not yet taken. */
  int pendingRequests() {
    return requests.size();
  }

  /** 200 with the request's body and its Content-Type. */
  static GatewayResponse echo(GatewayRequest request) {
    ByteBuffer body = request.body();
    byte[] bytes = new byte[body.remaining()];
    body.get(bytes);
    GatewayResponse.Builder response = GatewayResponse.builder(200).body(bytes);
    String contentType = request.headers().first("Content-Type");
    return response.header("Content-Type", contentType == null ? "application/octet-stream" : contentType).build();
  }

  static GatewayResponse refusal(GatewayResponseType type) {
    return GatewayResponse.builder(type.defaultStatus())
        .header("Content-Type", "application/json")
        .header("x-amzn-ErrorType", type.errorType())
        .body("{\"message\":\"" + type.defaultMessage() + "\"}")
        .build();
  }

  @Override
  public CompletionStage<GatewayResponse> handle(GatewayRequest request) {
    requests.add(request);
    if (request.refusal() != null) {
      return CompletableFuture.completedFuture(refusal(request.refusal()));
    }
    return responder.apply(request);
  }

  @Override
  public long maxRequestBodyBytes() {
    return definition.maxRequestBodyBytes();
  }

  @Override
  public GatewayDefinition definition() {
    return definition;
  }

  @Override
  public void redeploy(GatewayDefinition definition) {
    this.definition = definition;
  }

  @Override
  public void close() {}
}
