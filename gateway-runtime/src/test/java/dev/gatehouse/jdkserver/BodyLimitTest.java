package dev.gatehouse.jdkserver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.GatewayRequest;
import dev.gatehouse.GatewayResponseType;
import dev.gatehouse.testing.RecordingGateway;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The payload limit: bodies past {@code Gateway.maxRequestBodyBytes()} are refused, not read. */
class BodyLimitTest {
  private static final int LIMIT = 1024;

  private final RecordingGateway gateway = new RecordingGateway().maxRequestBodyBytes(LIMIT);
  private TestServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  private static byte[] chunked(int total, int chunkSize) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int sent = 0; sent < total; sent += chunkSize) {
      int n = Math.min(chunkSize, total - sent);
      byte[] chunk = new byte[n];
      Arrays.fill(chunk, (byte) 'x');
      out.writeBytes((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
      out.writeBytes(chunk);
      out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
    }
    out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    return out.toByteArray();
  }

  @Test
  void oversizedContentLengthIsRefusedWithoutReadingTheBody() throws Exception {
    server = TestServer.http("/", gateway);

    // Declares a gigabyte, sends three bytes and waits: only an answer that does not wait for the
    // body can arrive.
    RawConnection.Response response = server.exchange(
        "POST /prod/upload HTTP/1.1\r\nHost: localhost\r\nContent-Length: 1000000000\r\n\r\nabc");

    assertThat(response.status()).isEqualTo(413);
    assertThat(response.header("Connection")).isEqualTo("close");
    assertThat(response.header("x-amzn-ErrorType")).isEqualTo("RequestTooLargeException");
    assertThat(response.bodyAsString()).isEqualTo("{\"message\":\"Request Too Long\"}");
    GatewayRequest request = gateway.takeRequest();
    assertThat(request.refusal()).isEqualTo(GatewayResponseType.REQUEST_TOO_LARGE);
    assertThat(request.bodyLength()).isZero();
    assertThat(request.rawPath()).isEqualTo("/prod/upload");
  }

  @Test
  void contentLengthAtTheLimitIsRead() throws Exception {
    server = TestServer.http("/", gateway);

    byte[] body = new byte[LIMIT];
    Arrays.fill(body, (byte) 'y');
    try (RawConnection connection = server.connect()) {
      connection.send("POST /prod HTTP/1.1\r\nHost: localhost\r\nContent-Length: " + LIMIT + "\r\n\r\n").send(body);
      assertThat(connection.readResponse().body()).isEqualTo(body);
    }
    assertThat(gateway.takeRequest().refusal()).isNull();
  }

  @Test
  void contentLengthOneByteOverTheLimitIsRefused() throws Exception {
    server = TestServer.http("/", gateway);

    try (RawConnection connection = server.connect()) {
      connection.send("POST /prod HTTP/1.1\r\nHost: localhost\r\nContent-Length: " + (LIMIT + 1) + "\r\n\r\n")
          .send(new byte[LIMIT + 1]);
      assertThat(connection.readResponse().status()).isEqualTo(413);
    }
    assertThat(gateway.takeRequest().refusal()).isEqualTo(GatewayResponseType.REQUEST_TOO_LARGE);
  }

  @Test
  void chunkedBodyGrowingPastTheLimitIsRefused() throws Exception {
    server = TestServer.http("/", gateway);

    RawConnection.Response response;
    try (RawConnection connection = server.connect()) {
      connection.send("POST /prod HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\n\r\n")
          .send(chunked(LIMIT * 4, 100));
      response = connection.readResponse();
      assertThat(connection.serverClosed()).isTrue();
    }

    assertThat(response.status()).isEqualTo(413);
    assertThat(response.header("Connection")).isEqualTo("close");
    GatewayRequest request = gateway.takeRequest();
    assertThat(request.refusal()).isEqualTo(GatewayResponseType.REQUEST_TOO_LARGE);
    assertThat(request.bodyLength()).isZero();
  }

  @Test
  void chunkedBodyWithinTheLimitIsReadWhole() throws Exception {
    server = TestServer.http("/", gateway);

    RawConnection.Response response;
    try (RawConnection connection = server.connect()) {
      response = connection.send("POST /prod HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\n\r\n")
          .send(chunked(LIMIT, 100))
          .readResponse();
    }

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.body()).hasSize(LIMIT);
    GatewayRequest request = gateway.takeRequest();
    assertThat(request.refusal()).isNull();
    assertThat(request.bodyLength()).isEqualTo(LIMIT);
    assertThat(response.header("Connection")).isNull();
  }

  @Test
  void clientThatHangsUpMidBodyNeverReachesTheGateway() throws Exception {
    server = TestServer.http("/", gateway, 1);

    try (RawConnection connection = server.connect()) {
      connection.send("POST /prod HTTP/1.1\r\nHost: localhost\r\nContent-Length: 100\r\n\r\nonly ten b");
    }
    // The single server thread is free again and the next request is served normally.
    RawConnection.Response response =
        server.exchange("POST /prod/next HTTP/1.1\r\nHost: localhost\r\nContent-Length: 2\r\n\r\nok");
    assertThat(response.bodyAsString()).isEqualTo("ok");

    assertThat(gateway.takeRequest().rawPath()).isEqualTo("/prod/next");
    assertThat(gateway.pendingRequests()).isZero();
  }
}
