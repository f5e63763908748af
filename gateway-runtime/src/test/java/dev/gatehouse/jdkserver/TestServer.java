package dev.gatehouse.jdkserver;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.gatehouse.Gateway;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/** A real JDK server on a loopback ephemeral port with a gateway mounted; closed after each test. */
final class TestServer implements AutoCloseable {
  private final HttpServer server;
  private final ExecutorService executor;
  private final String scheme;

  private TestServer(HttpServer server, int threads, String scheme) {
    this.server = server;
    this.scheme = scheme;
    this.executor = Executors.newFixedThreadPool(threads);
    server.setExecutor(executor);
  }

  /** A plain HTTP server with {@code gateway} mounted at {@code path}, started. */
  static TestServer http(String path, Gateway gateway) {
    return http(path, gateway, 4);
  }

  /** As {@link #http(String, Gateway)}, with {@code threads} server threads. */
  static TestServer http(String path, Gateway gateway, int threads) {
    try {
      TestServer test = new TestServer(HttpServer.create(loopback(), 0), threads, "http");
      JdkHttpServerAdapter.mount(test.server, path, gateway);
      test.server.start();
      return test;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** An HTTPS server with {@code gateway} mounted at {@code path}, started. */
  static TestServer https(String path, Gateway gateway, HttpsConfigurator configurator) {
    try {
      HttpsServer https = HttpsServer.create(loopback(), 0);
      https.setHttpsConfigurator(configurator);
      TestServer test = new TestServer(https, 4, "https");
      JdkHttpServerAdapter.mount(test.server, path, gateway);
      test.server.start();
      return test;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static InetSocketAddress loopback() {
    return new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
  }

  int port() {
    return server.getAddress().getPort();
  }

  /** {@code pathAndQuery} on this server, such as {@code /api/pets?limit=2}. */
  URI uri(String pathAndQuery) {
    return URI.create(scheme + "://127.0.0.1:" + port() + pathAndQuery);
  }

  RawConnection connect() throws IOException {
    return new RawConnection(port());
  }

  /** Sends {@code request} on a new connection, reads the one response and closes the connection. */
  RawConnection.Response exchange(String request) throws IOException {
    try (RawConnection connection = connect()) {
      return connection.send(request).readResponse();
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
    try {
      executor.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
