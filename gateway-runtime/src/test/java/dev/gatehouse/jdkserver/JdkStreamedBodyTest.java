package dev.gatehouse.jdkserver;

import static dev.gatehouse.testing.Bodies.everyByte;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.gatehouse.Gateway;
import dev.gatehouse.GatewayResponse;
import dev.gatehouse.testing.ChunkPublisher;
import dev.gatehouse.testing.RecordingGateway;
import dev.gatehouse.testing.StreamedBodyContract;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@link StreamedBodyContract} on the JDK's {@code HttpServer}. */
class JdkStreamedBodyTest extends StreamedBodyContract {
  private TestServer server;

  @Override
  protected URI start(Gateway gateway) {
    server = TestServer.http("/", gateway);
    return server.uri("");
  }

  @Override
  protected void stop() {
    server.close();
  }

  @Test
  void serverWithoutAnExecutorStillGetsTheWholeBody() throws Exception {
    byte[] body = everyByte(1024);
    HttpServer bare = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    try (RecordingGateway gateway = new RecordingGateway(); ChunkPublisher source = new ChunkPublisher(body, 1000)) {
      gateway.answering(request -> GatewayResponse.builder(200).body(source, -1).build());
      JdkHttpServerAdapter.mount(bare, "/", gateway);
      bare.start();
      HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

      HttpResponse<byte[]> response = client.sendAsync(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + bare.getAddress().getPort() + "/prod"))
              .timeout(Duration.ofSeconds(10)).build(),
          HttpResponse.BodyHandlers.ofByteArray()).get(30, TimeUnit.SECONDS);

      assertThat(response.body()).isEqualTo(body);
    } finally {
      bare.stop(0);
    }
  }
}
