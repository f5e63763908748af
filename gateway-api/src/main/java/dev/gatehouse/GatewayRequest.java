package dev.gatehouse;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * One HTTP request as an adapter hands it to {@link Gateway#handle}: transport-neutral and
 * immutable. The path is the part after the mount point and is still percent-encoded; the gateway
 * decodes it once.
 *
 * <pre>{@code
 * GatewayRequest request = GatewayRequest.builder("GET", "/prod/pets/7")
 *     .rawQuery("verbose=true")
 *     .header("Host", "localhost:8080")
 *     .sourceIp("127.0.0.1")
 *     .build();
 * }</pre>
 */
public final class GatewayRequest {
  private static final ByteBuffer NO_BODY = ByteBuffer.allocate(0).asReadOnlyBuffer();

  private final String method;
  private final String rawPath;
  private final String rawQuery;
  private final String mountPath;
  private final Headers headers;
  private final ByteBuffer body;
  private final String sourceIp;
  private final String protocol;
  private final String scheme;
  private final TlsInfo tls;
  private final GatewayResponseType refusal;

  private GatewayRequest(Builder b) {
    this.method = b.method;
    this.rawPath = b.rawPath;
    this.rawQuery = b.rawQuery;
    this.mountPath = b.mountPath;
    this.headers = b.headers.build();
    this.body = b.body == null ? NO_BODY : ByteBuffer.wrap(b.body).asReadOnlyBuffer();
    this.sourceIp = b.sourceIp;
    this.protocol = b.protocol;
    this.scheme = b.tls != null ? "https" : b.scheme;
    this.tls = b.tls;
    this.refusal = b.refusal;
  }

  /**
   * Starts a request.
   *
   * @param method the request method as sent, such as {@code GET}
   * @param rawPath the path after the mount point, starting with {@code /}, percent-encoded as sent
   */
  public static Builder builder(String method, String rawPath) {
    return new Builder(method, rawPath);
  }

  public String method() {
    return method;
  }

  /** The path after the mount point, percent-encoded as received, without the query. */
  public String rawPath() {
    return rawPath;
  }

  /** The query string as received without the {@code ?}, or {@code null} when there was none. */
  public String rawQuery() {
    return rawQuery;
  }

  /** Where the adapter is mounted, such as {@code /api}; empty for the server root. */
  public String mountPath() {
    return mountPath;
  }

  public Headers headers() {
    return headers;
  }

  /** The body as a read-only view; empty when the request has none. */
  public ByteBuffer body() {
    return body.duplicate();
  }

  public int bodyLength() {
    return body.remaining();
  }

  /** The body decoded as UTF-8. */
  public String bodyAsString() {
    return StandardCharsets.UTF_8.decode(body.duplicate()).toString();
  }

  /** The client's IP address as the server saw it. */
  public String sourceIp() {
    return sourceIp;
  }

  /** The protocol of the request line, such as {@code HTTP/1.1}. */
  public String protocol() {
    return protocol;
  }

  /** {@code https} when the request came over TLS, otherwise {@code http}. */
  public String scheme() {
    return scheme;
  }

  /** The TLS facts, or {@code null} for plain HTTP. */
  public TlsInfo tls() {
    return tls;
  }

  /**
   * The gateway response the adapter already decided on, or {@code null}. An adapter that refuses a
   * request (a body past the payload limit, a malformed request line) still passes it through the
   * gateway so that the answer carries a request ID, the API's overrides and the access log.
   */
  public GatewayResponseType refusal() {
    return refusal;
  }

  @Override
  public String toString() {
    return method + " " + mountPath + rawPath + (rawQuery == null ? "" : "?" + rawQuery);
  }

  /** Collects one request; not thread-safe. */
  public static final class Builder {
    private final String method;
    private final String rawPath;
    private String rawQuery;
    private String mountPath = "";
    private final Headers.Builder headers = Headers.builder();
    private byte[] body;
    private String sourceIp = "127.0.0.1";
    private String protocol = "HTTP/1.1";
    private String scheme = "http";
    private TlsInfo tls;
    private GatewayResponseType refusal;

    private Builder(String method, String rawPath) {
      this.method = Objects.requireNonNull(method, "method");
      this.rawPath = Objects.requireNonNull(rawPath, "rawPath");
    }

    public Builder rawQuery(String rawQuery) {
      this.rawQuery = rawQuery;
      return this;
    }

    public Builder mountPath(String mountPath) {
      this.mountPath = Objects.requireNonNull(mountPath, "mountPath");
      return this;
    }

    public Builder header(String name, String value) {
      headers.add(name, value);
      return this;
    }

    public Builder headers(Headers all) {
      all.forEach(headers::add);
      return this;
    }

    /** Sets the body; the request takes ownership of the array and never copies it. */
    public Builder body(byte[] body) {
      this.body = body;
      return this;
    }

    public Builder body(String utf8) {
      return body(utf8.getBytes(StandardCharsets.UTF_8));
    }

    public Builder sourceIp(String sourceIp) {
      this.sourceIp = Objects.requireNonNull(sourceIp, "sourceIp");
      return this;
    }

    public Builder protocol(String protocol) {
      this.protocol = Objects.requireNonNull(protocol, "protocol");
      return this;
    }

    public Builder scheme(String scheme) {
      this.scheme = Objects.requireNonNull(scheme, "scheme");
      return this;
    }

    public Builder tls(TlsInfo tls) {
      this.tls = tls;
      return this;
    }

    /** Marks the request as refused by the adapter; see {@link GatewayRequest#refusal()}. */
    public Builder refusal(GatewayResponseType refusal) {
      this.refusal = refusal;
      return this;
    }

    public GatewayRequest build() {
      return new GatewayRequest(this);
    }
  }
}
