package dev.gatehouse.websocket;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A WebSocket API's route selection expression, parsed: literal text and {@code request.body}
 * JSON paths, as AWS writes them. {@code $request.body.action} and {@code ${request.body.action}}
 * read one value; {@code ${request.body.service}/${request.body.action}} joins two with a literal;
 * {@code \$default} is the literal {@code $default}. A path is names and indexes:
 * {@code a.b}, {@code a['b c']}, {@code items[0].id}. A path that finds nothing reads as empty.
 *
 * <pre>{@code
 * RouteSelectionExpression expression = RouteSelectionExpression.parse("${request.body.service}/${request.body.action}");
 * }</pre>
 */
public final class RouteSelectionExpression {
  private static final String BODY = "request.body";

  private final String text;
  private final List<Part> parts;

  private RouteSelectionExpression(String text, List<Part> parts) {
    this.text = text;
    this.parts = List.copyOf(parts);
  }

  /** One piece of an expression: literal text, or a path into the message's JSON body. */
  public sealed interface Part permits Literal, BodyPath {}

  /** Text copied as it is. */
  public record Literal(String text) implements Part {}

  /**
   * A JSON path below the message body: each step a property name ({@code String}) or an array
   * index ({@code Integer}); no steps reads the whole body.
   */
  public record BodyPath(List<Object> steps) implements Part {
    public BodyPath {
      steps = List.copyOf(steps);
    }
  }

  /**
   * Parses an expression.
   *
   * @throws IllegalArgumentException naming what is wrong and where
   */
  public static RouteSelectionExpression parse(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("a non-blank expression such as $request.body.action");
    }
    List<Part> parts = new ArrayList<>();
    StringBuilder literal = new StringBuilder();
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '\\' && i + 1 < text.length() && text.charAt(i + 1) == '$') {
        literal.append('$');
        i += 2;
        continue;
      }
      if (c != '$') {
        literal.append(c);
        i++;
        continue;
      }
      if (literal.length() > 0) {
        parts.add(new Literal(literal.toString()));
        literal.setLength(0);
      }
      int end;
      String variable;
      if (i + 1 < text.length() && text.charAt(i + 1) == '{') {
        end = text.indexOf('}', i + 2);
        if (end < 0) {
          throw new IllegalArgumentException("\"${\" at " + i + " without a closing \"}\"");
        }
        variable = text.substring(i + 2, end);
        end++;
      } else {
        end = i + 1;
        while (end < text.length() && isPathChar(text.charAt(end))) {
          end++;
        }
        variable = text.substring(i + 1, end);
      }
      parts.add(bodyPath(variable, i));
      i = end;
    }
    if (literal.length() > 0) {
      parts.add(new Literal(literal.toString()));
    }
    return new RouteSelectionExpression(text, parts);
  }

  /** The expression as written. */
  public String text() {
    return text;
  }

  /** The parsed pieces, in order; unmodifiable. */
  public List<Part> parts() {
    return parts;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RouteSelectionExpression && ((RouteSelectionExpression) o).text.equals(text);
  }

  @Override
  public int hashCode() {
    return Objects.hash(text);
  }

  @Override
  public String toString() {
    return text;
  }

  private static boolean isPathChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.' || c == '[' || c == ']'
        || c == '\'' || c == '"';
  }

  private static BodyPath bodyPath(String variable, int at) {
    if (!variable.equals(BODY) && !variable.startsWith(BODY + ".") && !variable.startsWith(BODY + "[")) {
      throw new IllegalArgumentException("variable \"" + variable + "\" at " + at
          + " (expected: request.body followed by a JSON path, such as request.body.action)");
    }
    List<Object> steps = new ArrayList<>();
    String path = variable.substring(BODY.length());
    int i = 0;
    while (i < path.length()) {
      char c = path.charAt(i);
      if (c == '.') {
        int end = i + 1;
        while (end < path.length() && path.charAt(end) != '.' && path.charAt(end) != '[') {
          end++;
        }
        if (end == i + 1) {
          throw badPath(variable, at, "an empty name");
        }
        steps.add(path.substring(i + 1, end));
        i = end;
      } else if (c == '[') {
        int close = path.indexOf(']', i);
        if (close < 0) {
          throw badPath(variable, at, "\"[\" without \"]\"");
        }
        String inside = path.substring(i + 1, close);
        if (inside.length() >= 2 && (inside.charAt(0) == '\'' || inside.charAt(0) == '"')
            && inside.charAt(inside.length() - 1) == inside.charAt(0)) {
          steps.add(inside.substring(1, inside.length() - 1));
        } else if (inside.matches("\\d{1,9}")) {
          steps.add(Integer.valueOf(inside));
        } else {
          throw badPath(variable, at, "[" + inside + "]: a quoted name or an index");
        }
        i = close + 1;
      } else {
        throw badPath(variable, at, "\"" + c + "\" where \".\" or \"[\" belongs");
      }
    }
    return new BodyPath(steps);
  }

  private static IllegalArgumentException badPath(String variable, int at, String what) {
    return new IllegalArgumentException("variable \"" + variable + "\" at " + at + " has " + what);
  }
}
