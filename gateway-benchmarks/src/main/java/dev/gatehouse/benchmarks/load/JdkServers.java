package dev.gatehouse.benchmarks.load;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.gatehouse.Gateway;
import dev.gatehouse.jdkserver.JdkHttpServerAdapter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** The JDK's {@code HttpServer}, bare or serving a gateway, with a fixed pool of handler threads. */
final class JdkServers {
  /** Accept backlog: a burst of connections at the start of a run must not be refused. */
  private static final int BACKLOG = 1024;

  private JdkServers() {}

  /**
   * Starts a server on an ephemeral loopback port.
   *
   * @param gateway the gateway to mount at {@code /}, or {@code null} for the bare handler
   * @param threads the executor's threads, the same for bare and gateway
   */
  static RunningServer start(Gateway gateway, int threads) {
    HttpServer server;
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), BACKLOG);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open a loopback port for the JDK server", e);
    }
    AtomicInteger count = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
      Thread thread = new Thread(runnable, "jdk-server-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
    server.setExecutor(pool);
    if (gateway != null) {
      JdkHttpServerAdapter.mount(server, "/", gateway);
    } else {
      server.createContext("/", JdkServers::bare);
    }
    server.start();
    int port = server.getAddress().getPort();
    return new RunningServer() {
      @Override
      public int port() {
        return port;
      }

      @Override
      public void close() {
        server.stop(0);
        pool.shutdownNow();
        if (gateway != null) {
          gateway.close();
        }
      }
    };
  }

  /**
   * The bare baseline: reads the body as the adapter does, then writes {@link TrivialAnswer} with
   * the same framing as the adapter's writer (a fixed length, flushed before the close).
   */
  private static void bare(HttpExchange exchange) throws IOException {
    try (InputStream in = exchange.getRequestBody()) {
      in.readAllBytes();
      exchange.getResponseHeaders().set("Content-Type", TrivialAnswer.CONTENT_TYPE);
      exchange.getResponseHeaders().set(TrivialAnswer.REQUEST_ID_HEADER, TrivialAnswer.REQUEST_ID);
      exchange.sendResponseHeaders(TrivialAnswer.STATUS, TrivialAnswer.BODY_BYTES.length);
      OutputStream out = exchange.getResponseBody();
      out.write(TrivialAnswer.BODY_BYTES);
      out.flush();
    } finally {
      exchange.close();
    }
  }
}
