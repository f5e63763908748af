package dev.gatehouse.jdkserver;

import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpServer;
import dev.gatehouse.Gateway;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves a {@link Gateway} from the JDK's own HTTP server ({@code com.sun.net.httpserver}), plain
 * or TLS ({@code HttpsServer}). The adapter only translates: each exchange becomes a
 * {@link dev.gatehouse.GatewayRequest}, goes to {@link Gateway#handle}, and the
 * {@link dev.gatehouse.GatewayResponse} is written back when its stage completes.
 *
 * <pre>{@code
 * HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
 * server.setExecutor(Executors.newFixedThreadPool(64)); // request bodies are read on these threads
 * JdkHttpServerAdapter.mount(server, "/", gateway);
 * server.start();
 * }</pre>
 *
 * <p>Start the JVM with the server's hardening properties, for example
 * {@code -Dsun.net.httpserver.nodelay=true -Dsun.net.httpserver.maxReqTime=30
 * -Dsun.net.httpserver.maxRspTime=60}; see {@link #recommendedSystemProperties()} for why.
 *
 * <p><b>Threading.</b> The JDK server offers only blocking streams, so the request body is read on
 * the thread that runs the handler: give the server an executor with
 * {@link HttpServer#setExecutor}, otherwise every request, body included, is read on the server's
 * single dispatcher thread and one slow upload stalls all connections. The handler returns as soon
 * as the gateway has the request. The response is written on a thread of that executor (or on the
 * thread that completed the stage when the server has none), so a slow client never holds one of
 * the gateway's threads.
 *
 * <p><b>Streamed bodies.</b> A response whose body is {@linkplain dev.gatehouse.GatewayResponse#isStreamed()
 * streamed} is written as its bytes arrive: with {@code Content-Length} when its length is known,
 * chunked otherwise. The bytes are written on threads of the server's executor (for a server without
 * one, on a small pool of daemon threads of the adapter's own), never on the thread that delivers
 * them, and more are requested only once a write has returned, so a slow client slows the source
 * down instead of filling memory. A body that fails midway (its publisher reports an error, or a
 * body of declared length ends short or runs long) closes the connection without ending the body,
 * so the client sees a broken response, never a short one that looks whole. A client that goes away
 * cancels the stream; one that stops reading holds a server thread in a blocking write until
 * {@code maxRspTime} closes its connection.
 *
 * <p><b>What the gateway sees.</b> The raw path after the mount point (the request target as sent, still
 * percent-encoded; {@code ..}, {@code %2e%2e} and {@code %2F} arrive untouched for the gateway to
 * judge), the raw query, every header value in the order received, the client's IP, the request
 * line's protocol and, over TLS, the negotiated protocol, cipher suite and verified client
 * certificates. The JDK rewrites header names to an initial capital and lower case for the rest
 * ({@code x-request-ID} arrives as {@code X-request-id}) and keeps them in a hash map, so the
 * spelling and the relative order of different names are lost before the adapter sees them; the
 * values of one name keep their order. The same rewriting applies to response header names, which
 * HTTP compares case-insensitively anyway.
 *
 * <p><b>Refusals.</b> Some requests are refused by the adapter and still passed through the gateway,
 * with {@link dev.gatehouse.GatewayRequest#refusal()} set, so that the answer carries the API's
 * overrides and reaches the access log: a body longer than {@link Gateway#maxRequestBodyBytes()}
 * ({@code REQUEST_TOO_LARGE}; a declared Content-Length past the limit is not read at all, a chunked
 * body is read no further than the limit) and an HTTP/1.1 request without exactly one Host field
 * ({@code BAD_REQUEST}; the JDK server would serve it). Their body is left unread, so their answer
 * carries {@code Connection: close}. After the answer is on the wire, the JDK still drains up to
 * {@code sun.net.httpserver.drainAmount} (64 KiB) of the unread body before closing; a client that
 * neither sends it nor hangs up holds that thread until {@code maxReqTime} closes the connection.
 * The JDK answers {@code Expect: 100-continue} by itself before any handler runs, so such a client
 * starts sending even a body that will be refused.
 */
public final class JdkHttpServerAdapter {
  private static final Logger log = LoggerFactory.getLogger(JdkHttpServerAdapter.class);

  private static final Map<String, String> RECOMMENDED = recommended();

  private JdkHttpServerAdapter() {}

  /**
   * Mounts {@code gateway} on {@code server} at {@code path} and returns the new context, on which
   * the caller may add filters or an authenticator. Logs one warning when a recommended system
   * property is unset (see {@link #recommendedSystemProperties()}).
   *
   * <p>The JDK hands a context every request whose decoded path merely starts with the context's
   * path, so a context {@code /api} also receives {@code /apiary} and {@code /%61pi}. The adapter
   * serves only raw paths equal to {@code path} or below {@code path + "/"}, and answers the others
   * with a plain 404 {@code {"message":"Not Found"}} without calling the gateway: they belong to no
   * API mounted here, and passing them on would let a neighbouring prefix leak into this gateway's
   * routes.
   *
   * @param server the server, started or not
   * @param path {@code "/"} to serve the whole server (the gateway sees mount path {@code ""}), or a
   *     literal path without a trailing slash, such as {@code "/api"} (mount path {@code "/api"})
   * @param gateway the gateway to call for each request
   * @return the context created on {@code server}
   * @throws IllegalArgumentException if {@code path} is malformed, or the server already has a
   *     context at {@code path}
   */
  public static HttpContext mount(HttpServer server, String path, Gateway gateway) {
    Objects.requireNonNull(server, "server");
    Objects.requireNonNull(gateway, "gateway");
    String mountPath = mountPath(path);
    HttpContext context = server.createContext(path, new GatewayHttpHandler(gateway, mountPath));
    List<String> unset = unsetRecommendedProperties(System.getProperties());
    if (!unset.isEmpty()) {
      log.warn("The JDK HTTP server at {} serves gateway path \"{}\" without {}. These properties are "
              + "JVM-wide and read once, when the JDK server classes load: pass them as -D options at "
              + "JVM start. Without nodelay keep-alive clients wait ~40 ms per request (Nagle); without "
              + "maxReqTime/maxRspTime (seconds) a client that trickles its request holds a connection "
              + "and a thread for ever.",
          server.getAddress(), path, String.join(" ", unset));
    }
    return context;
  }

  /**
   * The JDK server's system properties that an internet-facing gateway needs, with the values
   * Gatehouse recommends, in a stable order; unmodifiable. Facts from JDK 17's
   * {@code sun.net.httpserver.ServerConfig} and {@code ServerImpl}:
   *
   * <ul>
   *   <li>{@code sun.net.httpserver.nodelay=true}: default false, so the server's small writes meet
   *       the client's delayed ACK and each keep-alive request waits ~40 ms.
   *   <li>{@code sun.net.httpserver.maxReqTime=30}: seconds (-1, no limit, by default) from the
   *       moment a connection has bytes to read until the request body has been read to its end;
   *       the connection is closed past it. Without it a client sending one header byte at a time
   *       holds a connection and a server thread for ever. It also shortens the idle time of a
   *       newly accepted connection to {@code min(idleInterval, maxReqTime)}.
   *   <li>{@code sun.net.httpserver.maxRspTime=60}: seconds (-1 by default) from the end of the
   *       request body until the response is complete, so it includes the gateway's own time and
   *       must exceed the integrations' timeout (29 s by default).
   * </ul>
   *
   * <p>Others worth knowing, fine at their defaults for most: {@code sun.net.httpserver.idleInterval}
   * (30 s keep-alive idle time), {@code sun.net.httpserver.maxIdleConnections} (200),
   * {@code sun.net.httpserver.maxReqHeaders} (200 fields), {@code sun.net.httpserver.maxReqHeaderSize}
   * (389120 bytes, in recent JDK 17 updates), {@code sun.net.httpserver.drainAmount} (65536 bytes of
   * an unread body drained before a connection is reused), and {@code jdk.httpserver.maxConnections}
   * (note the prefix; -1, unlimited, by default).
   */
  public static Map<String, String> recommendedSystemProperties() {
    return RECOMMENDED;
  }

  /** The recommended properties that {@code properties} leaves unset, as {@code name=value}. */
  static List<String> unsetRecommendedProperties(Properties properties) {
    List<String> unset = new ArrayList<>();
    RECOMMENDED.forEach((name, value) -> {
      if (properties.getProperty(name) == null) {
        unset.add("-D" + name + "=" + value);
      }
    });
    return unset;
  }

  /**
   * The mount path for {@code path}. Only characters that never need percent-encoding are allowed,
   * because the JDK matches contexts against the decoded path while the adapter strips the mount
   * from the raw one: both must spell it the same way.
   */
  static String mountPath(String path) {
    Objects.requireNonNull(path, "path");
    if (path.equals("/")) {
      return "";
    }
    boolean valid = path.startsWith("/") && !path.endsWith("/") && !path.contains("//");
    for (int i = 0; valid && i < path.length(); i++) {
      valid = isLiteralPathChar(path.charAt(i));
    }
    for (String segment : path.split("/", -1)) {
      valid &= !segment.equals(".") && !segment.equals("..");
    }
    if (!valid) {
      throw new IllegalArgumentException("path: \"" + path + "\" (expected: \"/\", or \"/\" followed by "
          + "segments of letters, digits and -._~!$&'()*+,;=:@ separated by single \"/\", without a "
          + "trailing \"/\", such as \"/api\")");
    }
    return path;
  }

  private static boolean isLiteralPathChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
        || "/-._~!$&'()*+,;=:@".indexOf(c) >= 0;
  }

  private static Map<String, String> recommended() {
    Map<String, String> map = new LinkedHashMap<>();
    map.put("sun.net.httpserver.nodelay", "true");
    map.put("sun.net.httpserver.maxReqTime", "30");
    map.put("sun.net.httpserver.maxRspTime", "60");
    return Collections.unmodifiableMap(map);
  }
}
