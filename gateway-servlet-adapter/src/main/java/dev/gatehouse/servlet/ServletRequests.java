package dev.gatehouse.servlet;

import dev.gatehouse.GatewayRequest;
import dev.gatehouse.TlsInfo;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.MappingMatch;
import java.security.cert.X509Certificate;
import java.util.Enumeration;
import java.util.List;

/** Translates the head of a servlet request (everything but the body) into a gateway request. */
final class ServletRequests {
  static final String CERTIFICATES = "jakarta.servlet.request.X509Certificate";
  static final String CIPHER_SUITE = "jakarta.servlet.request.cipher_suite";
  static final String SECURE_PROTOCOL = "jakarta.servlet.request.secure_protocol";
  /** Tomcat's name for the negotiated protocol, from before Servlet 6.1 named it. */
  static final String TOMCAT_SECURE_PROTOCOL = "org.apache.tomcat.util.net.secure_protocol_version";
  /** What {@link TlsInfo#protocol()} says when the container does not tell. */
  static final String UNKNOWN_PROTOCOL = "unknown";

  private ServletRequests() {}

  /** Everything but the body: method, mount and raw path, query, headers, peer and TLS facts. */
  static GatewayRequest.Builder head(HttpServletRequest request) {
    String mountPath = mountPath(request);
    String rawPath = RawPath.after(request.getRequestURI(), mountPath, containerPath(request));
    GatewayRequest.Builder builder = GatewayRequest.builder(request.getMethod(), rawPath)
        .mountPath(mountPath)
        .rawQuery(request.getQueryString())
        .sourceIp(request.getRemoteAddr())
        .protocol(request.getProtocol())
        .scheme(request.getScheme())
        .tls(tls(request));
    // the servlet API groups values by name; the order of names and of each name's values is kept
    for (Enumeration<String> names = request.getHeaderNames(); names.hasMoreElements(); ) {
      String name = names.nextElement();
      for (Enumeration<String> values = request.getHeaders(name); values.hasMoreElements(); ) {
        builder.header(name, values.nextElement());
      }
    }
    return builder;
  }

  /**
   * Whether the request certainly has no body: a Content-Length of 0, or an HTTP/1 request with
   * neither Content-Length nor Transfer-Encoding. Under HTTP/2 and later a body needs neither
   * field, so there only a length of 0 says so.
   */
  static boolean hasNoBody(HttpServletRequest request) {
    long declared = request.getContentLengthLong();
    return declared == 0
        || declared < 0 && request.getProtocol().startsWith("HTTP/1.") && request.getHeader("Transfer-Encoding") == null;
  }

  /**
   * The context path plus, for a path mapping such as {@code /api/*}, the servlet path. Any other
   * mapping ({@code /}, an exact path, an extension) mounts the gateway at the context path, because
   * its servlet path is the whole request path, not a fixed prefix.
   */
  static String mountPath(HttpServletRequest request) {
    // the context's own path, not the request's spelling of it, which may be percent-encoded
    String contextPath = request.getServletContext().getContextPath();
    if (request.getHttpServletMapping().getMappingMatch() == MappingMatch.PATH) {
      return contextPath + request.getServletPath();
    }
    return contextPath;
  }

  private static String containerPath(HttpServletRequest request) {
    String pathInfo = request.getPathInfo() == null ? "" : request.getPathInfo();
    if (request.getHttpServletMapping().getMappingMatch() == MappingMatch.PATH) {
      return pathInfo;
    }
    return request.getServletPath() + pathInfo;
  }

  /**
   * The handshake's facts, or {@code null} for plain HTTP and for requests that a proxy in front
   * marked secure: without a cipher suite there was no handshake here to describe.
   */
  private static TlsInfo tls(HttpServletRequest request) {
    if (!request.isSecure() || !(request.getAttribute(CIPHER_SUITE) instanceof String cipherSuite)) {
      return null;
    }
    Object protocol = request.getAttribute(SECURE_PROTOCOL);
    if (!(protocol instanceof String)) {
      protocol = request.getAttribute(TOMCAT_SECURE_PROTOCOL);
    }
    return new TlsInfo(
        protocol instanceof String name ? name : UNKNOWN_PROTOCOL,
        cipherSuite,
        request.getAttribute(CERTIFICATES) instanceof X509Certificate[] chain ? List.of(chain) : List.of());
  }
}
