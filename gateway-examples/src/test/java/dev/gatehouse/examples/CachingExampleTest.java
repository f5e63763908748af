package dev.gatehouse.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.gatehouse.Gateway;
import dev.gatehouse.GatewayRequest;
import dev.gatehouse.GatewayResponse;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The README's caching example is this class, and it answers as its comments say against a real backend. */
class CachingExampleTest {
  private final List<String> seen = new CopyOnWriteArrayList<>();
  private HttpServer backend;
  private Gateway gateway;

  @BeforeEach
  void start() throws Exception {
    backend = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    backend.createContext("/", exchange -> {
      seen.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
      byte[] body = ("{\"call\":" + seen.size() + "}").getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    backend.start();
    gateway = CachingExample.petstore("http://127.0.0.1:" + backend.getAddress().getPort());
  }

  @AfterEach
  void stop() {
    gateway.close();
    backend.stop(0);
  }

  private GatewayResponse get(String query, String key, String... headers) throws Exception {
    GatewayRequest.Builder request = GatewayRequest.builder("GET", "/prod/pets").rawQuery(query);
    if (key != null) {
      request.header("x-api-key", key);
    }
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return gateway.handle(request.build()).toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Test
  void readmeShowsThisClass() throws Exception {
    assertThat(Readme.exampleWithoutPackage("CachingExample")).isEqualTo(Readme.javaBlockAfter("## Response caching"));
  }

  @Test
  void answersAsTheCommentsSay() throws Exception {
    String app = "app-demo-key-0123456789";
    assertThat(get("type=dog&page=2", app).headers().first("X-Cache")).isEqualTo("Miss");
    GatewayResponse again = get("type=dog&page=3", app);
    assertThat(again.headers().first("X-Cache")).isEqualTo("Hit");
    assertThat(again.bodyAsString()).isEqualTo("{\"call\":1}");
    assertThat(get("type=cat", app).bodyAsString()).isEqualTo("{\"call\":2}");

    GatewayResponse ignored = get("type=dog", app, "Cache-Control", "max-age=0");
    assertThat(ignored.bodyAsString()).isEqualTo("{\"call\":1}");
    assertThat(ignored.headers().first("Warning")).contains("max-age=0 ignored");
    assertThat(get("type=dog", "ops-demo-key-0123456789", "Cache-Control", "max-age=0").bodyAsString())
        .isEqualTo("{\"call\":3}");

    assertThat(get("type=dog", null).status()).isEqualTo(403);
    gateway.cache("petstore", "prod").flush().toCompletableFuture().get(10, TimeUnit.SECONDS);
    assertThat(get("type=dog", app).bodyAsString()).isEqualTo("{\"call\":4}");
    assertThat(seen).containsExactly("GET /pets?type=dog&page=2", "GET /pets?type=cat", "GET /pets?type=dog",
        "GET /pets?type=dog");
  }

  @Test
  void postIsNeverCached() throws Exception {
    for (int i = 0; i < 2; i++) {
      gateway.handle(GatewayRequest.builder("POST", "/prod/pets").body("{}").build()).toCompletableFuture()
          .get(10, TimeUnit.SECONDS);
    }

    assertThat(seen).hasSize(2);
  }
}
