package dev.gatehouse.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.gatehouse.Gateway;
import dev.gatehouse.GatewayRequest;
import dev.gatehouse.GatewayResponse;
import dev.gatehouse.Headers;
import dev.gatehouse.event.ProxyEventV1;
import dev.gatehouse.event.ProxyResponseV1;
import dev.gatehouse.integration.Integrations;
import dev.gatehouse.jdkserver.JdkHttpServerAdapter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every {@code <pre>{@code ...}</pre>} example in the Javadoc of gateway-api and gateway-runtime is
 * written out in a test of this module, so the compiler has seen it (JDK 17 has no {@snippet}).
 */
class JavadocExamplesTest {
  private static final Pattern EXAMPLE = Pattern.compile("<pre>\\{@code\\n(.*?)\\n\\s*\\* }</pre>", Pattern.DOTALL);

  /** The Pets handlers that the examples name. */
  static final class Pets {
    static ProxyResponseV1 get(ProxyEventV1 event) {
      // --- begin ProxyResponseV1 class Javadoc
      return ProxyResponseV1.builder(200)
          .header("Content-Type", "application/json")
          .body("{\"id\":7}")
          .build();
      // --- end
    }
  }

  @Test
  void gatewayClassExample() throws Exception {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    // --- begin Gateway class Javadoc
    Gateway gateway = Gateway.builder()
        .restApi("petstore", api -> api
            .stage("prod")
            .route("GET /pets/{id}", Integrations.function(Pets::get)))
        .build();
    JdkHttpServerAdapter.mount(server, "/", gateway);
    // --- end
    try {
      // --- begin GatewayRequest class Javadoc
      GatewayRequest request = GatewayRequest.builder("GET", "/prod/pets/7")
          .rawQuery("verbose=true")
          .header("Host", "localhost:8080")
          .sourceIp("127.0.0.1")
          .build();
      // --- end
      GatewayResponse response = gateway.handle(request).toCompletableFuture().get(10, TimeUnit.SECONDS);
      assertThat(response.bodyAsString()).isEqualTo("{\"id\":7}");
    } finally {
      gateway.close();
    }
  }

  @Test
  void integrationsClassExample() {
    Gateway.builder().restApi("petstore", api -> {
      api.stage("prod", stage -> stage.variable("legacyUrl", "http://127.0.0.1:9001"));
      // --- begin Integrations class Javadoc
      api.route("GET /pets/{id}", Integrations.function(Pets::get))
         .route("GET /ping", Integrations.mock(200, "{\"ok\":true}"))
         .route("ANY /legacy/{proxy+}", Integrations.http("${stageVariables.legacyUrl}/{proxy}"));
      // --- end
    }).definition();
  }

  @Test
  void headersClassExample() {
    // --- begin Headers class Javadoc
    Headers headers = Headers.builder().add("Accept", "text/html").add("accept", "text/plain").build();
    headers.all("ACCEPT");   // [text/html, text/plain]
    // --- end
    assertThat(headers.all("ACCEPT")).containsExactly("text/html", "text/plain");
  }

  @Test
  void everyJavadocExampleIsWrittenOutInATest() throws IOException {
    String tests = normalise(read(Path.of("src/test/java")));
    List<String> missing = new ArrayList<>();
    int found = 0;
    for (Path sources : List.of(Path.of("../gateway-api/src/main/java"), Path.of("src/main/java"))) {
      for (Path file : javaFiles(sources)) {
        Matcher example = EXAMPLE.matcher(Files.readString(file));
        while (example.find()) {
          found++;
          String code = example.group(1).lines().map(line -> line.replaceFirst("^\\s*\\* ?", ""))
              .collect(Collectors.joining("\n"));
          if (!tests.contains(normalise(code))) {
            missing.add(file + ":\n" + code);
          }
        }
      }
    }

    assertThat(found).isGreaterThanOrEqualTo(6);
    assertThat(missing).as("Javadoc examples no test compiles").isEmpty();
  }

  private static String normalise(String code) {
    return code.replaceAll("\\s+", " ").trim();
  }

  private static String read(Path root) throws IOException {
    StringBuilder all = new StringBuilder();
    for (Path file : javaFiles(root)) {
      all.append(Files.readString(file)).append('\n');
    }
    return all.toString();
  }

  private static List<Path> javaFiles(Path root) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(f -> f.toString().endsWith(".java")).sorted().collect(Collectors.toList());
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}
