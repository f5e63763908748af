package dev.gatehouse.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.gatehouse.Gateway;
import dev.gatehouse.GatewayRequest;
import dev.gatehouse.GatewayResponse;
import dev.gatehouse.integration.Integrations;
import dev.gatehouse.testing.TlsKeyStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HTTP integrations to an {@code https} backend: a JDK {@code HttpsServer} on loopback with a self-signed key. */
class HttpTlsBackendTest {
  @TempDir
  Path dir;

  private TlsKeyStore keyStore;
  private HttpsServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final BlockingQueue<String> received = new LinkedBlockingQueue<>();
  private Gateway gateway;

  @BeforeEach
  void startBackend() throws Exception {
    keyStore = TlsKeyStore.create(dir);
    server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    server.setHttpsConfigurator(new HttpsConfigurator(keyStore.identifiedContext()));
    server.createContext("/", this::serve);
    server.setExecutor(executor);
    server.start();
  }

  @AfterEach
  void stop() {
    if (gateway != null) {
      gateway.close();
    }
    server.stop(0);
    executor.shutdownNow();
  }

  private void serve(HttpExchange exchange) throws IOException {
    try (InputStream in = exchange.getRequestBody()) {
      in.readAllBytes();
    }
    received.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " "
        + exchange.getRequestHeaders().getFirst("X-Forwarded-Proto"));
    byte[] body = "secure hello".getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "text/plain");
    exchange.sendResponseHeaders(200, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  private String url() {
    return "https://127.0.0.1:" + server.getAddress().getPort();
  }

  private GatewayResponse call(String path) throws Exception {
    return gateway.handle(GatewayRequest.builder("GET", path).header("Host", "api.example.com").build())
        .toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Test
  void backendTrustedByTheIntegrationsSslContextAnswers() throws Exception {
    gateway = Gateway.builder()
        .httpApi("shop", api -> api.route("GET /hello", Integrations.http(url() + "/greeting?lang=en", http -> {
          try {
            http.sslContext(keyStore.anonymousContext());
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        })))
        .build();

    GatewayResponse response = call("/hello");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.bodyAsString()).isEqualTo("secure hello");
    assertThat(received.poll(5, TimeUnit.SECONDS)).isEqualTo("GET /greeting?lang=en http");
  }

  @Test
  void backendTheJdkDefaultsDoNotTrustGets504WithoutItsAddress() throws Exception {
    gateway = Gateway.builder()
        .httpApi("shop", api -> api.route("GET /hello", Integrations.http(url() + "/greeting")))
        .build();

    GatewayResponse response = call("/hello");

    assertThat(response.status()).isEqualTo(504);
    assertThat(response.bodyAsString()).isEqualTo("{\"message\":\"Internal server error\"}");
    assertThat(response.headers().first("x-amzn-ErrorType")).isEqualTo("InternalServerErrorException");
    assertThat(response.bodyAsString() + response.headers()).doesNotContain("127.0.0.1")
        .doesNotContain(Integer.toString(server.getAddress().getPort()))
        .doesNotContainIgnoringCase("certificat").doesNotContainIgnoringCase("PKIX");
    assertThat(received).isEmpty();
  }

  @Test
  void routesWithAndWithoutTheSslContextInOneGatewayEachKeepTheirOwnTrust() throws Exception {
    gateway = Gateway.builder()
        .httpApi("shop", api -> api
            .route("GET /trusted", Integrations.http(url() + "/t", http -> {
              try {
                http.sslContext(keyStore.anonymousContext());
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            }))
            .route("GET /default", Integrations.http(url() + "/d")))
        .build();

    assertThat(call("/trusted").status()).isEqualTo(200);
    assertThat(call("/default").status()).isEqualTo(504);
    assertThat(call("/trusted").status()).isEqualTo(200);
    assertThat(received).containsExactly("GET /t http", "GET /t http");
  }

  @Test
  void plainHttpToTheTlsPortGets504() throws Exception {
    gateway = Gateway.builder()
        .httpApi("shop", api -> api.route("GET /hello",
            Integrations.http("http://127.0.0.1:" + server.getAddress().getPort() + "/greeting"),
            route -> route.timeout(java.time.Duration.ofSeconds(3))))
        .build();

    GatewayResponse response = call("/hello");

    assertThat(response.status()).isEqualTo(504);
    assertThat(received).isEmpty();
  }
}
