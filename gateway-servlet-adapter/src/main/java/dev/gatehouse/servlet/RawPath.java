package dev.gatehouse.servlet;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the part of a request URI after the mount point, still percent-encoded.
 *
 * <p>The servlet API only offers the raw URI ({@code getRequestURI}) and decoded, normalised paths
 * ({@code getServletPath}, {@code getPathInfo}). The gateway must see the raw form (it decodes
 * once, so {@code %2F} stays distinct from {@code /}), but only for the path the container actually
 * routed: a raw URI such as {@code /app/api/x/../pets} was dispatched as {@code /app/api/pets}. So
 * the raw URI is normalised the way containers do (dot segments, including percent-encoded ones,
 * and runs of slashes), the mount's segments are dropped, and the result is checked against the
 * container's decoded path. Where they disagree, the container's decoded path wins, re-encoded:
 * the gateway must never route a path the container did not.
 */
final class RawPath {
  private static final String PCHAR_EXTRA = "-._~!$&'()*+,;=:@";

  private RawPath() {}

  /**
   * @param rawUri the request URI as sent, without the query
   * @param mountPath the decoded mount point, such as {@code /app/api}; empty for the root
   * @param containerPath the decoded path the container found after the mount point; empty or
   *     {@code /} for the mount point itself
   * @return the raw path after the mount point, starting with {@code /}
   */
  static String after(String rawUri, String mountPath, String containerPath) {
    String expected = containerPath.isEmpty() ? "/" : containerPath;
    String raw = stripMount(normalise(rawUri), mountPath);
    if (raw != null && expected.equals(decodeIgnoringParameters(raw))) {
      return raw;
    }
    return encode(expected);
  }

  /** Applies RFC 3986 dot-segment removal, treating {@code %2e} as a dot, and collapses {@code //}. */
  private static List<String> normalise(String rawUri) {
    List<String> out = new ArrayList<>();
    String[] segments = rawUri.split("/", -1);
    boolean trailingSlash = false;
    for (int i = 1; i < segments.length; i++) {
      String segment = segments[i];
      String name = withoutParameters(segment).replace("%2e", ".").replace("%2E", ".");
      boolean last = i == segments.length - 1;
      if (name.equals("..")) {
        if (!out.isEmpty()) {
          out.remove(out.size() - 1);
        }
        trailingSlash = last;
      } else if (name.equals(".") || segment.isEmpty()) {
        trailingSlash = last;
      } else {
        out.add(segment);
        trailingSlash = false;
      }
    }
    if (trailingSlash) {
      out.add("");
    }
    return out;
  }

  private static String stripMount(List<String> segments, String mountPath) {
    int next = 0;
    for (String mount : mountPath.split("/")) {
      if (mount.isEmpty()) {
        continue;
      }
      if (next >= segments.size() || !mount.equals(decode(withoutParameters(segments.get(next))))) {
        return null;
      }
      next++;
    }
    List<String> rest = segments.subList(next, segments.size());
    if (rest.isEmpty() || (rest.size() == 1 && rest.get(0).isEmpty())) {
      return "/";
    }
    return "/" + String.join("/", rest);
  }

  private static String withoutParameters(String segment) {
    int semicolon = segment.indexOf(';');
    return semicolon < 0 ? segment : segment.substring(0, semicolon);
  }

  private static String decodeIgnoringParameters(String rawPath) {
    StringBuilder decoded = new StringBuilder();
    String[] segments = rawPath.split("/", -1);
    for (int i = 1; i < segments.length; i++) {
      String segment = decode(withoutParameters(segments[i]));
      if (segment == null) {
        return null;
      }
      decoded.append('/').append(segment);
    }
    return decoded.length() == 0 ? "/" : decoded.toString();
  }

  /** Percent-decodes as UTF-8; {@code null} for a malformed escape or invalid UTF-8. */
  private static String decode(String raw) {
    if (raw.indexOf('%') < 0) {
      return raw;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c != '%') {
        byte[] utf8 = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        bytes.write(utf8, 0, utf8.length);
        continue;
      }
      if (i + 2 >= raw.length()) {
        return null;
      }
      int hi = Character.digit(raw.charAt(i + 1), 16);
      int lo = Character.digit(raw.charAt(i + 2), 16);
      if (hi < 0 || lo < 0) {
        return null;
      }
      bytes.write(hi << 4 | lo);
      i += 2;
    }
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes.toByteArray()))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  /** Percent-encodes everything outside RFC 3986's pchar set, keeping {@code /} as the separator. */
  private static String encode(String decodedPath) {
    StringBuilder out = new StringBuilder(decodedPath.length() + 8);
    for (byte b : decodedPath.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if (c < 0x80 && (Character.isLetterOrDigit(c) || c == '/' || PCHAR_EXTRA.indexOf(c) >= 0)) {
        out.append((char) c);
      } else {
        out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return out.toString();
  }
}
