package dev.gatehouse.testing;

import static dev.gatehouse.testing.RawWebSocketClient.BINARY;
import static dev.gatehouse.testing.RawWebSocketClient.CLOSE;
import static dev.gatehouse.testing.RawWebSocketClient.CONTINUATION;
import static dev.gatehouse.testing.RawWebSocketClient.PING;
import static dev.gatehouse.testing.RawWebSocketClient.PONG;
import static dev.gatehouse.testing.RawWebSocketClient.TEXT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.Gateway;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * RFC 6455 at the frame level, as the Autobahn test suite checks it, with frames no ordinary client
 * sends: one suite for every transport (the JDK server's Java-WebSocket, the servlet endpoint on
 * Jetty and Tomcat). Every violation must close the connection with its code, and the gateway's
 * session must hear of it exactly once. A subclass serves the gateway and says where; where a
 * container cannot be made to answer as the RFC asks, the subclass overrides the case and says why.
 */
public abstract class WebSocketProtocolContract {
  /** The message ceiling every transport is served with. */
  protected static final int CEILING = 1024;

  /** Announces {@link #CEILING} in its upgrades and enforces nothing itself. */
  protected final EchoWebSocketGateway gateway = new EchoWebSocketGateway().maxMessageBytes(CEILING);
  protected RawWebSocketClient client;
  private Served served;
  private boolean stopped;

  /**
   * Where a transport serves the gateway.
   *
   * @param webSocket the mount point, such as {@code ws://127.0.0.1:40123/app/ws}; the gateway
   *     accepts {@code /prod} under it
   * @param server stops serving
   */
  public record Served(URI webSocket, AutoCloseable server) {}

  /**
   * Serves {@code gateway} on loopback with a transport that closes messages over {@code ceiling}
   * bytes with 1009: its own setting, or the upgrade's announcement if the transport takes it from
   * there.
   */
  protected abstract Served serve(Gateway gateway, int ceiling) throws Exception;

  @BeforeEach
  void connect() throws Exception {
    served = serve(gateway, CEILING);
    client = RawWebSocketClient.connect(served.webSocket().getPort());
    assertThat(client.handshake(served.webSocket().getRawPath() + "/prod").status()).isEqualTo(101);
  }

  @AfterEach
  void disconnect() throws Exception {
    client.close();
    stopServing();
  }

  private void stopServing() throws Exception {
    if (!stopped) {
      stopped = true;
      served.server().close();
    }
  }

  /**
   * Reads the close the transport sent and checks that it reached the session with the same code
   * and that the transport ended the connection. The client does not answer the close: a transport
   * that fails a connection (RFC 6455 7.1.7) must not wait for a client that broke the protocol.
   */
  protected void assertClosedWith(int code) throws Exception {
    assertThat(client.readClose().closeCode()).as("the close code the client read").isEqualTo(code);
    assertThat(gateway.takeClose().code()).as("the close code the session heard").isEqualTo(code);
    assertThat(client.awaitEndOfStream()).as("the transport ended the connection").isTrue();
    assertReportedOnce();
  }

  /**
   * Stops the transport and checks that the session heard no other close: a connection still open
   * would be closed by the stop and reported again.
   */
  protected void assertReportedOnce() throws Exception {
    stopServing();
    assertThat(gateway.pendingCloses()).as("closes reported after the first").isZero();
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
  void violationRightAfterAnEchoStillClosesWithItsCode() throws Exception {
    // the close races the write of the echo; one connection loses that race too rarely to show it
    for (int i = 0; i < 20; i++) {
      try (RawWebSocketClient other = RawWebSocketClient.connect(served.webSocket().getPort())) {
        assertThat(other.handshake(served.webSocket().getRawPath() + "/prod").status()).isEqualTo(101);
        other.sendText("echo " + i);
        assertThat(other.readFrame().text()).isEqualTo("echo " + i);

        other.sendFrame(true, 0, BINARY, bytes("plain"), false);

        assertThat(other.readClose().closeCode()).as("the close code connection %d read", i).isEqualTo(1002);
        assertThat(gateway.takeClose().code()).isEqualTo(1002);
      }
    }
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
  void binaryMessageOverTheCeilingClosesWith1009() throws Exception {
    client.sendFrame(true, 0, BINARY, new byte[CEILING + 1], true);

    assertClosedWith(1009);
  }

  @Test
  void textMessageOverTheCeilingClosesWith1009() throws Exception {
    client.sendFrame(true, 0, TEXT, "x".repeat(CEILING + 1).getBytes(StandardCharsets.UTF_8), true);

    assertClosedWith(1009);
  }

  @Test
  void messageAtTheCeilingIsDelivered() throws Exception {
    client.sendFrame(true, 0, BINARY, new byte[CEILING], true);

    assertThat(client.readFrame().payload()).hasSize(CEILING);
    assertThat(gateway.pendingCloses()).isZero();
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
    // multi-byte characters split across frames, and a control frame between the fragments
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
    assertThat(gateway.pendingCloses()).isZero();
  }

  @Test
  void clientCloseIsEchoedAndReachesTheSession() throws Exception {
    client.sendClose(4010, "done");

    RawWebSocketClient.Frame echo = client.readFrame();
    assertThat(echo.opcode()).isEqualTo(CLOSE);
    assertThat(echo.closeCode()).isEqualTo(4010);
    assertThat(gateway.takeClose()).isEqualTo(new EchoWebSocketGateway.Close(4010, "done"));
    assertThat(client.awaitEndOfStream()).isTrue();
    assertReportedOnce();
  }

  @Test
  void clientThatVanishesIsReportedAs1006() throws Exception {
    client.close();

    assertThat(gateway.takeClose().code()).isEqualTo(1006);
    assertReportedOnce();
  }

  protected static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
