package dev.gatehouse.authorizer;

import java.util.Locale;
import java.util.Objects;

/**
 * Where a request carries what an authorizer checks: a header, a query parameter or a cookie.
 * {@link #parse} reads AWS's spellings ({@code $request.header.Authorization},
 * {@code method.request.querystring.token}).
 *
 * <pre>{@code
 * IdentitySource.header("Authorization");                  // the default of JWT authorizers
 * IdentitySource.parse("$request.querystring.token");     // AWS's spelling of IdentitySource.query("token")
 * }</pre>
 *
 * @param location where to look
 * @param name the header (any case), query parameter or cookie name
 */
public record IdentitySource(Location location, String name) {
  /** Where an identity source looks. */
  public enum Location {
    HEADER,
    QUERY,
    COOKIE
  }

  public IdentitySource {
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(name, "name");
  }

  public static IdentitySource header(String name) {
    return new IdentitySource(Location.HEADER, name);
  }

  public static IdentitySource query(String name) {
    return new IdentitySource(Location.QUERY, name);
  }

  public static IdentitySource cookie(String name) {
    return new IdentitySource(Location.COOKIE, name);
  }

  /**
   * An identity source in AWS's notation: {@code $request.header.NAME}, {@code $request.querystring.NAME}
   * (HTTP APIs), {@code method.request.header.NAME}, {@code method.request.querystring.NAME} (REST APIs),
   * or {@code $request.cookie.NAME}.
   *
   * @throws IllegalArgumentException naming the accepted forms
   */
  public static IdentitySource parse(String expression) {
    for (String prefix : new String[] {"$request.", "method.request."}) {
      if (expression != null && expression.startsWith(prefix)) {
        String rest = expression.substring(prefix.length());
        int dot = rest.indexOf('.');
        String where = dot < 0 ? rest : rest.substring(0, dot).toLowerCase(Locale.ROOT);
        String name = dot < 0 ? "" : rest.substring(dot + 1);
        if (!name.isEmpty()) {
          switch (where) {
            case "header":
              return header(name);
            case "querystring":
              return query(name);
            case "cookie":
              return cookie(name);
            default:
              break;
          }
        }
      }
    }
    throw new IllegalArgumentException("identitySource: " + (expression == null ? "null" : "\"" + expression + "\"")
        + " (expected: $request.header.NAME, $request.querystring.NAME, $request.cookie.NAME or the"
        + " method.request.header/querystring.NAME forms)");
  }

  @Override
  public String toString() {
    return "$request." + (location == Location.QUERY ? "querystring" : location.name().toLowerCase(Locale.ROOT))
        + "." + name;
  }
}
