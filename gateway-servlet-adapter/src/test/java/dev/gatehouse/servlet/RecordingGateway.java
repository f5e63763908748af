package dev.gatehouse.servlet;

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
 * A stand-in for the engine behind the {@link Gateway} SPI: records each request and answers with
 * an echo, a configured answer, or an echo completed later from its own thread. A request the
 * adapter refused is answered with the refusal's default status, as the engine would.
 */
public final class RecordingGateway implements Gateway {
  /** The thread that completes {@link #answerLater} answers. */
  public static final String LATER_THREAD = "recording-gateway-later";

  private final BlockingQueue<GatewayRequest> requests = new LinkedBlockingQueue<>();
  private final ScheduledExecutorService later = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread thread = new Thread(r, LATER_THREAD);
    thread.setDaemon(true);
    return thread;
  });
  private volatile Function<GatewayRequest, CompletionStage<GatewayResponse>> responder =
      request -> CompletableFuture.completedFuture(echo(request));
  private volatile GatewayDefinition definition =
      new GatewayDefinition(List.of(), List.of(), GatewayDefinition.DEFAULT_MAX_REQUEST_BODY_BYTES, null);

  @Override
  public CompletionStage<GatewayResponse> handle(GatewayRequest request) {
    requests.add(request);
    if (request.refusal() != null) {
      return CompletableFuture.completedFuture(refusal(request.refusal()));
    }
    return responder.apply(request);
  }

  /** Answers every request with {@code response}. */
  public RecordingGateway answer(GatewayResponse response) {
    return answerWith(request -> CompletableFuture.completedFuture(response));
  }

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

  public RecordingGateway maxRequestBodyBytes(long bytes) {
    GatewayDefinition d = definition;
    definition = new GatewayDefinition(d.apis(), d.basePathMappings(), bytes, d.handlerExecutor());
    return this;
  }

  /** The oldest request not taken yet; fails when none arrives within ten seconds. */
  public GatewayRequest takeRequest() throws InterruptedException {
    GatewayRequest request = requests.poll(10, TimeUnit.SECONDS);
    if (request == null) {
      throw new AssertionError("no request reached the gateway within 10 s");
    }
    return request;
  }

  /** Requests received and not taken yet. */
  public int pendingRequests() {
    return requests.size();
  }

  /**
   * 200 with the request's body and Content-Type, and its method and raw path in {@code X-Echo-*}
   * fields.
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
  public void close() {
    later.shutdownNow();
  }
}
