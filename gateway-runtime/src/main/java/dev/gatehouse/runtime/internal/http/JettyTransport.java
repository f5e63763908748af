package dev.gatehouse.runtime.internal.http;

import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import javax.net.ssl.SSLContext;
import org.eclipse.jetty.client.ByteBufferRequestContent;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The backend transport on Jetty 12's {@link HttpClient}, the default. Configured to pass requests through as a proxy must: no redirects followed, no
 * {@code User-Agent} or {@code Accept-Encoding} of its own (it would otherwise decode gzip answers
 * the client asked for), and the answer's body limited to the payload limit.
 */
final class JettyTransport implements BackendTransport {
  private static final int MAX_QUEUED = 65_536;

  private final HttpClient client;
  private final long maxBodyBytes;

  JettyTransport(Duration connectTimeout, SSLContext sslContext, long maxBodyBytes) {
    this.client = new HttpClient();
    SslContextFactory.Client tls = new SslContextFactory.Client();
    if (sslContext != null) {
      tls.setSslContext(sslContext);
    }
    client.setSslContextFactory(tls);
    client.setConnectTimeout(connectTimeout.toMillis());
    client.setFollowRedirects(false);
    client.setUserAgentField(null);
    // past the pooled connections requests queue, each still bounded by its route's timeout
    client.setMaxRequestsQueuedPerDestination(MAX_QUEUED);
    QueuedThreadPool threads = new QueuedThreadPool();
    threads.setName("gatehouse-backend");
    threads.setDaemon(true);
    client.setExecutor(threads);
    this.maxBodyBytes = maxBodyBytes;
    try {
      client.start();
    } catch (Exception e) {
      throw new IllegalStateException("starting Jetty's HTTP client", e);
    }
    // after start(), which installs the default decoders
    client.getContentDecoderFactories().clear();
  }

  @Override
  public CompletableFuture<BackendResponse> send(BackendRequest backend) {
    CompletableFuture<BackendResponse> answer = new CompletableFuture<>();
    Request request;
    try {
      request = client.newRequest(backend.uri()).method(backend.method());
    } catch (IllegalArgumentException e) {
      return CompletableFuture.failedFuture(new BackendFailure("request not sendable: " + e.getMessage(), e));
    }
    request.headers(fields -> backend.headers().forEach((name, value) -> fields.add(new HttpField(name, value))));
    if (backend.body().hasRemaining()) {
      request.body(new ByteBufferRequestContent(backend.body()));
    }
    request.send(new JettyExchange(answer, backend, maxBodyBytes));
    // cancelling the answer (the route's timeout) aborts the exchange and frees its connection
    answer.whenComplete((response, error) -> {
      if (answer.isCancelled() || error != null) {
        request.abort(new CancellationException("abandoned"));
      }
    });
    return answer;
  }

  @Override
  public void close() {
    try {
      client.stop();
    } catch (Exception e) {
      // stopping is best effort: the gateway is closing and its requests are over
    }
  }
}
