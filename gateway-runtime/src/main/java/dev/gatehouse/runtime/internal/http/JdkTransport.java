package dev.gatehouse.runtime.internal.http;

import dev.gatehouse.Headers;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
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
    CompletableFuture<HttpResponse<byte[]>> sent;
    try {
      sent = client.sendAsync(builder.build(), info -> new LimitedBody(maxBodyBytes));
    } catch (IllegalArgumentException e) {
      return CompletableFuture.failedFuture(new BackendFailure("request not sendable: " + e.getMessage(), e));
    }
    CompletableFuture<BackendResponse> answer = sent.handle(JdkTransport::translate);
    // cancelling the answer (the route's timeout) abandons the exchange and frees its connection
    answer.whenComplete((response, error) -> {
      if (answer.isCancelled() || error != null) {
        sent.cancel(true);
      }
    });
    return answer;
  }

  private static BackendResponse translate(HttpResponse<byte[]> response, Throwable error) {
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
    if (response.statusCode() < 200 || response.statusCode() > 599) {
      throw new CompletionException(new BackendFailure("backend status " + response.statusCode(), null));
    }
    Headers.Builder headers = Headers.builder();
    for (Map.Entry<String, List<String>> field : response.headers().map().entrySet()) {
      for (String value : field.getValue()) {
        headers.add(field.getKey(), value);
      }
    }
    return new BackendResponse(response.statusCode(), headers.build(), response.body());
  }
}
