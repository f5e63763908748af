package dev.gatehouse.testing;

import static org.assertj.core.api.Assertions.fail;

import dev.gatehouse.Gateway;
import dev.gatehouse.GatewayDefinition;
import dev.gatehouse.GatewayRequest;
import dev.gatehouse.GatewayResponse;
import dev.gatehouse.GatewayResponseType;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A stand-in for the engine behind the {@link Gateway} SPI, for adapter tests (the JDK server's
 * and the servlet's): records every request it is handed and answers with an echo by default, or
 * as configured. A request the adapter refused is answered as the engine would by default: the
 * refusal's status, {@code {"message": ...}} and its error type.
 */
public final class RecordingGateway implements Gateway {
  /** The thread that completes {@link #answerLater} answers. */
  public static final String LATER_THREAD = "recording-gateway-later";

  private final BlockingQueue<GatewayRequest> requests = new LinkedBlockingQueue<>();
  // creates its thread on the first answerLater, so a test that never calls it starts none
  private final ScheduledExecutorService later = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread thread = new Thread(r, LATER_THREAD);
    thread.setDaemon(true);
    return thread;
  });
  private volatile Function<GatewayRequest, CompletionStage<GatewayResponse>> responder =
      request -> CompletableFuture.completedFuture(echo(request));
  private volatile GatewayDefinition definition =
      new GatewayDefinition(List.of(), List.of(), GatewayDefinition.DEFAULT_MAX_REQUEST_BODY_BYTES, null);

  /** Answers every request that is not refused with {@code response}. */
  public RecordingGateway answer(GatewayResponse response) {
    return answerWith(request -> CompletableFuture.completedFuture(response));
  }

  /** Answers every request that is not refused with {@code responder}'s response. */
  public RecordingGateway answering(Function<GatewayRequest, GatewayResponse> responder) {
    return answerWith(request -> CompletableFuture.completedFuture(responder.apply(request)));
  }

  /**
   * Answers every request that is not refused with {@code responder}'s stage, however it ends; a
   * responder that throws throws from {@link #handle}, as a broken gateway would.
   */
  public RecordingGateway answerWith(Function<GatewayRequest, CompletionStage<GatewayResponse>> responder) {
    this.responder = responder;
    return this;
  }

  /** Answers with an echo completed from {@link #LATER_THREAD} after {@code delay}. */
  public RecordingGateway answerLater(Duration delay) {
    return answerWith(request -> {
      CompletableFuture<GatewayResponse> answer = new CompletableFuture<>();
      later.schedule(() -> answer.complete(echo(request).toBuilder()
              .header("X-Completed-On", Thread.currentThread().getName()).build()),
          delay.toMillis(), TimeUnit.MILLISECONDS);
      return answer;
    });
  }

  /** Sets the payload limit the adapter reads from {@link #maxRequestBodyBytes()}. */
  public RecordingGateway maxRequestBodyBytes(long bytes) {
    GatewayDefinition d = definition;
    definition = new GatewayDefinition(d.apis(), d.basePathMappings(), bytes, d.handlerExecutor());
    return this;
  }

  /** The oldest request not taken yet, waiting a bounded time for it. */
  public GatewayRequest takeRequest() throws InterruptedException {
    GatewayRequest request = requests.poll(10, TimeUnit.SECONDS);
    if (request == null) {
      fail("the gateway was not called within 10 seconds");
    }
    return request;
  }

  /** The number of requests handed to the gateway and not yet taken. */
  public int pendingRequests() {
    return requests.size();
  }

  /**
   * 200 with the request's body and Content-Type, and its method and raw path in {@code X-Echo-*}
   * fields, so a client can tell what the gateway was handed.
   */
  public static GatewayResponse echo(GatewayRequest request) {
    ByteBuffer body = request.body();
    byte[] bytes = new byte[body.remaining()];
    body.get(bytes);
    String contentType = request.headers().first("Content-Type");
    return GatewayResponse.builder(200)
        .header("Content-Type", contentType == null ? "application/octet-stream" : contentType)
        .header("X-Echo-Method", request.method())
        .header("X-Echo-Path", request.rawPath())
        .body(bytes)
        .build();
  }

  private static GatewayResponse refusal(GatewayResponseType type) {
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

  /** Stops the {@link #LATER_THREAD}, if {@link #answerLater} started it. */
  @Override
  public void close() {
    later.shutdownNow();
  }
}
