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
  private static final String INTERNAL_ERROR = "{\"message\":\"Internal server error\"}";

  private final Gateway gateway;
  private final AsyncContext async;
  private final HttpServletResponse response;
  private final GatewayRequest.Builder request;
  private final boolean headRequest;
  private final AtomicBoolean completed = new AtomicBoolean();
  private volatile boolean refused;

  private AsyncExchange(Gateway gateway, AsyncContext async, HttpServletResponse response,
      GatewayRequest.Builder request, boolean headRequest) {
    this.gateway = gateway;
    this.async = async;
    this.response = response;
    this.request = request;
    this.headRequest = headRequest;
  }

  /** Starts async processing of {@code servletRequest}; returns before the gateway answers. */
  static void start(Gateway gateway, HttpServletRequest servletRequest,
      HttpServletResponse servletResponse) throws IOException {
    GatewayRequest.Builder head = ServletRequests.head(servletRequest);
    AsyncContext async = servletRequest.startAsync(servletRequest, servletResponse);
    // no container timeout: the gateway bounds every integration itself and always answers
    async.setTimeout(0);
    AsyncExchange exchange = new AsyncExchange(gateway, async, servletResponse, head,
        "HEAD".equals(servletRequest.getMethod()));
    async.addListener(exchange);

    long limit = Math.min(gateway.maxRequestBodyBytes(), MAX_ARRAY_BYTES);
    long declared = servletRequest.getContentLengthLong();
    if (declared > limit) {
      // the body is never read, so a client announcing gigabytes costs nothing
      exchange.bodyTooLarge();
    } else if (declared == 0) {
      exchange.bodyRead(new byte[0]);
    } else {
      ServletInputStream in = servletRequest.getInputStream();
      in.setReadListener(new BodyReader(in, limit, declared, exchange));
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

  private void handle(GatewayRequest gatewayRequest) {
    CompletionStage<GatewayResponse> answer;
    try {
      answer = gateway.handle(gatewayRequest);
    } catch (RuntimeException e) {
      respond(gatewayRequest, null, e);
      return;
    }
    if (answer == null) {
      respond(gatewayRequest, null, new NullPointerException("gateway.handle returned null"));
      return;
    }
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
    complete();
  }

  @Override
  public void onError(AsyncEvent event) {
    LOG.log(Level.DEBUG, "the container reported an error on the exchange", event.getThrowable());
    complete();
  }

  @Override
  public void onStartAsync(AsyncEvent event) {
    // the exchange starts async once; nothing to re-register
  }
}
