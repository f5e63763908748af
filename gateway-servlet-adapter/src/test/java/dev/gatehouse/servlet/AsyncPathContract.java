package dev.gatehouse.servlet;

import static dev.gatehouse.testing.Bodies.everyByte;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.GatewayResponse;
import dev.gatehouse.testing.RecordingGateway;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Which requests {@link GatewayServlet} answers on the container's thread and which go async,
 * whatever the container: each subclass only says which container to start.
 */
public abstract class AsyncPathContract extends GatewayInContainer {
  protected final RecordingGateway gateway = new RecordingGateway();

  @AfterEach
  void closeGateway() {
    gateway.close();
  }

  @Test
  void readyAnswerToRequestWithoutBodyIsWrittenWithoutAsyncProcessing() throws Exception {
    AsyncStartedFilter filter = new AsyncStartedFilter();
    URI base = container().deploy(new GatewayServlet(gateway), "/app", "/api/*",
        ServletContainer.AsyncSupport.ON, filter);
    gateway.answer(GatewayResponse.builder(201).header("X-Answer", "ready").body("done").build());

    HttpResponse<byte[]> response = get(base + "/prod/pets");

    assertThat(response.statusCode()).isEqualTo(201);
    assertThat(response.headers().firstValue("X-Answer")).hasValue("ready");
    assertThat(new String(response.body(), UTF_8)).isEqualTo("done");
    assertThat(filter.nextStartedAsync()).isFalse();
  }

  @Test
  void lateAnswerBodyOrAnswerBiggerThanTheBufferGoesAsync() throws Exception {
    AsyncStartedFilter filter = new AsyncStartedFilter();
    URI base = container().deploy(new GatewayServlet(gateway), "/app", "/api/*",
        ServletContainer.AsyncSupport.ON, filter);

    gateway.answerLater(Duration.ofMillis(20));
    assertThat(get(base + "/prod/late").statusCode()).isEqualTo(200);
    assertThat(filter.nextStartedAsync()).as("answer not ready when the gateway returned").isTrue();

    gateway.answer(GatewayResponse.builder(200).body("ok").build());
    HttpResponse<byte[]> posted = send(HttpRequest.newBuilder(URI.create(base + "/prod/pets"))
        .POST(BodyPublishers.ofString("{}")));
    assertThat(new String(posted.body(), UTF_8)).isEqualTo("ok");
    assertThat(filter.nextStartedAsync()).as("request with a body").isTrue();

    byte[] big = everyByte(8 * 1024);
    gateway.answer(GatewayResponse.builder(200).body(big).build());
    HttpResponse<byte[]> large = get(base + "/prod/big");
    assertThat(large.body()).isEqualTo(big);
    assertThat(filter.nextStartedAsync()).as("2 MiB answer, more than the buffer holds").isTrue();
  }
}
