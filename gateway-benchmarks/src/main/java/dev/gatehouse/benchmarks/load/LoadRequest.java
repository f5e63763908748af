package dev.gatehouse.benchmarks.load;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The one request a scenario sends over and over: method, path after the mount point (with its
 * query, if any), header fields and body, and optionally a signer that adds header fields for the
 * host and time it is sent at. Immutable.
 *
 * @param method the HTTP method, such as {@code GET}
 * @param path the request target after the mount point, starting with {@code /}
 * @param headers header fields besides {@code Host} and {@code Content-Length}, in order
 * @param body the body as UTF-8 text, empty for none
 * @param signer adds header fields when the request is built for a host, such as a SigV4
 *     signature; {@code null} for none. Compared by identity, so share one instance.
 */
public record LoadRequest(String method, String path, Map<String, String> headers, String body, Signer signer) {

  public LoadRequest {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(body, "body");
    if (!path.startsWith("/")) {
      throw new IllegalArgumentException("path: \"" + path + "\" (expected: a path starting with /)");
    }
    headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
  }

  /**
   * Adds the header fields that depend on where and when a request is sent. A signature covers the
   * {@code Host} value and expires, so it cannot be computed when the scenario is declared: the
   * port is only known once the server runs, and a full run outlasts any signature's validity.
   */
  @FunctionalInterface
  public interface Signer {
    /**
     * The header fields to add to {@code request}, which holds the fields declared so far.
     *
     * @param host the exact {@code Host} value the request will carry
     * @param now the time the request is built, shortly before it is first sent
     */
    Map<String, String> sign(LoadRequest request, String host, Instant now);

    /** How tables name the fields it adds, such as {@code SigV4}. */
    default String label() {
      return "signed";
    }
  }

  /** A {@code GET} of {@code path} without extra headers. */
  public static LoadRequest get(String path) {
    return new LoadRequest("GET", path, Map.of(), "", null);
  }

  /** This request with one more header field. */
  public LoadRequest header(String name, String value) {
    Map<String, String> more = new LinkedHashMap<>(headers);
    more.put(name, value);
    return new LoadRequest(method, path, more, body, signer);
  }

  /** This request with another method and body, such as {@code POST} and a JSON text. */
  public LoadRequest body(String newMethod, String newBody) {
    return new LoadRequest(newMethod, path, headers, newBody, signer);
  }

  /** This request with {@code newSigner} adding its fields when it is built for a host. */
  public LoadRequest signedBy(Signer newSigner) {
    return new LoadRequest(method, path, headers, body, Objects.requireNonNull(newSigner, "signer"));
  }

  /**
   * This request as sent to {@code host} now: its signer's fields added after the declared ones,
   * and no signer left. Without a signer, this request itself.
   */
  public LoadRequest signedFor(String host) {
    if (signer == null) {
      return this;
    }
    Map<String, String> more = new LinkedHashMap<>(headers);
    more.putAll(signer.sign(this, host, Instant.now()));
    return new LoadRequest(method, path, more, body, null);
  }

  /**
   * The request as HTTP/1.1 bytes for {@code host}, signed now if it has a signer. Built once per
   * run and written as is: the generator must not spend its core formatting requests, and a
   * signature, like AWS's, may be replayed within its validity.
   */
  public byte[] toHttp11(String host) {
    if (signer != null) {
      return signedFor(host).toHttp11(host);
    }
    byte[] content = body.getBytes(StandardCharsets.UTF_8);
    StringBuilder text = new StringBuilder(128)
        .append(method).append(' ').append(path).append(" HTTP/1.1\r\n")
        .append("Host: ").append(host).append("\r\n");
    headers.forEach((name, value) -> text.append(name).append(": ").append(value).append("\r\n"));
    if (content.length > 0) {
      text.append("Content-Length: ").append(content.length).append("\r\n");
    }
    byte[] head = text.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
    byte[] request = new byte[head.length + content.length];
    System.arraycopy(head, 0, request, 0, head.length);
    System.arraycopy(content, 0, request, head.length, content.length);
    return request;
  }

  /** A short label for tables and logs, such as {@code GET /prod/hello/world}. */
  public String label() {
    StringBuilder label = new StringBuilder(method).append(' ').append(path);
    if (!headers.isEmpty()) {
      label.append(" +").append(String.join(",", headers.keySet()));
    }
    if (signer != null) {
      label.append(" +").append(signer.label());
    }
    if (!body.isEmpty()) {
      label.append(" +body");
    }
    return label.toString();
  }
}
