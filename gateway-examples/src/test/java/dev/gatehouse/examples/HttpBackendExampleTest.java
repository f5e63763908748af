package dev.gatehouse.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.gatehouse.Gateway;
import dev.gatehouse.GatewayRequest;
import dev.gatehouse.GatewayResponse;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The README's HTTP backend example is this class, and it answers as its comments say against a real backend. */
class HttpBackendExampleTest {

  private final List<String> seen = new CopyOnWriteArrayList<>();
  private HttpServer backend;
  private Gateway gateway;

  @BeforeEach
  void start() throws Exception {
    backend = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    backend.createContext("/", exchange -> {
      seen.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " x-request-id="
          + exchange.getRequestHeaders().getFirst("x-request-id") + " x-shop=" + exchange.getRequestHeaders().getFirst("x-shop"));
      byte[] body = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.getResponseHeaders().add("x-version", "7");
      exchange.sendResponseHeaders(exchange.getRequestURI().getPath().startsWith("/crm") ? 503 : 200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    backend.start();
    gateway = HttpBackendExample.shop("http://127.0.0.1:" + backend.getAddress().getPort());
  }

  @AfterEach
  void stop() {
    gateway.close();
    backend.stop(0);
  }

  private static GatewayResponse get(Gateway gateway, String path, String query) throws Exception {
    GatewayRequest request = GatewayRequest.builder("GET", path).rawQuery(query)
        .header("Host", "127.0.0.1:8080").header("x-shop", "north").build();
    return gateway.handle(request).toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Test
  void readmeShowsTheExampleAsItIs() throws Exception {
    assertThat(Readme.exampleWithoutPackage("HttpBackendExample")).isEqualTo(Readme.javaBlockAfter("## HTTP backends and custom integrations"));
  }


  @Test
  void proxyRoutePassesPathQueryAndHeadersThrough() throws Exception {
    GatewayResponse response = get(gateway, "/prod/orders/7/items", "page=2");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.bodyAsString()).isEqualTo("{\"ok\":true}");
    assertThat(response.headers().first("x-version")).isEqualTo("7");
    assertThat(seen).singleElement().asString().startsWith("GET /v2/7/items?page=2 ").endsWith("x-shop=north");
  }

  @Test
  void mappedRouteSendsOnlyTheMappedParametersAndMapsTheStatus() throws Exception {
    GatewayResponse response = get(gateway, "/prod/customers/42", null);

    assertThat(response.status()).isEqualTo(502);
    assertThat(response.headers().first("x-crm-version")).isEqualTo("7");
    assertThat(response.headers().first("x-version")).isNull();
    assertThat(seen).singleElement().asString()
        .startsWith("GET /crm?customer=42 x-request-id=" + response.headers().first("x-amzn-RequestId"))
        .endsWith("x-shop=null");
  }

  @Test
  void customRouteAnswersInProcess() throws Exception {
    assertThat(get(gateway, "/prod/version", null).bodyAsString()).isEqualTo("shop 1.0");
    assertThat(seen).isEmpty();
  }

  @Test
  void backendDownGets504WithoutItsAddress() throws Exception {
    int closed;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closed = socket.getLocalPort();
    }
    try (Gateway down = HttpBackendExample.shop("http://127.0.0.1:" + closed)) {
      GatewayResponse response = get(down, "/prod/orders/7", null);

      assertThat(response.status()).isEqualTo(504);
      assertThat(response.bodyAsString()).isEqualTo("{\"message\":\"Internal server error\"}");
    }
  }
}
