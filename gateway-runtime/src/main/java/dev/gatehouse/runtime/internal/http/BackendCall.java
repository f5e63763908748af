package dev.gatehouse.runtime.internal.http;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * One request's calls to its backend: each attempt (a retry makes more than one) goes through here,
 * so that the route's timeout can abandon the attempt in flight and keep a retry from starting.
 */
final class BackendCall {
  private final BackendTransport transport;
  private final BackendRequest request;
  private CompletableFuture<BackendResponse> inFlight;
  private boolean abandoned;

  BackendCall(BackendTransport transport, BackendRequest request) {
    this.transport = transport;
    this.request = request;
  }

  CompletionStage<BackendResponse> attempt() {
    CompletableFuture<BackendResponse> sent;
    synchronized (this) {
      if (abandoned) {
        return CompletableFuture.failedFuture(new CancellationException("the route's timeout passed"));
      }
      sent = transport.send(request);
      inFlight = sent;
    }
    return sent;
  }

  /** Cancels the attempt in flight (freeing its connection) and any attempt after it. */
  void abandon() {
    CompletableFuture<BackendResponse> cancel;
    synchronized (this) {
      abandoned = true;
      cancel = inFlight;
    }
    if (cancel != null) {
      cancel.cancel(true);
    }
  }
}
