package dev.gatehouse.testing;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A real JWKS endpoint on loopback: serves the public halves of the keys it is given at
 * {@code /.well-known/jwks.json}, counts its fetches, and can rotate its keys or go down.
 */
public final class JwksServer implements AutoCloseable {
  private final HttpServer server;
  private final AtomicReference<String> body = new AtomicReference<>();
  private final AtomicInteger fetches = new AtomicInteger();
  private final AtomicBoolean down = new AtomicBoolean();

  public JwksServer(JWK... keys) {
    serve(keys);
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/.well-known/jwks.json", exchange -> {
      fetches.incrementAndGet();
      byte[] bytes = (down.get() ? "{\"message\":\"down\"}" : body.get()).getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(down.get() ? 503 : 200, bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    });
    server.start();
  }

  /** From now on, serve these keys' public halves. */
  public JwksServer serve(JWK... keys) {
    body.set(new JWKSet(List.of(keys)).toPublicJWKSet().toString());
    return this;
  }

  /** Answers 503 from now on ({@code true}) or serves the keys again ({@code false}). */
  public JwksServer down(boolean isDown) {
    down.set(isDown);
    return this;
  }

  public int fetches() {
    return fetches.get();
  }

  public URI uri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/.well-known/jwks.json");
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
