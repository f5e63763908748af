package dev.gatehouse.jdkserver;

import static dev.gatehouse.testing.RawWebSocketClient.BINARY;
import static dev.gatehouse.testing.RawWebSocketClient.CLOSE;
import static dev.gatehouse.testing.RawWebSocketClient.CONTINUATION;
import static dev.gatehouse.testing.RawWebSocketClient.PING;
import static dev.gatehouse.testing.RawWebSocketClient.PONG;
import static dev.gatehouse.testing.RawWebSocketClient.TEXT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.testing.EchoWebSocketGateway;
import dev.gatehouse.testing.RawWebSocketClient;
import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * RFC 6455 at the frame level, as the Autobahn test suite checks it, with frames no ordinary client
 * sends. Every violation must close the connection with its code, and the session must hear of it.
 */
class WebSocketProtocolTest {
  private static final int CEILING = 1024;

  private final EchoWebSocketGateway gateway = new EchoWebSocketGateway();
  private JdkWebSocketServer server;
  private RawWebSocketClient client;

  @BeforeEach
  void connect() throws Exception {
    server = JdkWebSocketServer.builder(new InetSocketAddress("127.0.0.1", 0), "/", gateway)
        .maxMessageBytes(CEILING)
        .start();
    client = RawWebSocketClient.connect(server.port());
    assertThat(client.handshake("/prod").status()).isEqualTo(101);
  }

  @AfterEach
  void stop() throws Exception {
    client.close();
    server.close();
  }

  private void assertClosedWith(int code) throws Exception {
    assertThat(client.readClose().closeCode()).isEqualTo(code);
    assertThat(gateway.takeClose().code()).isEqualTo(code);
  }

  @Test
  void unmaskedClientFrameClosesWith1002() throws Exception {
    client.sendFrame(true, 0, TEXT, bytes("plain"), false);

    assertClosedWith(1002);
  }

  @Test
  void unmaskedFrameAfterAMaskedOneClosesWith1002() throws Exception {
    client.sendText("fine");
    assertThat(client.readFrame().text()).isEqualTo("fine");

    client.sendFrame(true, 0, BINARY, new byte[300], false);

    assertClosedWith(1002);
  }

  @Test
  void reservedBitsWithoutAnExtensionCloseWith1002() throws Exception {
    client.sendFrame(true, 4, TEXT, bytes("rsv1"), true);

    assertClosedWith(1002);
  }

  @Test
  void reservedOpcodeClosesWith1002() throws Exception {
    client.sendFrame(true, 0, 0x3, bytes("what"), true);

    assertClosedWith(1002);
  }

  @Test
  void fragmentedPingClosesWith1002() throws Exception {
    client.sendFrame(false, 0, PING, bytes("half"), true);

    assertClosedWith(1002);
  }

  @Test
  void continuationWithoutAStartClosesWith1002() throws Exception {
    client.sendFrame(true, 0, CONTINUATION, bytes("orphan"), true);

    assertClosedWith(1002);
  }

  @Test
  void invalidUtf8TextClosesWith1007() throws Exception {
    client.sendFrame(true, 0, TEXT, new byte[] {'o', 'k', (byte) 0xC3, 0x28}, true);

    assertClosedWith(1007);
  }

  @Test
  void messageOverTheCeilingClosesWith1009() throws Exception {
    client.sendFrame(true, 0, BINARY, new byte[CEILING + 1], true);

    assertClosedWith(1009);
  }

  @Test
  void messageAtTheCeilingIsDelivered() throws Exception {
    client.sendFrame(true, 0, BINARY, new byte[CEILING], true);

    assertThat(client.readFrame().payload()).hasSize(CEILING);
  }

  @Test
  void fragmentsThatOutgrowTheCeilingCloseWith1009BeforeTheLastOne() throws Exception {
    client.sendFrame(false, 0, BINARY, new byte[400], true);
    client.sendFrame(false, 0, CONTINUATION, new byte[400], true);
    client.sendFrame(false, 0, CONTINUATION, new byte[400], true);

    assertClosedWith(1009);
  }

  @Test
  void messageFragmentedIntoManyFramesIsReassembledIntact() throws Exception {
    // multi-byte characters split across frames, and control frames between the fragments
    byte[] message = "añ€😀".repeat(30).getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream frames = new ByteArrayOutputStream();
    for (int start = 0, i = 0; start < message.length; start += 7, i++) {
      byte[] piece = Arrays.copyOfRange(message, start, Math.min(message.length, start + 7));
      boolean last = start + 7 >= message.length;
      frames.writeBytes(RawWebSocketClient.frame(last, 0, i == 0 ? TEXT : CONTINUATION, piece, true));
      if (i == 3) {
        frames.writeBytes(RawWebSocketClient.frame(true, 0, PING, bytes("in between"), true));
      }
    }
    client.sendRaw(frames.toByteArray());

    RawWebSocketClient.Frame pong = client.readFrame();
    assertThat(pong.opcode()).isEqualTo(PONG);
    assertThat(pong.text()).isEqualTo("in between");
    RawWebSocketClient.Frame echo = client.readFrame();
    assertThat(echo.fin()).isTrue();
    assertThat(echo.opcode()).isEqualTo(TEXT);
    assertThat(echo.payload()).isEqualTo(message);
  }

  @Test
  void clientCloseIsEchoedAndReachesTheSession() throws Exception {
    client.sendClose(4010, "done");

    RawWebSocketClient.Frame echo = client.readFrame();
    assertThat(echo.opcode()).isEqualTo(CLOSE);
    assertThat(echo.closeCode()).isEqualTo(4010);
    assertThat(gateway.takeClose()).isEqualTo(new EchoWebSocketGateway.Close(4010, "done"));
    assertThat(client.awaitEndOfStream()).isTrue();
  }

  @Test
  void clientThatVanishesIsReportedAs1006() throws Exception {
    client.close();

    assertThat(gateway.takeClose().code()).isEqualTo(1006);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
