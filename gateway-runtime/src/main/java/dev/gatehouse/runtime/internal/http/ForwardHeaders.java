package dev.gatehouse.runtime.internal.http;

import dev.gatehouse.GatewayRequest;
import dev.gatehouse.Headers;
import dev.gatehouse.runtime.internal.TraceIds;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Header fields across the gateway, both ways: hop-by-hop fields (RFC 9110 7.6.1, and any the
 * {@code Connection} field names) stay on their own hop, framing fields are the transport's and the
 * adapter's to set, and no value with CR, LF or NUL crosses, whoever wrote it.
 */
final class ForwardHeaders {
  private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-authenticate",
      "proxy-authorization", "proxy-connection", "te", "trailer", "transfer-encoding", "upgrade");
  /** Set by the transport from the backend URI and body, or by the gateway below. */
  private static final Set<String> REQUEST_OWNED = Set.of("host", "content-length", "expect", "x-forwarded-for",
      "x-forwarded-proto", "x-forwarded-port", "x-forwarded-host", "forwarded");
  /**
   * Framing is the adapter's; {@code Date} and {@code Server} are the serving container's, which
   * adds its own (two {@code Date} fields would reach the client), and, as nginx does by default,
   * the backend's software stays private.
   */
  private static final Set<String> RESPONSE_OWNED = Set.of("content-length", "date", "server");

  private ForwardHeaders() {}

  /** The client's fields a proxy passes on, without the forwarding fields this gateway sets. */
  static Headers.Builder passThrough(Headers client) {
    return endToEnd(client, REQUEST_OWNED);
  }

  /**
   * Adds {@code X-Forwarded-For} (the client's list with its address appended, as AWS does),
   * {@code X-Forwarded-Proto}, {@code X-Forwarded-Port}, {@code X-Forwarded-Host} (the {@code Host}
   * the client sent, never a client's own {@code X-Forwarded-Host}, which a backend building links
   * from it would trust) and {@code Forwarded} (RFC 7239, appended).
   */
  static void forwarding(Headers.Builder out, GatewayRequest request) {
    String ip = request.sourceIp();
    String earlierFor = joined(request.headers(), "X-Forwarded-For");
    out.set("X-Forwarded-For", earlierFor == null ? ip : earlierFor + ", " + ip);
    out.set("X-Forwarded-Proto", request.scheme());
    String host = request.headers().first("Host");
    String port = "https".equals(request.scheme()) ? "443" : "80";
    if (host != null && host.lastIndexOf(':') > host.lastIndexOf(']')) {
      port = host.substring(host.lastIndexOf(':') + 1);
    }
    if (!port.isEmpty() && port.chars().allMatch(Character::isDigit)) {
      out.set("X-Forwarded-Port", port);
    }
    StringBuilder element = new StringBuilder("for=\"").append(ip.indexOf(':') >= 0 ? "[" + ip + "]" : ip)
        .append("\";proto=").append(request.scheme());
    if (host != null && isSafe(host) && host.indexOf('"') < 0 && host.indexOf('\\') < 0) {
      element.append(";host=\"").append(host).append('"');
      out.set("X-Forwarded-Host", host);
    }
    String earlier = joined(request.headers(), "Forwarded");
    out.set("Forwarded", earlier == null ? element.toString() : earlier + ", " + element);
  }

  /** The backend's fields the client may see. */
  /**
   * Carries the trace to the backend: {@code X-Amzn-Trace-Id} with the request's trace ID as its
   * {@code Root} (the client's own header when it held that root, for its {@code Parent} and
   * {@code Sampled}), and a well-formed W3C {@code traceparent} as the client sent it; a mapped
   * integration, which passes no other client header, gets them too.
   */
  static void tracing(Headers.Builder out, GatewayRequest request, String xrayTraceId) {
    String client = request.headers().first(TraceIds.XRAY_HEADER);
    out.set(TraceIds.XRAY_HEADER, client != null && isSafe(client) && client.contains("Root=" + xrayTraceId)
        ? client : "Root=" + xrayTraceId);
    String traceparent = TraceIds.traceparent(request.headers().first(TraceIds.W3C_HEADER));
    if (traceparent != null) {
      out.set(TraceIds.W3C_HEADER, traceparent);
    } else {
      out.remove(TraceIds.W3C_HEADER);
    }
  }

  static Headers.Builder fromBackend(Headers backend) {
    return endToEnd(backend, RESPONSE_OWNED);
  }

  /** The end-to-end fields of {@code headers} that are not {@code owned} here, with safe names and values. */
  private static Headers.Builder endToEnd(Headers headers, Set<String> owned) {
    Headers.Builder out = Headers.builder();
    List<String> connectionFields = headers.all("Connection");
    String connection = connectionFields.isEmpty() ? null : String.join(",", connectionFields);
    headers.forEach((name, value) -> {
      String lower = name.toLowerCase(Locale.ROOT);
      if (!HOP_BY_HOP.contains(lower) && !owned.contains(lower) && !namedBy(connection, lower)
          && isSafe(name) && isSafe(value)) {
        out.add(name, value);
      }
    });
    return out;
  }

  /** Whether a value may go on a header line: no CR, LF or NUL. */
  static boolean isSafe(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\r' || c == '\n' || c == 0) {
        return false;
      }
    }
    return true;
  }

  private static String joined(Headers headers, String name) {
    StringBuilder all = null;
    for (String value : headers.all(name)) {
      if (!isSafe(value)) {
        continue;
      }
      all = all == null ? new StringBuilder(value) : all.append(", ").append(value);
    }
    return all == null ? null : all.toString();
  }

  private static boolean namedBy(String connection, String lowerName) {
    if (connection == null) {
      return false;
    }
    for (String token : connection.split(",")) {
      if (token.trim().equalsIgnoreCase(lowerName)) {
        return true;
      }
    }
    return false;
  }
}
