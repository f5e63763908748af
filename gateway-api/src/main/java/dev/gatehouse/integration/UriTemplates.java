package dev.gatehouse.integration;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads HTTP integration URI templates: {@code ${stageVariables.name}} and {@code {param}} placeholders. */
final class UriTemplates {
  static final Pattern STAGE_VARIABLE = Pattern.compile("\\$\\{stageVariables\\.([A-Za-z0-9_]+)}");
  static final Pattern PARAMETER = Pattern.compile("(?<!\\$)\\{([A-Za-z0-9._-]+)}");

  private UriTemplates() {}

  static List<String> stageVariables(String uri) {
    return uri == null ? List.of() : all(STAGE_VARIABLE, uri);
  }

  static List<String> parameters(String uri) {
    return uri == null ? List.of() : all(PARAMETER, STAGE_VARIABLE.matcher(uri).replaceAll(""));
  }

  private static List<String> all(Pattern pattern, String text) {
    List<String> names = new ArrayList<>();
    Matcher matcher = pattern.matcher(text);
    while (matcher.find()) {
      if (!names.contains(matcher.group(1))) {
        names.add(matcher.group(1));
      }
    }
    return names;
  }

  /** {@code uri} with its stage variables replaced by their values; unknown ones stay. */
  static String resolve(String uri, Map<String, String> variables) {
    Matcher matcher = STAGE_VARIABLE.matcher(uri);
    StringBuilder sb = new StringBuilder();
    while (matcher.find()) {
      String value = variables.get(matcher.group(1));
      matcher.appendReplacement(sb, Matcher.quoteReplacement(value != null ? value : matcher.group()));
    }
    matcher.appendTail(sb);
    return sb.toString();
  }

  static List<String> problems(String uri) {
    List<String> problems = new ArrayList<>();
    String expected = " (expected: http://, https:// or ${stageVariables.name} first, then a path with"
        + " {param} placeholders)";
    if (uri == null) {
      problems.add("uri: null" + expected);
      return problems;
    }
    String bare = PARAMETER.matcher(STAGE_VARIABLE.matcher(uri).replaceAll("")).replaceAll("");
    if (!(uri.startsWith("http://") || uri.startsWith("https://") || uri.startsWith("${stageVariables."))) {
      problems.add("uri: \"" + uri + "\"" + expected);
    } else if (bare.indexOf('{') >= 0 || bare.indexOf('}') >= 0 || bare.indexOf('$') >= 0) {
      problems.add("uri: \"" + uri + "\" has a malformed placeholder (expected: ${stageVariables.name} or {param})");
    } else if (uri.chars().anyMatch(c -> c <= 0x20 || c == 0x7f) || uri.indexOf('#') >= 0) {
      problems.add("uri: \"" + uri + "\" has a space, control character or fragment (expected: none)");
    } else if (uri.startsWith("http")) {
      int authorityEnd = uri.indexOf('/', uri.indexOf("://") + 3);
      String authority = authorityEnd < 0 ? uri : uri.substring(0, authorityEnd);
      if (!parameters(authority).isEmpty()) {
        problems.add("uri: \"" + uri + "\" has a {param} in its host (expected: parameters in the path or"
            + " query only; a stage variable may name the host)");
      } else if (stageVariables(uri).isEmpty() && !isAbsoluteHttp(uri)) {
        problems.add("uri: \"" + uri + "\"" + expected);
      }
    }
    return problems;
  }

  /** Whether {@code uri}, its parameters aside, is an absolute http or https URI with a host. */
  static boolean isAbsoluteHttp(String uri) {
    try {
      URI parsed = new URI(PARAMETER.matcher(uri).replaceAll("p"));
      return ("http".equals(parsed.getScheme()) || "https".equals(parsed.getScheme())) && parsed.getHost() != null
          && parsed.getRawFragment() == null;
    } catch (URISyntaxException e) {
      return false;
    }
  }
}
