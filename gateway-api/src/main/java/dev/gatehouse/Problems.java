package dev.gatehouse;

import java.util.ArrayList;
import java.util.List;

/** Collects definition problems under a path such as {@code restApi "petstore" › route "GET /x"}. */
final class Problems {
  private final String path;
  private final List<String> found;

  private Problems(String path, List<String> found) {
    this.path = path;
    this.found = found;
  }

  static Problems root() {
    return new Problems("", new ArrayList<>());
  }

  /** A view that prefixes problems with one more path element and shares the list. */
  Problems under(String element) {
    return new Problems(path.isEmpty() ? element : path + " › " + element, found);
  }

  /** The rule for names and IDs that end up in store keys and logs: usage plans, API keys, authorizers. */
  static final String ID_RULE = "[A-Za-z0-9._-]{1,128}";

  /** Records a problem unless {@code value} is a name or ID by {@link #ID_RULE}. */
  void checkId(String field, String value) {
    if (value == null || !value.matches(ID_RULE)) {
      add(field, value, ID_RULE);
    }
  }

  /** Records {@code field: value (expected: rule)}. */
  void add(String field, Object value, String expected) {
    add(field + ": " + describe(value) + " (expected: " + expected + ")");
  }

  void add(String line) {
    found.add(path.isEmpty() ? line : path + ": " + line);
  }

  /** What was found so far, unmodifiable. */
  List<String> found() {
    return List.copyOf(found);
  }

  void throwIfAny() {
    if (!found.isEmpty()) {
      throw new GatewayDefinitionException(found);
    }
  }

  static String describe(Object value) {
    return value instanceof String ? "\"" + value + "\"" : String.valueOf(value);
  }
}
