package dev.gatehouse.testing;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A WebSocket client on a plain loopback socket, for what well-behaved clients such as
 * {@code java.net.http.WebSocket} never send: unmasked frames, reserved bits and opcodes, fragmented
 * control frames, invalid UTF-8, frames past any limit. Every byte is the test's. Every read is
 * bounded by a socket timeout (10 seconds), so a server that never answers fails the test instead
 * of hanging it. Shared with the servlet adapter's tests through the test jar.
 */
public final class RawWebSocketClient implements AutoCloseable {
  public static final int CONTINUATION = 0x0;
  public static final int TEXT = 0x1;
  public static final int BINARY = 0x2;
  public static final int CLOSE = 0x8;
  public static final int PING = 0x9;
  public static final int PONG = 0xA;

  private static final int TIMEOUT_MILLIS = 10_000;
  private static final int MAX_HEAD = 64 * 1024;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;

  /** The server's answer to the opening handshake; {@code headers} are keyed in lower case. */
  public record Handshake(int status, String statusLine, Map<String, List<String>> headers, byte[] body) {
    public String header(String name) {
      List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
      return values == null ? null : values.get(0);
    }

    public String bodyAsString() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  /** One frame as the server sent it, unmasked. */
  public record Frame(boolean fin, int rsv, int opcode, byte[] payload) {
    /** The status code of a close frame; 1005 when it carries none. */
    public int closeCode() {
      return payload.length < 2 ? 1005 : ((payload[0] & 0xff) << 8) | (payload[1] & 0xff);
    }

    public String text() {
      return new String(payload, StandardCharsets.UTF_8);
    }
  }

  private RawWebSocketClient(Socket socket) throws IOException {
    this.socket = socket;
    this.in = socket.getInputStream();
    this.out = socket.getOutputStream();
  }

  /** Connects to {@code port} on the loopback address. */
  public static RawWebSocketClient connect(int port) throws IOException {
    return connect(port, 0);
  }

