package dev.gatehouse;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A resource path template such as {@code /pets/{id}} or {@code /legacy/{proxy+}}: literal
 * segments, whole-segment parameters, and at most one greedy parameter, last.
 *
 * @param text the template as written
 * @param segments the parsed segments; empty for the root {@code /}
 */
public record PathTemplate(String text, List<Segment> segments) {
  private static final String RULE =
      "a path like /pets/{id} or /files/{proxy+}: starts with /, no empty segment, "
          + "whole-segment {name} parameters with unique names, one greedy {name+} last";

  public PathTemplate {
    segments = List.copyOf(segments);
  }

  /** One segment of a template. */
  public record Segment(Kind kind, String value) {
    /** What a segment matches. */
    public enum Kind {
      /** Exactly its text (compared with the decoded request segment). */
      LITERAL,
      /** Any one non-empty segment, bound to the parameter name. */
      PARAMETER,
      /** One or more remaining segments, bound with their slashes to the parameter name. */
      GREEDY
    }
  }

  /**
   * Parses a template.
   *
   * @throws IllegalArgumentException naming the rule the text breaks
   */
  public static PathTemplate parse(String text) {
    if (text == null || !text.startsWith("/")) {
      throw invalid(text, "must start with /");
    }
    List<Segment> segments = new ArrayList<>();
    if (text.equals("/")) {
      return new PathTemplate(text, segments);
    }
    Set<String> names = new HashSet<>();
    String[] parts = text.substring(1).split("/", -1);
    for (int i = 0; i < parts.length; i++) {
      String part = parts[i];
      if (part.isEmpty()) {
        throw invalid(text, "has an empty segment");
      }
      if (part.indexOf('{') < 0 && part.indexOf('}') < 0) {
        if (!isLiteral(part)) {
          throw invalid(text, "segment \"" + part + "\" has a character that needs encoding");
        }
        segments.add(new Segment(Segment.Kind.LITERAL, part));
        continue;
      }
      if (!part.startsWith("{") || !part.endsWith("}") || part.length() < 3
          || part.indexOf('{', 1) >= 0 || part.indexOf('}') != part.length() - 1) {
        throw invalid(text, "segment \"" + part + "\" is not a whole {name} parameter");
      }
      boolean greedy = part.endsWith("+}");
      String name = part.substring(1, part.length() - (greedy ? 2 : 1));
      if (!isParameterName(name)) {
        throw invalid(text, "parameter name \"" + name + "\" is not [A-Za-z0-9._-]+");
      }
      if (!names.add(name)) {
        throw invalid(text, "parameter {" + name + "} appears twice");
      }
      if (greedy && i != parts.length - 1) {
        throw invalid(text, "greedy {" + name + "+} is not the last segment");
      }
      segments.add(new Segment(greedy ? Segment.Kind.GREEDY : Segment.Kind.PARAMETER, name));
    }
    return new PathTemplate(text, segments);
  }

  /** The names of the template's parameters, in order; unmodifiable. */
  public List<String> parameterNames() {
    List<String> names = new ArrayList<>();
    for (Segment s : segments) {
      if (s.kind() != Segment.Kind.LITERAL) {
        names.add(s.value());
      }
    }
    return List.copyOf(names);
  }

  /** The template with parameter names blanked: two templates with one shape match the same paths. */
  public String shape() {
    StringBuilder sb = new StringBuilder();
    for (Segment s : segments) {
      sb.append('/').append(s.kind() == Segment.Kind.LITERAL ? s.value()
          : s.kind() == Segment.Kind.PARAMETER ? "{}" : "{+}");
    }
    return sb.length() == 0 ? "/" : sb.toString();
  }

  @Override
  public String toString() {
    return text;
  }

  private static IllegalArgumentException invalid(String text, String why) {
    return new IllegalArgumentException(
        "path: " + Problems.describe(text) + " " + why + " (expected: " + RULE + ")");
  }

  private static boolean isParameterName(String name) {
    if (name.isEmpty()) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (!(isAlnum(c) || c == '.' || c == '_' || c == '-')) {
        return false;
      }
    }
    return true;
  }

  /** RFC 3986 pchar without percent-encoding: unreserved, sub-delims, ':' and '@'. */
  private static boolean isLiteral(String part) {
    for (int i = 0; i < part.length(); i++) {
      char c = part.charAt(i);
      if (!(isAlnum(c) || "-._~!$&'()*+,;=:@".indexOf(c) >= 0)) {
        return false;
      }
    }
    return true;
  }

  private static boolean isAlnum(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }
}
