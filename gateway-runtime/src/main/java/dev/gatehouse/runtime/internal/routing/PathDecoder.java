package dev.gatehouse.runtime.internal.routing;

import java.util.ArrayList;
import java.util.List;

/**
 * Decodes a raw request path once and normalises it before any matching: {@code .} segments go,
 * {@code ..} removes the segment before it, and empty segments collapse. Decoding happens first, so
 * {@code %2e%2e} counts as {@code ..} and cannot slip past the normalisation; a decoded {@code /}
 * ({@code %2f}), a backslash (a separator to some backends) or NUL is refused, because no later step
 * could tell it from a real separator.
 */
public final class PathDecoder {
  private PathDecoder() {}

  /** Thrown for a path that cannot be decoded or escapes the root; the gateway answers 400. */
  public static final class MalformedPathException extends Exception {
    private static final long serialVersionUID = 1L;

    MalformedPathException(String message) {
      super(message, null, false, false);
    }
  }

  /** The decoded, normalised segments of {@code rawPath}; empty for the root. */
  public static List<String> segments(String rawPath) throws MalformedPathException {
    if (rawPath.isEmpty() || rawPath.charAt(0) != '/') {
      throw new MalformedPathException("path does not start with /");
    }
    List<String> segments = new ArrayList<>(8);
    int start = 1;
    int length = rawPath.length();
    while (start <= length) {
      int end = rawPath.indexOf('/', start);
      if (end < 0) {
        end = length;
      }
      if (end > start) {
        String segment = decode(rawPath, start, end);
        if (segment.equals("..")) {
          if (segments.isEmpty()) {
            throw new MalformedPathException("path climbs above the root");
          }
          segments.remove(segments.size() - 1);
        } else if (!segment.equals(".")) {
          segments.add(segment);
        }
      }
      start = end + 1;
    }
    return segments;
  }

  /**
   * The decoded path of {@code segments}, the segments of {@code rawPath}: {@code rawPath} itself
   * when decoding and normalising changed nothing (no escape, and no segment dropped, which would
   * have made it shorter), otherwise {@link #join joined}.
   */
  public static String path(String rawPath, List<String> segments) {
    int length = segments.isEmpty() ? 1 : 0;
    for (int i = 0; i < segments.size(); i++) {
      length += 1 + segments.get(i).length();
    }
    return length == rawPath.length() && rawPath.indexOf('%') < 0 ? rawPath : join(segments, 0);
  }

  /**
   * The part of a decoded {@code path} after its first {@code from} segments, such as
   * {@code /pets/7} of {@code /prod/pets/7} after one; {@code /} when nothing is left.
   */
  public static String after(String path, List<String> segments, int from) {
    int start = 0;
    for (int i = 0; i < from && i < segments.size(); i++) {
      start += 1 + segments.get(i).length();
    }
    return start == 0 ? path : start >= path.length() ? "/" : path.substring(start);
  }

  /** Joins segments back into a decoded path: {@code /a/b}, or {@code /} for none. */
  public static String join(List<String> segments, int from) {
    if (from >= segments.size()) {
      return "/";
    }
    int length = 0;
    for (int i = from; i < segments.size(); i++) {
      length += 1 + segments.get(i).length();
    }
    StringBuilder sb = new StringBuilder(length);
    for (int i = from; i < segments.size(); i++) {
      sb.append('/').append(segments.get(i));
    }
    return sb.toString();
  }

  private static String decode(String raw, int start, int end) throws MalformedPathException {
    int percent = raw.indexOf('%', start);
    if (percent < 0 || percent >= end) {
      String plain = raw.substring(start, end);
      if (plain.indexOf('\0') >= 0 || plain.indexOf('\\') >= 0) {
        throw new MalformedPathException("NUL or backslash in path");
      }
      return plain;
    }
    String decoded = PercentDecoder.decode(raw, start, end, false);
    if (decoded == null) {
      throw new MalformedPathException("malformed percent-encoding in path");
    }
    if (decoded.indexOf('/') >= 0 || decoded.indexOf('\\') >= 0 || decoded.indexOf('\0') >= 0) {
      throw new MalformedPathException("encoded /, backslash or NUL in a path segment");
    }
    return decoded;
  }
}
