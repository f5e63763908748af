package dev.gatehouse.servlet;

import dev.gatehouse.Gateway;
import dev.gatehouse.testing.TlsKeyStore;
import jakarta.servlet.Filter;
import jakarta.servlet.Servlet;
import java.net.URI;

/**
 * A real servlet container on a loopback ephemeral port, serving one servlet; one instance serves
 * one deployment. The behaviour tests in {@link GatewayServletContract} run through it, and so can
 * any suite that needs a gateway behind a servlet container.
 */
public interface ServletContainer extends AutoCloseable {

  /** Whether the servlet and filters are registered with async support. */
  enum AsyncSupport {
    ON,
    OFF
  }

  /**
   * Serves the next deployment over TLS only, with the key in {@code keyStore}, and asks clients
   * for a certificate (trusting those in the same store) without requiring one.
   *
   * @return this container
   */
  ServletContainer tls(TlsKeyStore keyStore);

  /**
   * Enables Jakarta WebSocket in the next deployment, as the servlet's Javadoc tells users to, so
   * that the context publishes its {@code jakarta.websocket.server.ServerContainer}.
   *
   * @return this container
   */
  ServletContainer webSocket();

  /**
   * Serves {@code gateway} through a {@link GatewayServlet} registered with async support.
   *
   * @param contextPath such as {@code /app}; empty for the root context
   * @param mapping the servlet mapping, such as {@code /api/*} or {@code /*}
   * @return the mount point's URI without a trailing slash, such as
   *     {@code http://127.0.0.1:40123/app/api} ({@code https} after {@link #tls})
   */
  default URI start(Gateway gateway, String contextPath, String mapping) throws Exception {
    return deploy(new GatewayServlet(gateway), contextPath, mapping, AsyncSupport.ON);
  }

  /**
   * Serves {@code servlet} under {@code mapping}, behind {@code filters} mapped to every path.
   *
   * @return the mount point's URI, as for {@link #start}
   */
  URI deploy(Servlet servlet, String contextPath, String mapping, AsyncSupport async,
      Filter... filters) throws Exception;

  /** Stops the container and deletes whatever it wrote to disk. */
  @Override
  void close();

  /** The URI of a mapping's fixed prefix: {@code /api/*} mounts at {@code /api}, {@code /*} at the context. */
  static URI mountUri(String scheme, int port, String contextPath, String mapping) {
    String prefix = mapping.endsWith("/*") ? mapping.substring(0, mapping.length() - 2) : "";
    return URI.create(scheme + "://127.0.0.1:" + port + contextPath + prefix);
  }
}
