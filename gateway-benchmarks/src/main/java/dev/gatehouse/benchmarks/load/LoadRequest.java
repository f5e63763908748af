package dev.gatehouse.benchmarks.load;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The one request a scenario sends over and over: method, path after the mount point (with its
 * query, if any), header fields and body. Immutable.
 *
 * @param method the HTTP method, such as {@code GET}
 * @param path the request target after the mount point, starting with {@code /}
 * @param headers header fields besides {@code Host} and {@code Content-Length}, in order
 * @param body the body as UTF-8 text, empty for none
 */
public record LoadRequest(String method, String path, Map<String, String> headers, String body) {

  public LoadRequest {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(body, "body");
    if (!path.startsWith("/")) {
      throw new IllegalArgumentException("path: \"" + path + "\" (expected: a path starting with /)");
    }
    headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
  }

  /** A {@code GET} of {@code path} without extra headers. */
  public static LoadRequest get(String path) {
    return new LoadRequest("GET", path, Map.of(), "");
  }

  /** This request with one more header field. */
  public LoadRequest header(String name, String value) {
    Map<String, String> more = new LinkedHashMap<>(headers);
    more.put(name, value);
    return new LoadRequest(method, path, more, body);
  }

  /** This request with another method and body, such as {@code POST} and a JSON text. */
  public LoadRequest body(String newMethod, String newBody) {
    return new LoadRequest(newMethod, path, headers, newBody);
  }

  /**
   * The request as HTTP/1.1 bytes for {@code host}. Built once per run and written as is: the
   * generator must not spend its core formatting requests.
   */
  public byte[] toHttp11(String host) {
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
    if (!body.isEmpty()) {
      label.append(" +body");
    }
    return label.toString();
  }
}
