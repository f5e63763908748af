package dev.gatehouse.runtime.internal.cache;

import dev.gatehouse.Headers;
import dev.gatehouse.runtime.internal.pipeline.Exchange;
import dev.gatehouse.runtime.internal.routing.PathDecoder;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Cache keys: the API stage's prefix, the route, the method and the resource path with its path
 * parameters, then the route's key parameters in the order declared. NUL separates the parts, and
 * no decoded part can hold one (the router refuses it), so keys of different APIs, stages and
 * routes never collide.
 */
final class CacheKeys {
  private static final char SEPARATOR = '\u0000';
  /** Stands for a key parameter the request lacks, which differs from an empty value. */
  private static final String ABSENT = "\u0001";

  private CacheKeys() {}

  static String prefix(String api, String stage) {
    return api + SEPARATOR + stage + SEPARATOR;
  }

  static String of(String prefix, Exchange ex, List<String> keyParameters) {
    StringBuilder key = new StringBuilder(prefix.length() + 64).append(prefix)
        .append(ex.route().routeKey()).append(SEPARATOR)
        .append(ex.request().method()).append(SEPARATOR)
        .append(PathDecoder.after(ex.path(), ex.segments(), ex.stageSegments()));
    for (String parameter : keyParameters) {
      key.append(SEPARATOR).append(parameter).append('=').append(value(parameter, ex));
    }
    return key.toString();
  }

  private static String value(String parameter, Exchange ex) {
    int dot = parameter.lastIndexOf('.', parameter.length() - 1);
    String source = parameter.substring(0, dot);
    String name = parameter.substring(dot + 1);
    switch (source) {
      case "method.request.querystring":
        return last(ex.query(), name);
      case "method.request.multivaluequerystring":
        List<String> values = ex.query().get(name);
        return values == null ? ABSENT : String.join(ABSENT + ABSENT, values);
      case "method.request.header":
        return header(ex.request().headers(), name, false);
      default:
        return header(ex.request().headers(), name, true);
    }
  }

  private static String last(Map<String, List<String>> query, String name) {
    List<String> values = query.get(name);
    return values == null || values.isEmpty() ? ABSENT : values.get(values.size() - 1);
  }

  /** Header names compare without case; a single-value source reads the last value, as AWS's events do. */
  private static String header(Headers headers, String name, boolean every) {
    List<String> values = headers.all(name.toLowerCase(Locale.ROOT));
    if (values.isEmpty()) {
      return ABSENT;
    }
    return every ? String.join(ABSENT + ABSENT, values) : values.get(values.size() - 1);
  }
}
