package dev.gatehouse.servlet;

import dev.gatehouse.GatewayResponse;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Writes a gateway response without blocking: status and header fields first, then the body in
 * chunks whenever the container is ready for more, then completes the exchange. A streamed body is
 * handed to a {@link StreamedResponseWriter}; one that is not sent (HEAD, 204, 304) is released.
 */
final class ResponseWriter implements WriteListener {
  private static final int CHUNK_BYTES = 16 * 1024;

  private final ServletOutputStream out;
  private final ByteBuffer body;
  private final AsyncExchange exchange;
  private final byte[] chunk;

  private ResponseWriter(ServletOutputStream out, ByteBuffer body, AsyncExchange exchange) {
    this.out = out;
    this.body = body;
    this.exchange = exchange;
    this.chunk = new byte[Math.min(body.remaining(), CHUNK_BYTES)];
  }

  /**
   * Sets status and header fields, then writes the body or, when there is none to send, completes.
   *
   * @param headRequest whether the request was a HEAD: the length is announced, the body not sent
   * @param closeConnection whether to ask the container not to reuse the connection
   */
  static void write(HttpServletResponse response, GatewayResponse answer, boolean headRequest,
      boolean closeConnection, AsyncExchange exchange) throws IOException {
    boolean bodyFollows;
    ServletOutputStream out;
    try {
      bodyFollows = head(response, answer, headRequest, closeConnection);
      out = bodyFollows ? response.getOutputStream() : null;
    } catch (IOException | RuntimeException e) {
      answer.releaseBody();
      throw e;
    }
    if (!bodyFollows) {
      answer.releaseBody();
      exchange.complete();
    } else if (answer.isStreamed()) {
      // the writer subscribes once the container first calls it, and releases the body if it never does
      StreamedResponseWriter writer = new StreamedResponseWriter(out, answer, exchange);
      exchange.streaming(writer);
      out.setWriteListener(writer.listener());
    } else {
      out.setWriteListener(new ResponseWriter(out, answer.body(), exchange));
    }
  }

  /**
   * Writes the whole answer with the output stream in blocking mode, from the thread the container
   * called the servlet on. Meant for a body that fits the response buffer: the writes then only fill
   * the buffer, and the container sends it when the servlet returns, so no thread waits on the
   * client.
   */
  static void writeBuffered(HttpServletResponse response, GatewayResponse answer, boolean headRequest)
      throws IOException {
    if (!head(response, answer, headRequest, false)) {
      return;
    }
    ByteBuffer body = answer.body();
    byte[] bytes = new byte[body.remaining()];
    body.get(bytes);
    response.getOutputStream().write(bytes);
  }

  /**
   * Sets status, header fields and the length; whether a body follows. Framing is the container's
   * job, from the length set here, so the answer's own Content-Length and Transfer-Encoding are
   * dropped.
   */
  private static boolean head(HttpServletResponse response, GatewayResponse answer, boolean headRequest,
      boolean closeConnection) {
    int status = answer.status();
    response.setStatus(status);
    answer.headers().forEach((name, value) -> {
      if (!name.equalsIgnoreCase("Content-Length") && !name.equalsIgnoreCase("Transfer-Encoding")) {
        response.addHeader(name, value);
      }
    });
    if (closeConnection) {
      response.setHeader("Connection", "close");
    }
    boolean bodyAllowed = status >= 200 && status != 204 && status != 304;
    if (!bodyAllowed) {
      return false;
    }
    long length = announcedLength(answer, headRequest);
    if (length >= 0) {
      response.setContentLengthLong(length);
    }
    // a streamed body of unknown length (-1) follows too, chunked by the container
    return !headRequest && answer.contentLength() != 0;
  }

  /**
   * The body's length, or -1 for a streamed body of unknown length; for a HEAD answered without a
   * body of known length (a backend's own HEAD response), the length that answer announced.
   */
  private static long announcedLength(GatewayResponse answer, boolean headRequest) {
    String declared = answer.headers().first("Content-Length");
    if (headRequest && answer.contentLength() <= 0 && declared != null) {
      try {
        long length = Long.parseLong(declared.trim());
        if (length >= 0) {
          return length;
        }
      } catch (NumberFormatException e) {
        // a malformed length from a backend is not worth repeating; announce the real one
      }
    }
    return answer.contentLength();
  }

  @Override
  public void onWritePossible() throws IOException {
    // only write again once isReady() says the last write is done: the container may still hold chunk
    while (out.isReady()) {
      if (!body.hasRemaining()) {
        exchange.complete();
        return;
      }
      int n = Math.min(body.remaining(), chunk.length);
      body.get(chunk, 0, n);
      out.write(chunk, 0, n);
    }
  }

  @Override
  public void onError(Throwable failure) {
    exchange.writeFailed(failure);
  }
}
