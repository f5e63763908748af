package dev.gatehouse.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.Gateway;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.catalina.Context;
import org.apache.catalina.Wrapper;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.websocket.server.WsSci;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.ee10.websocket.jakarta.server.config.JakartaWebSocketServletContainerInitializer;
import org.eclipse.jetty.server.Server;
import org.junit.jupiter.api.Test;

/**
 * The code examples of this module's Javadoc, here so that the compiler sees them; the test checks
 * that the Javadoc still shows exactly this code. The examples are compiled, not run: they bind
 * port 8080 on every interface, as an application would.
 */
class JavadocExamplesTest {
  private static final Path SOURCES = Path.of("src/main/java/dev/gatehouse/servlet");
  private static final Path THIS_FILE = Path.of("src/test/java/dev/gatehouse/servlet/JavadocExamplesTest.java");

  static void jetty(Gateway gateway) throws Exception {
    // example GatewayServlet
    // Jetty 12 (ee10)
    Server server = new Server(8080);
    ServletContextHandler context = new ServletContextHandler("/app");
    ServletHolder holder = new ServletHolder("gateway", new GatewayServlet(gateway));
    holder.setAsyncSupported(true);
    context.addServlet(holder, "/api/*");
    server.setHandler(context);
    server.start();
    // end
  }

  static void tomcat(Gateway gateway, String docBase) throws Exception {
    // example GatewayServlet
    // Tomcat 11
    Tomcat tomcat = new Tomcat();
    tomcat.setPort(8080);
    tomcat.getConnector();
    Context app = tomcat.addContext("/app", docBase);
    Wrapper wrapper = Tomcat.addServlet(app, "gateway", new GatewayServlet(gateway));
    wrapper.setAsyncSupported(true);
    app.addServletMapping("/api/*", "gateway");
    tomcat.start();
    // end
  }

  static void anyContainer(Gateway gateway, ServletContext servletContext) {
    // example GatewayServlet
    // any container, from a ServletContainerInitializer or a ServletContextListener
    ServletRegistration.Dynamic registration =
        servletContext.addServlet("gateway", new GatewayServlet(gateway));
    registration.setAsyncSupported(true);
    registration.addMapping("/api/*");
    // end
  }

  static void jettyWebSocket(ServletContextHandler context) {
    // example GatewayServlet-WebSocket
    // Jetty 12 (ee10), before server.start(); needs jetty-ee10-websocket-jakarta-server
    JakartaWebSocketServletContainerInitializer.configure(context, null);
    // end
  }

  static void tomcatWebSocket(Context app) {
    // example GatewayServlet-WebSocket
    // Tomcat 11, before tomcat.start(); needs tomcat-embed-websocket
    app.addServletContainerInitializer(new WsSci(), null);
    // end
  }

  @Test
  void gatewayServletJavadocShowsTheCompiledExamples() throws IOException {
    List<String> blocks = javadocExamples(SOURCES.resolve("GatewayServlet.java"));
    assertThat(blocks).hasSize(2);
    assertThat(blocks.get(0)).isEqualTo(String.join("\n\n", compiledExamples("GatewayServlet")));
    assertThat(blocks.get(1)).isEqualTo(String.join("\n\n", compiledExamples("GatewayServlet-WebSocket")));
  }

  /** The {@code <pre>{@code ...}</pre>} blocks of a source file, in order, without the comment's stars. */
  private static List<String> javadocExamples(Path source) throws IOException {
    Matcher block = Pattern.compile("<pre>\\{@code\\n(.*?)\\n \\* }</pre>", Pattern.DOTALL)
        .matcher(Files.readString(source));
    List<String> blocks = new ArrayList<>();
    while (block.find()) {
      blocks.add(block.group(1).replaceAll("(?m)^ \\* ?", ""));
    }
    return blocks;
  }

  /** The bodies of this file's {@code // example <name>} ... {@code // end} regions, dedented. */
  private static List<String> compiledExamples(String name) throws IOException {
    List<String> examples = new ArrayList<>();
    Matcher region = Pattern.compile("\\n    // example " + name + "\\n(.*?)\\n    // end\\n", Pattern.DOTALL)
        .matcher(Files.readString(THIS_FILE));
    while (region.find()) {
      examples.add(region.group(1).replaceAll("(?m)^    ", ""));
    }
    return examples;
  }
}
