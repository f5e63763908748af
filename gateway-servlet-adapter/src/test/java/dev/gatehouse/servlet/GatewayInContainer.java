package dev.gatehouse.servlet;

import dev.gatehouse.Gateway;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;

/**
 * Serves gateways in the containers of one kind, {@link #newContainer()}, and stops them after each
 * test. Any suite that runs a gateway behind a servlet container extends this, once per container.
 */
public abstract class GatewayInContainer {
  protected static final HttpClient CLIENT = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(10))
      .build();

  private final List<ServletContainer> containers = new ArrayList<>();

  /** A new, not yet started container. */
  protected abstract ServletContainer newContainer();

  /** Serves {@code gateway} in a new container; returns the mount point's URI. */
  protected URI serve(Gateway gateway, String contextPath, String mapping) throws Exception {
    return container().start(gateway, contextPath, mapping);
  }

  /** A new container, not yet started, stopped after the test. */
  protected ServletContainer container() {
    ServletContainer container = newContainer();
    containers.add(container);
    return container;
  }

  @AfterEach
  void stopContainers() {
    containers.forEach(ServletContainer::close);
  }

  protected static HttpResponse<byte[]> send(HttpRequest.Builder request) throws Exception {
    return CLIENT.send(request.timeout(Duration.ofSeconds(10)).build(), BodyHandlers.ofByteArray());
  }

  protected static HttpResponse<byte[]> get(String uri) throws Exception {
    return send(HttpRequest.newBuilder(URI.create(uri)));
  }
}
