package dev.gatehouse.jdkserver;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.gatehouse.Gateway;
import dev.gatehouse.testing.EchoWebSocketGateway;
import dev.gatehouse.testing.RecordingGateway;
import dev.gatehouse.testing.WsClient;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/** The Javadoc examples of this package, compiled and run as written. */
class JavadocExamplesTest {

  @Test
  void jdkHttpServerAdapterClassExample() throws Exception {
    Gateway gateway = new RecordingGateway();
    int port = 0;

    // --- begin JdkHttpServerAdapter class Javadoc
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
    server.setExecutor(Executors.newFixedThreadPool(64)); // request bodies are read on these threads
    JdkHttpServerAdapter.mount(server, "/", gateway);
    server.start();
    // --- end

    try {
      HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(
          HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/prod"))
              .timeout(Duration.ofSeconds(10)).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).isEqualTo(200);
    } finally {
      server.stop(0);
      ((ExecutorService) server.getExecutor()).shutdownNow();
    }
  }

  @Test
  void jdkWebSocketServerClassExample() throws Exception {
    Gateway gateway = new EchoWebSocketGateway();

    // --- begin JdkWebSocketServer class Javadoc
    JdkWebSocketServer webSockets = JdkWebSocketServer.builder(new InetSocketAddress("127.0.0.1", 0), "/", gateway)
        .maxMessageBytes(256 * 1024)
        .start();
    URI chat = URI.create("ws://127.0.0.1:" + webSockets.port() + "/prod");
    // --- end

    try {
      WsClient client = WsClient.connect(chat);
      client.socket().sendText("hi", true).get(10, java.util.concurrent.TimeUnit.SECONDS);
      assertThat(client.next()).isEqualTo("hi");
    } finally {
      webSockets.close();
    }
  }
}
