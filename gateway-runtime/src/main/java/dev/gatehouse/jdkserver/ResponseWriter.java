package dev.gatehouse.jdkserver;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import dev.gatehouse.GatewayResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a {@link GatewayResponse} to an {@link HttpExchange} and always closes the exchange, also
 * when the client has gone away (a streamed body's writer closes it when the body ends). Never
 * throws.
 */
final class ResponseWriter {
  private static final Logger log = LoggerFactory.getLogger(ResponseWriter.class);

  private static final byte[] NOT_FOUND = "{\"message\":\"Not Found\"}".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] INTERNAL_ERROR =
      "{\"message\":\"Internal server error\"}".getBytes(StandardCharsets.US_ASCII);
  private static final int COPY_CHUNK = 16 * 1024;

  /** What happens to the connection after the response. */
  enum Persistence {
    /** The request was read to its end; the client may send the next one. */
    KEEP_ALIVE,
    /** The request body was left unread; the connection cannot carry another request. */
    CLOSE
  }

  private ResponseWriter() {}

  /**
   * Writes {@code response}; a response the JDK cannot carry becomes a logged 500. A streamed body is
   * written by a {@link StreamedBodyWriter} on {@code executor} (the server's, or {@code null}),
   * which closes the exchange when the body ends; one that is not sent is released.
   */
  static void write(HttpExchange exchange, GatewayResponse response, Persistence persistence, Executor executor) {
    boolean streaming = false;
    try {
      if (response.status() < 200) {
        throw new IllegalArgumentException("status: " + response.status() + " (expected: a final status, 200..599)");
      }
      boolean bodiless = isBodiless(exchange.getRequestMethod(), response.status());
      // Framing is ours: the exact length comes from the body we write. A HEAD or 304 answer has
      // no body, so there Content-Length describes the representation and stays, unless a streamed
      // body declares the length itself.
      boolean announcesLength = bodiless && response.status() != 204;
      boolean keepsLength = announcesLength && !(response.isStreamed() && response.contentLength() >= 0);
      Headers out = exchange.getResponseHeaders();
      response.headers().forEach((name, value) -> {
        boolean framing = name.equalsIgnoreCase("Transfer-Encoding")
            || (name.equalsIgnoreCase("Content-Length") && !keepsLength);
        if (!framing) {
          add(out, name, value);
        }
      });
      if (announcesLength && exchange.getRequestMethod().equals("HEAD") && response.contentLength() > 0
          && !out.containsKey("Content-Length")) {
        out.set("Content-Length", Long.toString(response.contentLength()));
      }
      if (persistence == Persistence.CLOSE) {
        out.set("Connection", "close");
      }
      if (!response.isStreamed()) {
        send(exchange, response.status(), bodiless ? ByteBuffer.allocate(0) : response.body());
      } else if (bodiless || response.contentLength() == 0) {
        response.releaseBody();
        exchange.sendResponseHeaders(response.status(), -1);
      } else {
        // 0 asks the JDK for a chunked body
        exchange.sendResponseHeaders(response.status(), Math.max(0, response.contentLength()));
        streaming = true;
        StreamedBodyWriter.start(exchange, response.bodyPublisher(), response.contentLength(), executor);
      }
    } catch (IOException e) {
      log.debug("Client went away before the response to {} was written", describe(exchange), e);
      if (!streaming) {
        response.releaseBody();
      }
    } catch (RuntimeException e) {
      // Header values may hold cookies or tokens: the log names the field, never its value.
      log.error("Cannot write the {} response to {}", response.status(), describe(exchange), e);
      if (streaming) {
        // the writer never started (it turns a publisher's own throw into an aborted body)
        streaming = false;
      } else {
        response.releaseBody();
      }
      if (!headersSent(exchange)) {
        exchange.getResponseHeaders().clear();
        writePlain(exchange, 500, INTERNAL_ERROR, persistence);
      }
    } finally {
      if (!streaming) {
        exchange.close();
      }
    }
  }

  /** The 404 for a path the JDK routed here by prefix but that is not below the mount. */
  static void writeNotFound(HttpExchange exchange) {
    writePlain(exchange, 404, NOT_FOUND, Persistence.KEEP_ALIVE);
  }

  /** The 500 for a gateway that broke its contract; the caller has logged why. */
  static void writeInternalError(HttpExchange exchange, Persistence persistence) {
    writePlain(exchange, 500, INTERNAL_ERROR, persistence);
  }

  private static void writePlain(HttpExchange exchange, int status, byte[] json, Persistence persistence) {
    try {
      Headers out = exchange.getResponseHeaders();
      out.set("Content-Type", "application/json");
      if (persistence == Persistence.CLOSE) {
        out.set("Connection", "close");
      }
      send(exchange, status, ByteBuffer.wrap(isBodiless(exchange.getRequestMethod(), status) ? new byte[0] : json));
    } catch (IOException e) {
      log.debug("Client went away before the {} response to {} was written", status, describe(exchange), e);
    } finally {
      exchange.close();
    }
  }

  private static void send(HttpExchange exchange, int status, ByteBuffer body) throws IOException {
    int length = body.remaining();
    // -1 tells the JDK "no body" (0 would mean chunked); it then closes the exchange itself.
    exchange.sendResponseHeaders(status, length == 0 ? -1 : length);
    if (length == 0) {
      return;
    }
    OutputStream out = exchange.getResponseBody();
    byte[] chunk = new byte[Math.min(length, COPY_CHUNK)];
    while (body.hasRemaining()) {
      int n = Math.min(chunk.length, body.remaining());
      body.get(chunk, 0, n);
      out.write(chunk, 0, n);
    }
    // Closing the exchange drains the unread request body before it flushes, and draining blocks on
    // a client that neither sends the body nor hangs up: the answer must be on the wire first. The
    // JDK 17 streams happen to be unbuffered; the flush keeps that from mattering.
    out.flush();
  }

  /** Method and path for logs; the query is left out because it may carry keys or tokens. */
  static String describe(HttpExchange exchange) {
    return exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawPath();
  }

  private static void add(Headers out, String name, String value) {
    try {
      out.add(name, value);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("response header " + name + ": " + e.getMessage(), e);
    }
  }

  private static boolean isBodiless(String method, int status) {
    return method.equals("HEAD") || status == 204 || status == 304;
  }

  private static boolean headersSent(HttpExchange exchange) {
    // The JDK reports -1 until sendResponseHeaders has run.
    return exchange.getResponseCode() != -1;
  }
}
