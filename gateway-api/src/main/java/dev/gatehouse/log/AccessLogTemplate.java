package dev.gatehouse.log;

import dev.gatehouse.ApiType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * An access log format parsed once: literal text and {@code $context.name} variables, each variable
 * with the escaping its place in the format calls for. Immutable.
 *
 * <p>A variable is {@code $context.} followed by dot-separated segments of letters, digits and
 * {@code _}; a dot not followed by such a segment is literal text. AWS's formats know only this
 * form: {@code ${context.name}}, {@code $stageVariables}, {@code $input} and {@code $util} are
 * problems, as AWS supports only {@code $context} variables in access logs. Any other {@code $} is
 * literal.
 *
 * <p>The escaping follows the format's kind, read from the template itself:
 * <ul>
 *   <li>a format starting with <code>{</code> is JSON: every value is escaped as JSON string
 *       content ({@code "}, {@code \} and control characters);
 *   <li>a format starting with {@code <} is XML: {@code & < > " '} become entities;
 *   <li>a format whose literal text has commas and no spaces is CSV: a value with a comma or a
 *       quote is quoted with its quotes doubled (inside quotes of the format, only doubled);
 *   <li>anything else is plain, as CLF: inside quotes of the format, {@code "} and {@code \} are
 *       escaped with a backslash, as Apache does in its request line.
 * </ul>
 * In every kind, CR, LF and other control characters are escaped so that one request stays one
 * line, and an unpaired surrogate becomes U+FFFD so that the line is valid UTF-8. A value the
 * gateway does not have renders as AWS renders it: {@code -}.
 */
public final class AccessLogTemplate {
  private static final Pattern DOLLAR =
      Pattern.compile("\\$(?:context\\.([A-Za-z0-9_]+(?:\\.[A-Za-z0-9_]+)*)|\\{\\s*context\\.[^}]*}"
          + "|(stageVariables|input|util)\\b)");

  /** How a variable's value is escaped where it stands. */
  public enum Escaping {
    /** JSON string content. */
    JSON,
    /** XML text or attribute value. */
    XML,
    /** A CSV field of its own: quoted when it holds a comma or a quote. */
    CSV,
    /** Inside a quoted CSV field: quotes doubled. */
    CSV_QUOTED,
    /** Plain text, as a CLF field. */
    PLAIN,
    /** Inside quotes of a plain format: {@code "} and {@code \} escaped with a backslash. */
    QUOTED
  }

  /**
   * One piece of the format.
   *
   * @param literal the text, or {@code null} for a variable
   * @param variable the variable's name without {@code $context.}, or {@code null} for text
   * @param escaping how the variable's value is escaped, or {@code null} for text
   */
  public record Part(String literal, String variable, Escaping escaping) {}

  private final String format;
  private final List<Part> parts;

  private AccessLogTemplate(String format, List<Part> parts) {
    this.format = format;
    this.parts = List.copyOf(parts);
  }

  /**
   * Parses {@code format}, adding each problem to {@code problems} as {@code field: value (expected:
   * rule)}; {@code null} when there was one. Trailing line breaks are dropped (AWS's formats may end
   * in one; the writer ends each line itself).
   */
  public static AccessLogTemplate parse(String format, List<String> problems) {
    if (format == null || format.isBlank()) {
      problems.add("format: " + (format == null ? "null" : "\"" + format + "\"") + " (expected: a format with"
          + " $context variables, such as AccessLogFormats.JSON)");
      return null;
    }
    String line = format.replaceAll("[\r\n]+$", "");
    int before = problems.size();
    if (line.indexOf('\n') >= 0 || line.indexOf('\r') >= 0) {
      problems.add("format: a line break inside (expected: a single line, as AWS's log formats)");
    }
    boolean json = line.strip().startsWith("{");
    boolean xml = line.strip().startsWith("<");
    List<Part> parts = new ArrayList<>();
    StringBuilder literals = new StringBuilder();
    Matcher m = DOLLAR.matcher(line);
    int at = 0;
    while (m.find()) {
      if (m.group(1) == null) {
        String what = m.group(2) == null ? "a ${context...} variable" : "$" + m.group(2);
        problems.add("format: " + what + " (expected: $context.name variables only, as in AWS's access logs)");
        continue;
      }
      String text = line.substring(at, m.start());
      literals.append(text);
      if (!text.isEmpty()) {
        parts.add(new Part(text, null, null));
      }
      parts.add(new Part(null, m.group(1), null));
      at = m.end();
    }
    if (at < line.length()) {
      parts.add(new Part(line.substring(at), null, null));
      literals.append(line.substring(at));
    }
    boolean csv = !json && !xml && literals.indexOf(",") >= 0 && !literals.toString().matches("(?s).*\\s.*");
    List<Part> escaped = new ArrayList<>();
    boolean quoted = false;
    for (Part part : parts) {
      if (part.literal() != null) {
        quoted ^= (quotes(part.literal()) & 1) == 1;
        escaped.add(part);
        continue;
      }
      Escaping escaping = json ? Escaping.JSON : xml ? Escaping.XML
          : csv ? (quoted ? Escaping.CSV_QUOTED : Escaping.CSV) : quoted ? Escaping.QUOTED : Escaping.PLAIN;
      escaped.add(new Part(null, part.variable(), escaping));
    }
    if (parts.stream().noneMatch(p -> "requestId".equals(p.variable()) || "extendedRequestId".equals(p.variable()))) {
      problems.add("format: \"" + line + "\" (expected: at least $context.requestId or $context.extendedRequestId,"
          + " as AWS requires)");
    }
    return problems.size() > before ? null : new AccessLogTemplate(line, escaped);
  }

  /** Quotes in literal text that open or close a string: a backslash-escaped one does neither. */
  private static int quotes(String text) {
    int count = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '"') {
        count++;
      }
    }
    return count;
  }

  /**
   * Each variable that {@code type}'s access logs do not know, as {@code format variable: "$context.x"
   * (expected: ...)}, saying so when it belongs to another API type.
   */
  public List<String> problems(ApiType type) {
    List<String> found = new ArrayList<>();
    for (String variable : variables()) {
      Set<ApiType> types = AccessLogVariables.typesOf(variable);
      if (types.contains(type)) {
        continue;
      }
      String expected = "a $context variable of " + type.label() + " access logs";
      if (!types.isEmpty()) {
        expected += "; this one is for " + types.stream().map(ApiType::label).collect(Collectors.joining(" and "))
            + " only";
      }
      found.add("format variable: \"$context." + variable + "\" (expected: " + expected + ")");
    }
    return found;
  }

  /** The format as given, without trailing line breaks. */
  public String format() {
    return format;
  }

  /** The pieces, in order; unmodifiable. */
  public List<Part> parts() {
    return parts;
  }

  /** The distinct variable names, in order of first use. */
  public List<String> variables() {
    return parts.stream().map(Part::variable).filter(v -> v != null).distinct().toList();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AccessLogTemplate && ((AccessLogTemplate) o).format.equals(format);
  }

  @Override
  public int hashCode() {
    return format.hashCode();
  }

  @Override
  public String toString() {
    return format;
  }
}
