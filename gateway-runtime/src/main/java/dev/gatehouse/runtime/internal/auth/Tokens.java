package dev.gatehouse.runtime.internal.auth;

import dev.gatehouse.authorizer.IdentitySource;
import dev.gatehouse.runtime.internal.pipeline.Exchange;
import java.util.List;

/** Reads an identity source from a request: a header's first value, a query parameter, a cookie. */
final class Tokens {
  private static final String BEARER = "Bearer ";

  private Tokens() {}

  /** The value, or {@code null} when the request does not carry it (an empty value counts as absent). */
  static String read(IdentitySource source, Exchange ex) {
    String value = switch (source.location()) {
      case HEADER -> ex.request().headers().first(source.name());
      case QUERY -> first(ex.query().get(source.name()));
      case COOKIE -> cookie(ex.request().headers().all("Cookie"), source.name());
    };
    return value == null || value.isEmpty() ? null : value;
  }

  /** A token with or without the {@code Bearer } scheme, as AWS's JWT authorizer accepts it. */
  static String withoutBearer(String value) {
    if (value.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      return value.substring(BEARER.length()).trim();
    }
    return value.trim();
  }

  private static String first(List<String> values) {
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  private static String cookie(List<String> headers, String name) {
    for (String header : headers) {
      for (String pair : header.split(";")) {
        int eq = pair.indexOf('=');
        if (eq > 0 && pair.substring(0, eq).trim().equals(name)) {
          return pair.substring(eq + 1).trim();
        }
      }
    }
    return null;
  }
}
