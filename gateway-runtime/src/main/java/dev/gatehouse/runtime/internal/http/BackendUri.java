package dev.gatehouse.runtime.internal.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A URI template with its stage variables resolved, split once at deployment into literals and
 * {@code {param}} slots. Values are decoded and are encoded here: a plain parameter stays one path
 * segment, a greedy one keeps its separators but each segment is encoded and none may be a dot
 * segment, so nothing a client sends can leave the template's base path.
 */
final class BackendUri {
  private static final Pattern PARAMETER = Pattern.compile("\\{([A-Za-z0-9._-]+)}");

  private final String[] literals;
  private final String[] names;
  private final boolean[] inQuery;
  private final boolean hasQuery;

  private BackendUri(String[] literals, String[] names, boolean[] inQuery, boolean hasQuery) {
    this.literals = literals;
    this.names = names;
    this.inQuery = inQuery;
    this.hasQuery = hasQuery;
  }

  /** A parameter value that cannot go into a backend path; the client gets 400. */
  static final class BadParameterException extends Exception {
    private static final long serialVersionUID = 1L;

    BadParameterException(String message) {
      super(message, null, false, false);
    }
  }

  static BackendUri compile(String resolved) {
    List<String> literals = new ArrayList<>();
    List<String> names = new ArrayList<>();
    List<Boolean> inQuery = new ArrayList<>();
    int query = resolved.indexOf('?');
    Matcher matcher = PARAMETER.matcher(resolved);
    int at = 0;
    while (matcher.find()) {
      literals.add(resolved.substring(at, matcher.start()));
      names.add(matcher.group(1));
      inQuery.add(query >= 0 && matcher.start() > query);
      at = matcher.end();
    }
    literals.add(resolved.substring(at));
    boolean[] flags = new boolean[inQuery.size()];
    for (int i = 0; i < flags.length; i++) {
      flags[i] = inQuery.get(i);
    }
    return new BackendUri(literals.toArray(String[]::new), names.toArray(String[]::new), flags, query >= 0);
  }

  /**
   * The URI for one request.
   *
   * @param values decoded parameter values by name; a missing one is empty
   * @param greedy names whose values are paths ({@code {proxy+}}) rather than one segment
   * @param query an encoded query to append ({@code a=1&b=2}), or {@code null}
   */
  String build(Map<String, String> values, List<String> greedy, String query) throws BadParameterException {
    StringBuilder uri = new StringBuilder(128);
    for (int i = 0; i < names.length; i++) {
      uri.append(literals[i]);
      String value = values.getOrDefault(names[i], "");
      if (inQuery[i]) {
        UriEncoding.queryComponent(uri, value);
      } else if (greedy.contains(names[i])) {
        path(uri, names[i], value);
      } else {
        checkSegment(names[i], value);
        UriEncoding.segment(uri, value);
      }
    }
    uri.append(literals[names.length]);
    if (query != null && !query.isEmpty()) {
      uri.append(hasQuery ? '&' : '?').append(query);
    }
    return uri.toString();
  }

  private static void path(StringBuilder uri, String name, String value) throws BadParameterException {
    int start = 0;
    while (true) {
      int slash = value.indexOf('/', start);
      String segment = value.substring(start, slash < 0 ? value.length() : slash);
      checkSegment(name, segment);
      UriEncoding.segment(uri, segment);
      if (slash < 0) {
        return;
      }
      uri.append('/');
      start = slash + 1;
    }
  }

  private static void checkSegment(String name, String value) throws BadParameterException {
    if (value.equals(".") || value.equals("..") || value.indexOf('/') >= 0 || value.indexOf('\\') >= 0) {
      throw new BadParameterException("{" + name + "} value is a dot segment or holds a separator");
    }
  }
}
