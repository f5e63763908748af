package dev.gatehouse.runtime.internal.http;

import dev.gatehouse.integration.HttpIntegration;
import dev.gatehouse.runtime.internal.pipeline.CompiledRoute;
import dev.gatehouse.runtime.internal.pipeline.Step;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;

/**
 * What HTTP integrations share in one gateway, kept across redeploys: transports (one per connect
 * timeout and TLS context, each with its connection pool) and the Resilience4j registries.
 *
 * <p>The transport is Jetty's HTTP client unless jetty-client was left off the class path: measured
 * behind the same interface it proxied several times faster than the JDK's (see BENCHMARKS.md). The
 * system property {@value #CLIENT_PROPERTY} ({@code jdk} or {@code jetty}) picks one, read when the
 * gateway starts.
 */
public final class HttpIntegrations {
  /** Names the backend client: {@code jdk} or {@code jetty}. */
  public static final String CLIENT_PROPERTY = "gatehouse.http.client";

  private final Map<TransportKey, BackendTransport> transports = new ConcurrentHashMap<>();
  private final Set<TransportKey> usedByDeployment = ConcurrentHashMap.newKeySet();
  private final Resilience resilience;
  private final boolean jetty = useJetty();

  private record TransportKey(Duration connectTimeout, SSLContext sslContext, long maxBodyBytes) {}

  public HttpIntegrations(Clock clock) {
    this.resilience = new Resilience(clock);
  }

  /** The step that sends {@code route}'s requests to its backend. */
  public Step stepFor(CompiledRoute route, HttpIntegration integration, long maxBodyBytes) {
    TransportKey key = new TransportKey(integration.connectTimeout(), integration.sslContext(), maxBodyBytes);
    usedByDeployment.add(key);
    BackendTransport transport = transports.computeIfAbsent(key,
        k -> jetty
            ? new JettyTransport(k.connectTimeout(), k.sslContext(), k.maxBodyBytes())
            : new JdkTransport(k.connectTimeout(), k.sslContext(), k.maxBodyBytes()));
    return new HttpStep(route, integration, transport, resilience);
  }

  private static boolean useJetty() {
    String chosen = System.getProperty(CLIENT_PROPERTY, "jetty");
    if (!chosen.equals("jetty") && !chosen.equals("jdk")) {
      throw new IllegalArgumentException(CLIENT_PROPERTY + ": \"" + chosen + "\" (expected: jdk or jetty)");
    }
    if (chosen.equals("jdk")) {
      return false;
    }
    try {
      Class.forName("org.eclipse.jetty.client.HttpClient", false, HttpIntegrations.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }

  /** Called before a new deployment's steps are made. */
  public synchronized void deploying() {
    usedByDeployment.clear();
    resilience.newDeployment();
  }

  /**
   * Called once a new deployment's steps exist: transports only earlier deployments used (a
   * redeploy with a new {@code SSLContext}, say) are closed once {@code drain} has passed, the
   * longest route timeout, so that requests still running on the old deployment finish first.
   */
  public synchronized void deployed(Duration drain) {
    Set<TransportKey> stale = new HashSet<>(transports.keySet());
    stale.removeAll(usedByDeployment);
    for (TransportKey key : stale) {
      BackendTransport transport = transports.remove(key);
      resilience.retryTimer().schedule(transport::close, drain.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  public void close() {
    transports.values().forEach(BackendTransport::close);
    resilience.close();
  }
}
