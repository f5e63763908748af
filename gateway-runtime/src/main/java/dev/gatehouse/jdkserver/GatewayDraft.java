package dev.gatehouse.jdkserver;

import dev.gatehouse.GatewayResponse;
import dev.gatehouse.Headers;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import org.java_websocket.WebSocketImpl;
import org.java_websocket.drafts.Draft;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.enums.Opcode;
import org.java_websocket.exceptions.InvalidDataException;
import org.java_websocket.exceptions.InvalidHandshakeException;
import org.java_websocket.exceptions.LimitExceededException;
import org.java_websocket.extensions.DefaultExtension;
import org.java_websocket.extensions.IExtension;
import org.java_websocket.framing.Framedata;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.handshake.HandshakeBuilder;
import org.java_websocket.handshake.Handshakedata;
import org.java_websocket.handshake.ServerHandshake;
import org.java_websocket.handshake.ServerHandshakeBuilder;
import org.java_websocket.protocols.IProtocol;
import org.java_websocket.protocols.Protocol;

/**
 * RFC 6455 as Java-WebSocket's {@link Draft_6455} speaks it, with what the gateway needs on top.
 * Java-WebSocket copies one instance per connection ({@link #copyInstance()}), so the state here
 * belongs to one connection.
 *
 * <p><b>Refusals.</b> Java-WebSocket can answer a handshake only with its own 404 or 500 page
 * ({@code WebSocketImpl.closeConnectionDueToWrongHandshake}), and {@link Draft#createHandshake}
 * always writes {@code HTTP/1.1 101}. The draft is the one object that both writes the handshake
 * answer and reads every frame, so a refused connection's draft is marked with {@link #refuse}: it
 * writes the refusal's status line, headers and body instead of the 101, and discards whatever the
 * client sends after it. The server then closes the connection once the answer is flushed, without
 * a close frame. Java-WebSocket still calls {@code onOpen} for it (its handshake code knows no other
 * outcome), which is where the server starts that close. The alternatives were worse: throwing from
 * the handshake callback appends Java-WebSocket's 404 page, and writing into the connection's queue
 * by hand races the library's own writes.
 *
 * <p><b>Masking.</b> Java-WebSocket 1.6.0 accepts unmasked frames from a client; RFC 6455 section
 * 5.1 says the server must close the connection. {@link ClientFrameScanner} reads the frame headers
 * before the draft decodes them and fails an unmasked one with 1002.
 *
 * <p><b>Message size.</b> Draft_6455 checks its maximum frame size against each frame and against
 * the message reassembled so far, but only at its first and its last frame: the continuation frames
 * between them pile up unchecked. {@link #processFrame} counts them as they arrive and closes with
 * 1009 as soon as the message outgrows the limit.
 */
final class GatewayDraft extends Draft_6455 {
  private final int maxMessageBytes;
  private final ClientFrameScanner scanner = new ClientFrameScanner();
  private volatile GatewayResponse refusal;
  // only touched by the connection's decoder thread
  private long messageBytes;

  GatewayDraft(int maxMessageBytes) {
    super(List.<IExtension>of(new DefaultExtension()), List.<IProtocol>of(new Protocol("")), maxMessageBytes);
    this.maxMessageBytes = maxMessageBytes;
  }

  /** Answers this connection's handshake with {@code response} instead of 101. */
  void refuse(GatewayResponse response) {
    this.refusal = response;
  }

  boolean isRefused() {
    return refusal != null;
  }

  @Override
  public Draft copyInstance() {
    return new GatewayDraft(maxMessageBytes);
  }

  @Override
  public HandshakeBuilder postProcessHandshakeResponseAsServer(ClientHandshake request,
      ServerHandshakeBuilder response) throws InvalidHandshakeException {
    if (refusal != null) {
      // the 101's fields (Sec-WebSocket-Accept and the rest) do not belong on a refusal
      return response;
    }
    return super.postProcessHandshakeResponseAsServer(request, response);
  }

  @Override
  public List<ByteBuffer> createHandshake(Handshakedata handshake, boolean withContent) {
    GatewayResponse response = refusal;
    if (response == null || !(handshake instanceof ServerHandshake)) {
      return super.createHandshake(handshake, withContent);
    }
    return Collections.singletonList(httpResponse(response));
  }

  @Override
  public List<Framedata> translateFrame(ByteBuffer buffer) throws InvalidDataException {
    if (refusal != null) {
      buffer.position(buffer.limit());
      return Collections.emptyList();
    }
    scanner.scan(buffer);
    return super.translateFrame(buffer);
  }

  @Override
  public void processFrame(WebSocketImpl connection, Framedata frame) throws InvalidDataException {
    Opcode opcode = frame.getOpcode();
    if (opcode == Opcode.TEXT || opcode == Opcode.BINARY || opcode == Opcode.CONTINUOUS) {
      messageBytes = (opcode == Opcode.CONTINUOUS ? messageBytes : 0) + frame.getPayloadData().remaining();
      if (messageBytes > maxMessageBytes) {
        messageBytes = 0;
        throw new LimitExceededException("message larger than " + maxMessageBytes + " bytes", maxMessageBytes);
      }
      if (frame.isFin()) {
        messageBytes = 0;
      }
    }
    super.processFrame(connection, frame);
  }

  /** The refusal as an HTTP/1.1 response that ends the connection. */
  static ByteBuffer httpResponse(GatewayResponse response) {
    byte[] body = response.isStreamed() ? new byte[0] : bytes(response.body());
    if (response.isStreamed()) {
      // a handshake answer is written whole; a refusal never needs a streamed body
      response.releaseBody();
    }
    StringBuilder head = new StringBuilder(256)
        .append("HTTP/1.1 ").append(response.status()).append(' ').append(reason(response.status())).append("\r\n");
    Headers headers = response.headers();
    headers.forEach((name, value) -> {
      // framing is this method's; a line break would let a value write fields of its own
      if (!name.equalsIgnoreCase("Content-Length") && !name.equalsIgnoreCase("Connection")
          && !name.equalsIgnoreCase("Transfer-Encoding") && isFieldText(name) && isFieldText(value)) {
        head.append(name).append(": ").append(value).append("\r\n");
      }
    });
    head.append("Content-Length: ").append(body.length).append("\r\n");
    head.append("Connection: close\r\n\r\n");
    byte[] headBytes = head.toString().getBytes(StandardCharsets.ISO_8859_1);
    ByteBuffer out = ByteBuffer.allocate(headBytes.length + body.length);
    out.put(headBytes).put(body).flip();
    return out;
  }

  private static boolean isFieldText(String text) {
    return text.indexOf('\r') < 0 && text.indexOf('\n') < 0;
  }

  private static byte[] bytes(ByteBuffer buffer) {
    byte[] bytes = new byte[buffer.remaining()];
    buffer.get(bytes);
    return bytes;
  }

  private static String reason(int status) {
    switch (status) {
      case 400: return "Bad Request";
      case 401: return "Unauthorized";
      case 403: return "Forbidden";
      case 404: return "Not Found";
      case 409: return "Conflict";
      case 410: return "Gone";
      case 413: return "Payload Too Large";
      case 429: return "Too Many Requests";
      case 500: return "Internal Server Error";
      case 502: return "Bad Gateway";
      case 503: return "Service Unavailable";
      case 504: return "Gateway Timeout";
      default: return status < 400 ? "OK" : "Error";
    }
  }
}
