package dev.gatehouse.benchmarks.load;

import java.net.URI;
import java.nio.file.Path;

/**
 * The {@code nginx.conf} of the reference cell: nginx as reverse proxy to the HTTP scenarios'
 * backend, doing what the gateway's {@code http-proxy} route does (strip the stage, pass the rest
 * of the path) over kept-alive upstream connections, in one process.
 */
final class NginxConfig {
  /** Idle upstream connections nginx keeps per worker: the reference set-up. */
  static final int UPSTREAM_KEEPALIVE = 64;
  /**
   * Requests per keep-alive connection, client side and upstream. nginx closes a connection after
   * 1,000 by default; the servers and the gateway's clients never do, and reconnecting every
   * thousand requests would charge nginx, and the generator, for handshakes the others never pay.
   */
  static final long KEEPALIVE_REQUESTS = 1_000_000_000L;

  private NginxConfig() {}

  /**
   * The configuration file's text.
   *
   * @param dir the cell's own directory: pid file and temp paths, so that nginx runs as any user
   *     without touching {@code /var}
   * @param errorLog the cell's log file
   * @param port the loopback port to listen on
   * @param backend the backend's base URI, such as {@code http://127.0.0.1:40123}
   */
  static String render(Path dir, Path errorLog, int port, URI backend) {
    String stage = "/" + Scenarios.STAGE + "/";
    return "# The load benchmark's reference cell, written by NginxConfig for one cell.\n"
        + "# In the foreground, and one process: without a master the pid the orchestrator started is\n"
        + "# the worker that serves, so its /proc/<pid>/stat is nginx's whole cost.\n"
        + "daemon off;\n"
        + "master_process off;\n"
        + "worker_processes 1;\n"
        + "pid " + quoted(dir.resolve("nginx.pid")) + ";\n"
        + "error_log " + quoted(errorLog) + " notice;\n"
        + "\n"
        + "events {\n"
        + "  worker_connections 1024;\n"
        + "}\n"
        + "\n"
        + "http {\n"
        + "  access_log off;\n"
        + "  keepalive_requests " + KEEPALIVE_REQUESTS + ";\n"
        // Debian's build points every one of these at /var/lib/nginx, and nginx creates them at start.
        + "  client_body_temp_path " + quoted(dir.resolve("client_body")) + ";\n"
        + "  proxy_temp_path " + quoted(dir.resolve("proxy")) + ";\n"
        + "  fastcgi_temp_path " + quoted(dir.resolve("fastcgi")) + ";\n"
        + "  uwsgi_temp_path " + quoted(dir.resolve("uwsgi")) + ";\n"
        + "  scgi_temp_path " + quoted(dir.resolve("scgi")) + ";\n"
        + "\n"
        + "  upstream gatehouse_backend {\n"
        + "    server " + backend.getHost() + ":" + backend.getPort() + ";\n"
        + "    keepalive " + UPSTREAM_KEEPALIVE + ";\n"
        + "    keepalive_requests " + KEEPALIVE_REQUESTS + ";\n"
        + "  }\n"
        + "\n"
        + "  server {\n"
        + "    listen 127.0.0.1:" + port + ";\n"
        + "    # " + stage + "hello/world -> /hello/world, the path the gateway's route sends the backend.\n"
        + "    location " + stage + " {\n"
        + "      proxy_pass http://gatehouse_backend/;\n"
        + "      proxy_http_version 1.1;\n"
        + "      proxy_set_header Connection \"\";\n"
        + "    }\n"
        + "  }\n"
        + "}\n";
  }

  /** A path as one nginx argument, whatever spaces or semicolons it holds. */
  private static String quoted(Path path) {
    return "\"" + path.toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
