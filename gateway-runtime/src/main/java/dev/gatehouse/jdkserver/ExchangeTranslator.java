package dev.gatehouse.jdkserver;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsExchange;
import dev.gatehouse.GatewayRequest;
import dev.gatehouse.GatewayResponseType;
import dev.gatehouse.TlsInfo;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;

/** Turns one {@link HttpExchange} into a {@link GatewayRequest}, reading the body within the limit. */
final class ExchangeTranslator {
  /** The largest body a Java array can hold, whatever the gateway's limit says. */
  private static final long MAX_ARRAY = Integer.MAX_VALUE - 8;

  private final String mountPath;

  /** The request and whether its connection must close because the body was left unread. */
  record Translated(GatewayRequest request, ResponseWriter.Persistence persistence) {}

  ExchangeTranslator(String mountPath) {
    this.mountPath = mountPath;
  }

  /**
   * The raw path after the mount point, {@code "/"} when nothing follows it, or {@code null} when
   * the raw path is not literally at or below the mount (the JDK's decoded prefix match sent us
   * {@code /apiary}, {@code /%61pi} or {@code /api%2Fx}).
   */
  String pathAfterMount(HttpExchange exchange) {
    return pathAfterMount(rawPath(exchange.getRequestURI()), mountPath);
  }

  /**
   * The path as the client wrote it. {@link URI} reads a target such as {@code //example//} as an
   * authority ({@code example}) and a path ({@code //}), and {@code //?q} as an empty path; the
   * target's own text is the path up to its query.
   */
  static String rawPath(URI target) {
    String text = target.toString();
    if (target.getScheme() != null || !text.startsWith("/")) {
      return target.getRawPath();
    }
    int end = text.indexOf('?');
    int fragment = text.indexOf('#');
    if (fragment >= 0 && (end < 0 || fragment < end)) {
      end = fragment;
    }
    return end < 0 ? text : text.substring(0, end);
  }

  /** As {@link #pathAfterMount(HttpExchange)}, for a raw path from any server. */
  static String pathAfterMount(String raw, String mountPath) {
    if (raw == null || !raw.startsWith("/") || !raw.startsWith(mountPath)) {
      return null;
    }
    String rest = raw.substring(mountPath.length());
    if (rest.isEmpty()) {
      return "/";
    }
    return rest.startsWith("/") ? rest : null;
  }

  /**
   * Builds the request. Reads the body on the calling thread unless the request is refused.
   *
   * @throws IOException if the client went away before its body was complete
   */
  Translated translate(HttpExchange exchange, String rawPath, long maxRequestBodyBytes) throws IOException {
    Headers received = exchange.getRequestHeaders();
    GatewayRequest.Builder builder = GatewayRequest.builder(exchange.getRequestMethod(), rawPath)
        .rawQuery(exchange.getRequestURI().getRawQuery())
        .mountPath(mountPath)
        .protocol(exchange.getProtocol())
        .sourceIp(sourceIp(exchange.getRemoteAddress()));
    for (Map.Entry<String, List<String>> field : received.entrySet()) {
      for (String value : field.getValue()) {
        builder.header(field.getKey(), value);
      }
    }
    if (exchange instanceof HttpsExchange) {
      builder.tls(tlsInfo(((HttpsExchange) exchange).getSSLSession()));
    }

    if (lacksSingleHost(exchange.getProtocol(), received)) {
      return refused(builder, GatewayResponseType.BAD_REQUEST);
    }
    long limit = Math.max(0, Math.min(maxRequestBodyBytes, MAX_ARRAY));
    String contentLength = received.getFirst("Content-Length");
    byte[] body = null;
    if (received.containsKey("Transfer-Encoding")) {
      // The JDK accepts only "chunked" here, so the length is unknown until the last chunk.
      body = BoundedBody.read(exchange.getRequestBody(), (int) limit);
      if (body == null) {
        return refused(builder, GatewayResponseType.REQUEST_TOO_LARGE);
      }
    } else if (contentLength != null) {
      // Already checked by the JDK: a malformed or negative value is answered 400 before us.
      long declared = Long.parseLong(contentLength.trim());
      if (declared > limit) {
        return refused(builder, GatewayResponseType.REQUEST_TOO_LARGE);
      }
      body = BoundedBody.readExactly(exchange.getRequestBody(), (int) declared);
    }
    if (body != null && body.length > 0) {
      builder.body(body);
    }
    return new Translated(builder.build(), ResponseWriter.Persistence.KEEP_ALIVE);
  }

  private static Translated refused(GatewayRequest.Builder builder, GatewayResponseType refusal) {
    return new Translated(builder.refusal(refusal).build(), ResponseWriter.Persistence.CLOSE);
  }

  /**
   * HTTP/1.1 requires exactly one Host field (RFC 9112, section 3.2) and the JDK does not check it.
   * HTTP/1.0 predates the field; anything newer that the JDK accepts is served as 1.1.
   */
  private static boolean lacksSingleHost(String protocol, Headers received) {
    if (protocol.equalsIgnoreCase("HTTP/1.0") || protocol.equalsIgnoreCase("HTTP/0.9")) {
      return false;
    }
    List<String> hosts = received.get("Host");
    return hosts == null || hosts.size() != 1;
  }

  private static String sourceIp(InetSocketAddress remote) {
    if (remote == null || remote.getAddress() == null) {
      return remote == null ? "" : remote.getHostString();
    }
    return remote.getAddress().getHostAddress();
  }

  private static TlsInfo tlsInfo(SSLSession session) {
    List<X509Certificate> chain = new ArrayList<>();
    try {
      for (Certificate certificate : session.getPeerCertificates()) {
        if (certificate instanceof X509Certificate) {
          chain.add((X509Certificate) certificate);
        }
      }
    } catch (SSLPeerUnverifiedException noClientCertificate) {
      // The usual case without mutual TLS: the client presented no certificate, or none verified.
      chain.clear();
    }
    return new TlsInfo(session.getProtocol(), session.getCipherSuite(), chain);
  }

  /** Reads request bodies without ever holding more than the limit. */
  static final class BoundedBody {
    private static final int FIRST_CAPACITY = 8192;

    private BoundedBody() {}

    /**
     * Reads {@code in} to its end, or returns {@code null} as soon as it proves longer than
     * {@code limit}: it never consumes more than {@code limit + 1} bytes. The buffer grows by
     * doubling with the bytes that actually arrive and never past {@code limit}, so a client pays
     * in bytes sent for the memory it takes.
     */
    static byte[] read(InputStream in, int limit) throws IOException {
      byte[] buffer = new byte[Math.min(limit, FIRST_CAPACITY)];
      int length = 0;
      while (true) {
        if (length == buffer.length) {
          if (length == limit) {
            return in.read() == -1 ? buffer : null;
          }
          buffer = Arrays.copyOf(buffer, (int) Math.min(limit, 2L * length));
        }
        int n = in.read(buffer, length, buffer.length - length);
        if (n == -1) {
          return length == buffer.length ? buffer : Arrays.copyOf(buffer, length);
        }
        length += n;
      }
    }

    /**
     * Reads exactly {@code length} bytes. Grows the buffer as bytes arrive rather than trusting the
     * declared length up front, so a client that declares 10 MB and sends nothing costs 8 KB.
     *
     * @throws IOException if the stream ends early
     */
    static byte[] readExactly(InputStream in, int length) throws IOException {
      byte[] body = read(in, length);
      if (body == null || body.length != length) {
        throw new IOException("request body ended after " + (body == null ? "more than " + length : body.length)
            + " of " + length + " bytes");
      }
      return body;
    }
  }
}
