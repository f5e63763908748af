package dev.gatehouse.servlet;

import dev.gatehouse.Gateway;
import dev.gatehouse.GatewayRequest;
import dev.gatehouse.GatewayResponse;
import dev.gatehouse.GatewayResponseType;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One request in flight, from {@code startAsync} to {@code complete}: reads the body, calls the
 * gateway, writes its answer. Its callbacks come from container threads and, for the answer, from
 * whatever thread completes the gateway's stage; the async context is completed exactly once.
 */
final class AsyncExchange implements AsyncListener {
  private static final System.Logger LOG = System.getLogger(GatewayServlet.class.getName());
  /** The largest array a JVM reliably allocates: the ceiling for a body whatever the limit says. */
  private static final long MAX_ARRAY_BYTES = Integer.MAX_VALUE - 8;
  private static final byte[] NO_BODY = new byte[0];
  private static final String INTERNAL_ERROR = "{\"message\":\"Internal server error\"}";

  private final Gateway gateway;
  private final AsyncContext async;
  private final HttpServletResponse response;
  private final GatewayRequest.Builder request;
  private final boolean headRequest;
  private final AtomicBoolean completed = new AtomicBoolean();
  private volatile boolean refused;
  private volatile StreamedResponseWriter streaming;

  private AsyncExchange(Gateway gateway, AsyncContext async, HttpServletResponse response,
      GatewayRequest.Builder request, boolean headRequest) {
    this.gateway = gateway;
    this.async = async;
    this.response = response;
    this.request = request;
    this.headRequest = headRequest;
  }

  /**
   * Serves {@code servletRequest}. A request without a body whose answer is ready at once and fits
   * the response buffer is answered from the calling container thread, without async processing;
   * any other starts async processing and returns before the gateway answers.
   */
  static void start(Gateway gateway, HttpServletRequest servletRequest,
      HttpServletResponse servletResponse) throws IOException {
    GatewayRequest.Builder head = ServletRequests.head(servletRequest);
    boolean headRequest = "HEAD".equals(servletRequest.getMethod());
    if (ServletRequests.hasNoBody(servletRequest)) {
      GatewayRequest gatewayRequest = head.body(NO_BODY).build();
      answer(gateway, servletRequest, servletResponse, head, gatewayRequest, call(gateway, gatewayRequest));
      return;
    }
    AsyncExchange exchange = begin(gateway, servletRequest, servletResponse, head, headRequest);
    long limit = Math.min(gateway.maxRequestBodyBytes(), MAX_ARRAY_BYTES);
    long declared = servletRequest.getContentLengthLong();
    if (declared > limit) {
      // the body is never read, so a client announcing gigabytes costs nothing
      exchange.bodyTooLarge();
    } else {
      ServletInputStream in = servletRequest.getInputStream();
      in.setReadListener(new BodyReader(in, limit, declared, exchange));
    }
  }

  /**
   * Writes {@code answer}, the gateway's answer to {@code gatewayRequest}, a request without a body:
   * from the calling thread when it is ready and fits the response buffer, otherwise asynchronously
   * when it comes. A failed stage is answered with 500, as for any request.
   */
  static void answer(Gateway gateway, HttpServletRequest servletRequest, HttpServletResponse servletResponse,
      GatewayRequest gatewayRequest, CompletionStage<GatewayResponse> answer) {
    answer(gateway, servletRequest, servletResponse, null, gatewayRequest, answer);
  }

  private static void answer(Gateway gateway, HttpServletRequest servletRequest,
      HttpServletResponse servletResponse, GatewayRequest.Builder head, GatewayRequest gatewayRequest,
      CompletionStage<GatewayResponse> answer) {
    boolean headRequest = "HEAD".equals(servletRequest.getMethod());
    GatewayResponse ready = readyAnswer(answer, servletResponse.getBufferSize());
    if (ready != null) {
      try {
        ResponseWriter.writeBuffered(servletResponse, ready, headRequest);
      } catch (IOException e) {
        LOG.log(Level.DEBUG, "writing the response failed", e);
      }
      return;
    }
    begin(gateway, servletRequest, servletResponse, head, headRequest).respondWhenDone(gatewayRequest, answer);
  }

  private static AsyncExchange begin(Gateway gateway, HttpServletRequest servletRequest,
      HttpServletResponse servletResponse, GatewayRequest.Builder head, boolean headRequest) {
    AsyncContext async = servletRequest.startAsync(servletRequest, servletResponse);
    // no container timeout: the gateway bounds every integration itself and always answers
    async.setTimeout(0);
    AsyncExchange exchange = new AsyncExchange(gateway, async, servletResponse, head, headRequest);
    async.addListener(exchange);
    return exchange;
  }

  /**
   * The answer when it is already there, successful, and small enough to be buffered whole;
   * otherwise {@code null}, and the async path writes it, or reports the failure, when it comes.
   */
  private static GatewayResponse readyAnswer(CompletionStage<GatewayResponse> answer, int bufferSize) {
    if (answer instanceof CompletableFuture<GatewayResponse> future
        && future.isDone() && !future.isCompletedExceptionally()) {
      GatewayResponse response = future.getNow(null);
      if (response != null && !response.isStreamed() && response.bodyLength() <= bufferSize) {
        return response;
      }
    }
    return null;
  }

