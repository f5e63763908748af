package dev.gatehouse.servlet;

import dev.gatehouse.testing.TlsKeyStore;
import jakarta.servlet.Filter;
import jakarta.servlet.Servlet;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.Wrapper;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.core.StandardContext;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.descriptor.web.FilterDef;
import org.apache.tomcat.util.descriptor.web.FilterMap;
import org.apache.tomcat.util.net.SSLHostConfig;
import org.apache.tomcat.util.net.SSLHostConfigCertificate;
import org.apache.tomcat.websocket.server.WsSci;

/** Embedded Tomcat 11, its base directory in a fresh temporary folder. */
public final class TomcatContainer implements ServletContainer {
  private Tomcat tomcat;
  private Path baseDir;
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
    if (tomcat != null) {
      throw new IllegalStateException("deploy: called twice (expected: one deployment per container)");
    }
    baseDir = Files.createTempDirectory("gatehouse-tomcat");
    tomcat = new Tomcat();
    tomcat.setBaseDir(baseDir.toString());
    Connector connector = new Connector();
    connector.setPort(0);
    connector.setProperty("address", "127.0.0.1");
    if (tls != null) {
      enableTls(connector);
    }
    tomcat.setConnector(connector);

    Path docBase = Files.createDirectories(baseDir.resolve("docs"));
    StandardContext context = (StandardContext) tomcat.addContext(contextPath, docBase.toString());
    // leak detection on stop needs --add-opens and only warns about the test JVM itself
    context.setClearReferencesThreadLocals(false);
    context.setClearReferencesRmiTargets(false);
    for (int i = 0; i < filters.length; i++) {
      FilterDef def = new FilterDef();
      def.setFilterName("filter-" + i);
      def.setFilter(filters[i]);
      def.setAsyncSupported(String.valueOf(async == AsyncSupport.ON));
      context.addFilterDef(def);
      FilterMap map = new FilterMap();
      map.setFilterName(def.getFilterName());
      map.addURLPattern("/*");
      context.addFilterMap(map);
    }
    Wrapper wrapper = Tomcat.addServlet(context, "gateway", servlet);
    wrapper.setAsyncSupported(async == AsyncSupport.ON);
    context.addServletMapping(mapping, "gateway");
    if (webSocket) {
      context.addServletContainerInitializer(new WsSci(), null);
    }
    tomcat.start();
    if (connector.getLocalPort() <= 0) {
      // Tomcat logs a connector that failed to start and carries on without it
      throw new IllegalStateException("Tomcat: the connector did not start; see the log above");
    }
    return ServletContainer.mountUri(tls == null ? "http" : "https", connector.getLocalPort(),
        contextPath, mapping);
  }

  private void enableTls(Connector connector) {
    connector.setScheme("https");
    connector.setSecure(true);
    connector.setProperty("SSLEnabled", "true");
    SSLHostConfig host = new SSLHostConfig();
    host.setCertificateVerification("optional");
    host.setTruststoreFile(tls.path().toString());
    host.setTruststorePassword(tls.password());
    host.setTruststoreType("PKCS12");
    SSLHostConfigCertificate certificate =
        new SSLHostConfigCertificate(host, SSLHostConfigCertificate.Type.UNDEFINED);
    certificate.setCertificateKeystoreFile(tls.path().toString());
    certificate.setCertificateKeystorePassword(tls.password());
    certificate.setCertificateKeystoreType("PKCS12");
    host.addCertificate(certificate);
    connector.addSslHostConfig(host);
  }

  @Override
  public void close() {
    try {
      if (tomcat != null) {
        tomcat.stop();
        tomcat.destroy();
      }
      if (baseDir != null) {
        deleteTree(baseDir);
      }
    } catch (LifecycleException | IOException e) {
      throw new IllegalStateException("Tomcat: stop failed", e);
    }
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