  /**
   * Connects with a receive buffer of about {@code receiveBufferBytes} (0: the default), set before
   * connecting so that the advertised TCP window is small from the start.
   */
  public static RawWebSocketClient connect(int port, int receiveBufferBytes) throws IOException {
    Socket socket = new Socket();
    try {
      if (receiveBufferBytes > 0) {
        socket.setReceiveBufferSize(receiveBufferBytes);
      }
      socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), TIMEOUT_MILLIS);
      socket.setSoTimeout(TIMEOUT_MILLIS);
      return new RawWebSocketClient(socket);
    } catch (IOException e) {
      socket.close();
      throw e;
    }
  }

  /** Sends an opening handshake for {@code target} (path and query) and reads the answer. */
  public Handshake handshake(String target) throws IOException {
    return handshake(target, Map.of());
  }

  /**
   * Sends an opening handshake with {@code extraHeaders} and reads the answer: for a 101 the head
   * alone, with the stream left at the first frame; for anything else the head and the body that
   * its Content-Length announces, or everything until the server closes when none does.
   */
  public Handshake handshake(String target, Map<String, String> extraHeaders) throws IOException {
    byte[] key = new byte[16];
    RANDOM.nextBytes(key);
    StringBuilder request = new StringBuilder()
        .append("GET ").append(target).append(" HTTP/1.1\r\n")
        .append("Host: 127.0.0.1:").append(socket.getPort()).append("\r\n")
        .append("Upgrade: websocket\r\n")
        .append("Connection: Upgrade\r\n")
        .append("Sec-WebSocket-Key: ").append(Base64.getEncoder().encodeToString(key)).append("\r\n")
        .append("Sec-WebSocket-Version: 13\r\n");
    extraHeaders.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
    request.append("\r\n");
    sendRaw(request.toString().getBytes(StandardCharsets.ISO_8859_1));
    return readHandshake();
  }

  private Handshake readHandshake() throws IOException {
    String[] lines = readHead().split("\r\n");
    String statusLine = lines[0];
    int status = Integer.parseInt(statusLine.split(" ", 3)[1]);
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      headers.computeIfAbsent(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
          .add(lines[i].substring(colon + 1).trim());
    }
    byte[] body = new byte[0];
    if (status != 101) {
      List<String> length = headers.get("content-length");
      body = length != null ? in.readNBytes(Integer.parseInt(length.get(0))) : in.readAllBytes();
    }
    return new Handshake(status, statusLine, headers, body);
  }

  private String readHead() throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    while (matched < 4) {
      int b = in.read();
      if (b == -1) {
        throw new EOFException("connection closed after " + head.size() + " bytes of the handshake answer");
      }
      if (head.size() == MAX_HEAD) {
        throw new IOException("handshake answer longer than " + MAX_HEAD + " bytes");
      }
      head.write(b);
      matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
    }
    String text = head.toString(StandardCharsets.ISO_8859_1);
    return text.substring(0, text.length() - 4);
  }

  /** Sends one masked, final text frame. */
  public RawWebSocketClient sendText(String text) throws IOException {
    return sendFrame(true, 0, TEXT, text.getBytes(StandardCharsets.UTF_8), true);
  }

  /** Sends one masked close frame with {@code code} and {@code reason}. */
  public RawWebSocketClient sendClose(int code, String reason) throws IOException {
    byte[] text = reason.getBytes(StandardCharsets.UTF_8);
    ByteBuffer payload = ByteBuffer.allocate(2 + text.length).putShort((short) code).put(text);
    return sendFrame(true, 0, CLOSE, payload.array(), true);
  }

  /**
   * Sends one frame exactly as described.
   *
   * @param rsv the three reserved bits, 0 to 7 (RSV1 is 4)
   * @param opcode any of the sixteen, reserved ones included
   * @param masked whether to set the mask bit and mask the payload with a random key, as a client must
   */
  public RawWebSocketClient sendFrame(boolean fin, int rsv, int opcode, byte[] payload, boolean masked)
      throws IOException {
    return sendRaw(frame(fin, rsv, opcode, payload, masked));
  }

  /** The bytes of one frame; see {@link #sendFrame}. */
  public static byte[] frame(boolean fin, int rsv, int opcode, byte[] payload, boolean masked) {
    ByteBuffer frame = ByteBuffer.allocate(14 + payload.length);
    frame.put((byte) ((fin ? 0x80 : 0) | (rsv & 7) << 4 | (opcode & 0x0f)));
    int maskBit = masked ? 0x80 : 0;
    if (payload.length < 126) {
      frame.put((byte) (maskBit | payload.length));
    } else if (payload.length <= 0xffff) {
      frame.put((byte) (maskBit | 126)).putShort((short) payload.length);
    } else {
      frame.put((byte) (maskBit | 127)).putLong(payload.length);
    }
    if (masked) {
      byte[] key = new byte[4];
      RANDOM.nextBytes(key);
      frame.put(key);
      for (int i = 0; i < payload.length; i++) {
        frame.put((byte) (payload[i] ^ key[i % 4]));
      }
    } else {
      frame.put(payload);
    }
    byte[] bytes = new byte[frame.position()];
    frame.flip().get(bytes);
    return bytes;
  }

  /** Sends {@code bytes} as they are. */
  public RawWebSocketClient sendRaw(byte[] bytes) throws IOException {
    out.write(bytes);
    out.flush();
    return this;
  }

  /**
   * Reads the next frame.
   *
   * @throws EOFException if the server closed the connection first
   */
  public Frame readFrame() throws IOException {
    int b0 = readByte();
    int b1 = readByte();
    long length = b1 & 0x7f;
    if (length == 126) {
      length = ((long) readByte() << 8) | readByte();
    } else if (length == 127) {
      length = ByteBuffer.wrap(readFully(8)).getLong();
    }
    byte[] key = (b1 & 0x80) != 0 ? readFully(4) : null;
    if (length > Integer.MAX_VALUE - 8) {
      throw new IOException("frame of " + length + " bytes");
    }
    byte[] payload = readFully((int) length);
    if (key != null) {
      for (int i = 0; i < payload.length; i++) {
        payload[i] ^= key[i % 4];
      }
    }
    return new Frame((b0 & 0x80) != 0, (b0 >> 4) & 7, b0 & 0x0f, payload);
  }

  /** Reads frames until a close frame, which it returns; pings, pongs and messages before it are skipped. */
  public Frame readClose() throws IOException {
    while (true) {
      Frame frame = readFrame();
      if (frame.opcode() == CLOSE) {
        return frame;
      }
    }
  }

  /** Whether the server closes the connection (end of stream) within the timeout, skipping what it sends first. */
  public boolean awaitEndOfStream() throws IOException {
    byte[] sink = new byte[8192];
    try {
      while (in.read(sink) != -1) {
        // only the end matters
      }
      return true;
    } catch (SocketTimeoutException e) {
      return false;
    } catch (SocketException e) {
      // a reset is an end too
      return true;
    }
  }

  private int readByte() throws IOException {
    int b = in.read();
    if (b == -1) {
      throw new EOFException("connection closed by the server");
    }
    return b;
  }

  private byte[] readFully(int length) throws IOException {
    byte[] bytes = in.readNBytes(length);
    if (bytes.length != length) {
      throw new EOFException("connection closed after " + bytes.length + " of " + length + " bytes");
    }
    return bytes;
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