  /** The gateway's answer; a gateway that throws or answers {@code null} gives a failed stage. */
  private static CompletionStage<GatewayResponse> call(Gateway gateway, GatewayRequest request) {
    try {
      CompletionStage<GatewayResponse> answer = gateway.handle(request);
      return answer != null
          ? answer
          : CompletableFuture.failedFuture(new NullPointerException("gateway.handle returned null"));
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  void bodyRead(byte[] body) {
    handle(request.body(body).build());
  }

  void bodyTooLarge() {
    refused = true;
    handle(request.body((byte[]) null).refusal(GatewayResponseType.REQUEST_TOO_LARGE).build());
  }

  void readFailed(Throwable failure) {
    // the client went away or stalled mid-body: there is nobody left to answer
    LOG.log(Level.DEBUG, "reading the request body failed", failure);
    complete();
  }

  void writeFailed(Throwable failure) {
    LOG.log(Level.DEBUG, "writing the response failed", failure);
    complete();
  }

  void complete() {
    if (completed.compareAndSet(false, true)) {
      async.complete();
    }
  }

  /** The writer of a streamed body, told when the container gives up on the exchange. */
  void streaming(StreamedResponseWriter writer) {
    this.streaming = writer;
  }

  /**
   * Ends the exchange so that the client sees a broken response, not a whole one: the servlet API
   * has no call for that, but every container closes the connection when a servlet throws after the
   * response is committed. So the exchange is dispatched back to {@link GatewayServlet}, which
   * throws the {@link AbortedResponse} left here.
   */
  void abort(String why, Throwable cause) {
    HttpServletRequest servletRequest = (HttpServletRequest) async.getRequest();
    String what = "the response to " + servletRequest.getMethod() + " " + servletRequest.getRequestURI();
    LOG.log(Level.INFO, "aborting " + what + ": " + why + (cause == null ? "" : " (" + cause + ")"));
    if (!completed.compareAndSet(false, true)) {
      return;
    }
    servletRequest.setAttribute(AbortedResponse.ATTRIBUTE, new AbortedResponse("aborting " + what + ": " + why));
    try {
      async.dispatch();
    } catch (IllegalStateException e) {
      // the container already ended the async cycle: nothing more can reach the client
      LOG.log(Level.DEBUG, "could not abort " + what, e);
    }
  }

  private void handle(GatewayRequest gatewayRequest) {
    respondWhenDone(gatewayRequest, call(gateway, gatewayRequest));
  }

  private void respondWhenDone(GatewayRequest gatewayRequest, CompletionStage<GatewayResponse> answer) {
    answer.whenComplete((response, failure) -> respond(gatewayRequest, response,
        failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure));
  }

  private void respond(GatewayRequest gatewayRequest, GatewayResponse answer, Throwable failure) {
    if (completed.get()) {
      return;
    }
    GatewayResponse toWrite = answer;
    if (failure != null || answer == null) {
      // the Gateway contract says this cannot happen; when it does, the client still gets an answer
      // method and path only: a query string may carry a key
      LOG.log(Level.ERROR, "gateway failed to answer " + gatewayRequest.method() + " "
          + gatewayRequest.mountPath() + gatewayRequest.rawPath(),
          failure != null ? failure : new NullPointerException("gateway answered null"));
      toWrite = GatewayResponse.builder(500)
          .header("Content-Type", "application/json")
          .header("x-amzn-ErrorType", GatewayResponseType.API_CONFIGURATION_ERROR.errorType())
          .body(INTERNAL_ERROR)
          .build();
    }
    try {
      ResponseWriter.write(response, toWrite, headRequest, refused, this);
    } catch (IOException | RuntimeException e) {
      // the client left, or the container closed the response under us
      LOG.log(Level.DEBUG, "writing the response failed", e);
      complete();
    }
  }

  @Override
  public void onComplete(AsyncEvent event) {
    completed.set(true);
  }

  @Override
  public void onTimeout(AsyncEvent event) {
    LOG.log(Level.WARNING, "the container timed out an exchange the gateway had not answered yet");
    giveUp(event.getThrowable());
  }

  @Override
  public void onError(AsyncEvent event) {
    LOG.log(Level.DEBUG, "the container reported an error on the exchange", event.getThrowable());
    giveUp(event.getThrowable());
  }

  /** A streamed body's writer stops its source and completes; otherwise the exchange completes now. */
  private void giveUp(Throwable failure) {
    StreamedResponseWriter writer = streaming;
    if (writer != null) {
      writer.clientGone(failure != null ? failure : new IOException("the container ended the exchange"));
    } else {
      complete();
    }
  }

  @Override
  public void onStartAsync(AsyncEvent event) {
    // the exchange starts async once; nothing to re-register
  }
}
