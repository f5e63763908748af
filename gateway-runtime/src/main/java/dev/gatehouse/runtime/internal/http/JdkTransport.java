package dev.gatehouse.runtime.internal.http;

import dev.gatehouse.Headers;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLContext;

/**
 * The backend transport on the JDK's {@link HttpClient}: HTTP/1.1 (backends behind a gateway rarely
 * speak cleartext HTTP/2, and the upgrade dance costs a round trip), no redirects followed (the
 * client gets the backend's 3xx as a proxy should pass it), and a direct executor, so completions
 * run on the client's selector thread instead of hopping to a pool.
 *
 * <p>An answer of up to {@link BackendTransport#STREAM_ABOVE_BYTES} is collected into an array; a larger one, or
 * one of unknown length (chunked, or delimited by the connection's close), is streamed through a
 * {@link BodyStream}, and the answer completes as soon as its head is in. Either way no more than
 * the payload limit is passed on.
 */
final class JdkTransport implements BackendTransport {
  private final HttpClient client;
  private final long maxBodyBytes;

  JdkTransport(Duration connectTimeout, SSLContext sslContext, long maxBodyBytes) {
    HttpClient.Builder builder = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(connectTimeout)
        .executor(Runnable::run);
    if (sslContext != null) {
      builder.sslContext(sslContext);
    }
    this.client = builder.build();
    this.maxBodyBytes = maxBodyBytes;
  }

  @Override
  public CompletableFuture<BackendResponse> send(BackendRequest request) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(request.uri())
        .method(request.method(), request.body().hasRemaining()
            ? new BufferPublisher(request.body()) : HttpRequest.BodyPublishers.noBody());
    request.headers().forEach((name, value) -> {
      try {
        builder.header(name, value);
      } catch (IllegalArgumentException restricted) {
        // a field the JDK client sets itself or refuses (Date, Via...): the backend gets the client's view
      }
    });
    CompletableFuture<HttpResponse<Object>> sent;
    try {
      sent = client.sendAsync(builder.build(), info -> bodyFor(info, request));
    } catch (IllegalArgumentException e) {
      return CompletableFuture.failedFuture(new BackendFailure("request not sendable: " + e.getMessage(), e));
    }
    CompletableFuture<BackendResponse> answer = new CompletableFuture<>();
    sent.whenComplete((response, error) -> {
      BackendResponse translated;
      try {
        translated = translate(response, error);
      } catch (CompletionException e) {
        answer.completeExceptionally(e.getCause());
        return;
      }
      if (!answer.complete(translated)) {
        // abandoned meanwhile (the route's timeout): nobody will read a streamed body
        translated.release();
      }
    });
    // cancelling the answer (the route's timeout) abandons the exchange and frees its connection
    answer.whenComplete((response, error) -> {
      if (answer.isCancelled() || error != null) {
        sent.cancel(true);
      }
    });
    return answer;
  }

  /**
   * How the body is received, decided once the head is in: collected into an array when it is
   * small or absent; streamed when it is larger or of unknown length. A declared length past the
   * payload limit fails the call before a byte is read.
   */
  private HttpResponse.BodySubscriber<Object> bodyFor(HttpResponse.ResponseInfo info, BackendRequest request) {
    long declared = contentLength(info.headers());
    switch (BackendTransport.bodyMode(request.method(), info.statusCode(), declared, maxBodyBytes)) {
      case STREAM:
        return new BodyStream(declared, maxBodyBytes, request.bodyIdleNanos());
      case TOO_LARGE:
        return new LimitedBody(maxBodyBytes, declared); // fails before reading
      default:
        return new LimitedBody(maxBodyBytes, -1);
    }
  }

  /** The Content-Length, or -1 when there is none or it is malformed (the client then fails the body). */
  private static long contentLength(HttpHeaders headers) {
    try {
      return headers.firstValueAsLong("Content-Length").orElse(-1);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static BackendResponse translate(HttpResponse<Object> response, Throwable error) {
    if (error != null) {
      Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
      if (cause instanceof HttpConnectTimeoutException) {
        throw new CompletionException(new TimeoutException("connect timeout"));
      }
      if (cause instanceof BackendFailure) {
        throw new CompletionException(cause);
      }
      throw new CompletionException(new BackendFailure(cause.toString(), cause));
    }
    Object body = response.body();
    if (response.statusCode() < 200 || response.statusCode() > 599) {
      if (body instanceof BodyStream stream) {
        stream.release();
      }
      throw new CompletionException(new BackendFailure("backend status " + response.statusCode(), null));
    }
    Headers.Builder headers = Headers.builder();
    for (Map.Entry<String, List<String>> field : response.headers().map().entrySet()) {
      for (String value : field.getValue()) {
        headers.add(field.getKey(), value);
      }
    }
    if (body instanceof BodyStream stream) {
      return new BackendResponse(response.statusCode(), headers.build(), stream);
    }
    return new BackendResponse(response.statusCode(), headers.build(), (byte[]) body);
  }
}
