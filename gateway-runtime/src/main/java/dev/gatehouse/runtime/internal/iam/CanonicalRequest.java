package dev.gatehouse.runtime.internal.iam;

import dev.gatehouse.Headers;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The SigV4 canonical request of a received request, built the way API Gateway (execute-api)
 * expects: the path as received on the wire is encoded once more, the query is decoded and
 * re-encoded, and the signed headers are listed with their values trimmed and folded.
 * Stateless and thread-safe.
 */
final class CanonicalRequest {
  private CanonicalRequest() {}

  /**
   * The canonical request, lines joined by {@code \n}.
   *
   * @param path the path as received, still percent-encoded
   * @param rawQuery the query as received, without {@code ?}; {@code null} for none
   * @param signedHeaders lower-case names in the order of the request's SignedHeaders
   * @param normalizePath whether to remove dot segments and empty segments before encoding
   * @param presigned whether the signature travels in the query, so {@code X-Amz-Signature} is left out
   */
  static String of(String method, String path, String rawQuery, Headers headers, List<String> signedHeaders,
      String payloadHash, boolean normalizePath, boolean presigned) {
    StringBuilder out = new StringBuilder(256);
    out.append(method).append('\n');
    out.append(uri(path, normalizePath)).append('\n');
    out.append(query(rawQuery, presigned)).append('\n');
    for (String name : signedHeaders) {
      out.append(name).append(':').append(headerValue(headers.all(name))).append('\n');
    }
    out.append('\n').append(String.join(";", signedHeaders)).append('\n');
    return out.append(payloadHash).toString();
  }

  /**
   * The canonical URI: execute-api signs the path encoded twice, so the wire form (encoded once by
   * the client) is encoded again, {@code %} becoming {@code %25}.
   */
  static String uri(String path, boolean normalize) {
    String p = path == null || path.isEmpty() ? "/" : path;
    if (normalize) {
      p = removeDotAndEmptySegments(p);
    }
    return SigV4.uriEncode(p, true);
  }

  /**
   * RFC 3986 section 5.2.4 with empty segments dropped as well, as the AWS SDKs normalize: a final
   * {@code .} or {@code ..} counts as a trailing slash, and nothing left is {@code /}.
   */
  private static String removeDotAndEmptySegments(String path) {
    String[] segments = path.split("/", -1);
    List<String> kept = new ArrayList<>(segments.length);
    for (String segment : segments) {
      if (segment.equals("..")) {
        if (!kept.isEmpty()) {
          kept.remove(kept.size() - 1);
        }
      } else if (!segment.isEmpty() && !segment.equals(".")) {
        kept.add(segment);
      }
    }
    if (kept.isEmpty()) {
      return "/";
    }
    String last = segments[segments.length - 1];
    boolean trailingSlash = last.isEmpty() || last.equals(".") || last.equals("..");
    return "/" + String.join("/", kept) + (trailingSlash ? "/" : "");
  }

  /** The canonical query string; {@code presigned} leaves out the signature itself. */
  static String query(String rawQuery, boolean presigned) {
    if (rawQuery == null || rawQuery.isEmpty()) {
      return "";
    }
    List<String[]> pairs = new ArrayList<>();
    for (String piece : rawQuery.split("&")) {
      if (piece.isEmpty()) {
        continue;
      }
      int eq = piece.indexOf('=');
      String key = eq < 0 ? piece : piece.substring(0, eq);
      String value = eq < 0 ? "" : piece.substring(eq + 1);
      if (presigned && percentDecode(key).equals("X-Amz-Signature")) {
        continue;
      }
      pairs.add(new String[] {
          SigV4.uriEncode(percentDecodeBytes(key), false), SigV4.uriEncode(percentDecodeBytes(value), false)});
    }
    pairs.sort((a, b) -> {
      int byKey = a[0].compareTo(b[0]);
      return byKey != 0 ? byKey : a[1].compareTo(b[1]);
    });
    StringBuilder out = new StringBuilder(rawQuery.length() + 16);
    for (String[] pair : pairs) {
      out.append(out.length() == 0 ? "" : "&").append(pair[0]).append('=').append(pair[1]);
    }
    return out.toString();
  }

  /** Percent-decoded text as UTF-8; {@code +} stays a plus and a stray {@code %} stays itself. */
  static String percentDecode(String text) {
    return text.indexOf('%') < 0 ? text : new String(percentDecodeBytes(text), StandardCharsets.UTF_8);
  }

  /**
   * Percent-decoded bytes, kept as bytes so that a decoded sequence which is not UTF-8 is encoded
   * back to exactly what the client encoded.
   */
  private static byte[] percentDecodeBytes(String text) {
    byte[] raw = text.getBytes(StandardCharsets.UTF_8);
    if (text.indexOf('%') < 0) {
      return raw;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length);
    for (int i = 0; i < raw.length; i++) {
      int hi = i + 2 < raw.length && raw[i] == '%' ? Character.digit(raw[i + 1], 16) : -1;
      int lo = hi < 0 ? -1 : Character.digit(raw[i + 2], 16);
      if (lo >= 0) {
        out.write(hi << 4 | lo);
        i += 2;
      } else {
        out.write(raw[i]);
      }
    }
    return out.toByteArray();
  }

  /**
   * Every value of one header in received order, each trimmed with runs of spaces, tabs and
   * obs-fold line breaks made one space, joined by commas.
   */
  static String headerValue(List<String> values) {
    StringBuilder out = new StringBuilder(32);
    for (int v = 0; v < values.size(); v++) {
      if (v > 0) {
        out.append(',');
      }
      String value = values.get(v);
      boolean pendingSpace = false;
      int start = out.length();
      for (int i = 0; i < value.length(); i++) {
        char c = value.charAt(i);
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
          pendingSpace = out.length() > start;
        } else {
          if (pendingSpace) {
            out.append(' ');
            pendingSpace = false;
          }
          out.append(c);
        }
      }
    }
    return out.toString();
  }
}
