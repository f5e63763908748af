package dev.gatehouse.runtime.internal.http;

import dev.gatehouse.integration.HttpIntegration;
import dev.gatehouse.runtime.internal.pipeline.CompiledRoute;
import dev.gatehouse.runtime.internal.pipeline.Step;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLContext;

/**
 * What HTTP integrations share in one gateway, kept across redeploys: transports (one per connect
 * timeout and TLS context, each with its connection pool) and the Resilience4j registries.
 */
public final class HttpIntegrations {
  private final Map<TransportKey, BackendTransport> transports = new ConcurrentHashMap<>();
  private final Resilience resilience;

  private record TransportKey(Duration connectTimeout, SSLContext sslContext, long maxBodyBytes) {}

  public HttpIntegrations(Clock clock) {
    this.resilience = new Resilience(clock);
  }

  /** The step that sends {@code route}'s requests to its backend. */
  public Step stepFor(CompiledRoute route, HttpIntegration integration, long maxBodyBytes) {
    BackendTransport transport = transports.computeIfAbsent(
        new TransportKey(integration.connectTimeout(), integration.sslContext(), maxBodyBytes),
        key -> new JdkTransport(key.connectTimeout(), key.sslContext(), key.maxBodyBytes()));
    return new HttpStep(route, integration, transport, resilience);
  }

  public void close() {
    resilience.close();
  }
}
