package dev.gatehouse.servlet;

import dev.gatehouse.testing.TlsKeyStore;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.Servlet;
import java.net.URI;
import java.util.EnumSet;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.ee10.websocket.jakarta.server.config.JakartaWebSocketServletContainerInitializer;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/** Embedded Jetty 12 with an ee10 {@link ServletContextHandler}, as an application would run it. */
public final class JettyContainer implements ServletContainer {
  private Server server;
  private TlsKeyStore tls;
  private boolean webSocket;

  @Override
  public ServletContainer tls(TlsKeyStore keyStore) {
    this.tls = keyStore;
    return this;
  }

  @Override
  public ServletContainer webSocket() {
    this.webSocket = true;
    return this;
  }

  @Override
  public URI deploy(Servlet servlet, String contextPath, String mapping, AsyncSupport async,
      Filter... filters) throws Exception {
    if (server != null) {
      throw new IllegalStateException("deploy: called twice (expected: one deployment per container)");
    }
    server = new Server();
    ServerConnector connector = tls == null ? new ServerConnector(server) : tlsConnector();
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    server.addConnector(connector);

    ServletContextHandler context = new ServletContextHandler(contextPath.isEmpty() ? "/" : contextPath);
    for (Filter filter : filters) {
      FilterHolder holder = new FilterHolder(filter);
      holder.setAsyncSupported(async == AsyncSupport.ON);
      context.addFilter(holder, "/*", EnumSet.of(DispatcherType.REQUEST));
    }
    ServletHolder holder = new ServletHolder("gateway", servlet);
    holder.setAsyncSupported(async == AsyncSupport.ON);
    context.addServlet(holder, mapping);
    if (webSocket) {
      JakartaWebSocketServletContainerInitializer.configure(context, null);
    }
    server.setHandler(context);
    server.start();
    return ServletContainer.mountUri(tls == null ? "http" : "https", connector.getLocalPort(),
        contextPath, mapping);
  }

  private ServerConnector tlsConnector() {
    SslContextFactory.Server ssl = new SslContextFactory.Server();
    ssl.setKeyStorePath(tls.path().toString());
    ssl.setKeyStorePassword(tls.password());
    ssl.setKeyStoreType("PKCS12");
    ssl.setTrustStorePath(tls.path().toString());
    ssl.setTrustStorePassword(tls.password());
    ssl.setTrustStoreType("PKCS12");
    ssl.setWantClientAuth(true);
    // the customizer is what marks requests secure and exposes the handshake as attributes
    SecureRequestCustomizer secure = new SecureRequestCustomizer();
    secure.setSniHostCheck(false);
    HttpConfiguration config = new HttpConfiguration();
    config.addCustomizer(secure);
    return new ServerConnector(server, ssl, new HttpConnectionFactory(config));
  }

  @Override
  public void close() {
    if (server != null) {
      try {
        server.stop();
      } catch (Exception e) {
        throw new IllegalStateException("Jetty: stop failed", e);
      }
    }
  }
}
