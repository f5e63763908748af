package dev.gatehouse.benchmarks.load;

import dev.gatehouse.Gateway;
import dev.gatehouse.servlet.GatewayServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/** Embedded Jetty 12 (ee10), bare or serving a gateway, with a fixed-size thread pool. */
final class JettyServers {
  private static final int ACCEPT_QUEUE = 1024;

  private JettyServers() {}

  /**
   * Starts Jetty on an ephemeral loopback port with one servlet mapped at {@code /*} of the root
   * context, so that the request path is the same as on the JDK server.
   *
   * @param gateway the gateway to serve through {@link GatewayServlet}, or {@code null} for the
   *     bare servlet
   * @param threads the pool's threads (minimum and maximum), the same for bare and gateway
   */
  static RunningServer start(Gateway gateway, int threads) {
    QueuedThreadPool pool = new QueuedThreadPool(threads, threads);
    pool.setName("jetty");
    pool.setDaemon(true);
    Server server = new Server(pool);
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    connector.setAcceptQueueSize(ACCEPT_QUEUE);
    server.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler("/");
    ServletHolder holder = gateway != null
        ? new ServletHolder("gateway", new GatewayServlet(gateway))
        : new ServletHolder("bare", new BareServlet());
    // The bare servlet does not need it; setting it on both keeps the two registrations alike.
    holder.setAsyncSupported(true);
    context.addServlet(holder, "/*");
    server.setHandler(context);
    try {
      server.start();
    } catch (Exception e) {
      throw new IllegalStateException("Jetty did not start", e);
    }
    int port = connector.getLocalPort();
    return new RunningServer() {
      @Override
      public int port() {
        return port;
      }

      @Override
      public void close() {
        try {
          server.stop();
        } catch (Exception e) {
          throw new IllegalStateException("Jetty did not stop", e);
        } finally {
          if (gateway != null) {
            gateway.close();
          }
        }
      }
    };
  }

  /** The bare baseline: reads the body, then writes {@link TrivialAnswer} with a fixed length. */
  static final class BareServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
      request.getInputStream().readAllBytes();
      response.setStatus(TrivialAnswer.STATUS);
      response.setHeader("Content-Type", TrivialAnswer.CONTENT_TYPE);
      response.setHeader(TrivialAnswer.REQUEST_ID_HEADER, TrivialAnswer.REQUEST_ID);
      response.setContentLength(TrivialAnswer.BODY_BYTES.length);
      response.getOutputStream().write(TrivialAnswer.BODY_BYTES);
    }
  }
}
