package dev.gatehouse.runtime.internal.iam;

import dev.gatehouse.Headers;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a request's SigV4 signature parts from its Authorization header or from its presigned query
 * string, with API Gateway's messages for what is missing or malformed. Verifies nothing: the
 * signature, the clock and the key are checked later. Stateless and thread-safe.
 */
final class SigV4Parser {
  static final String ONE_MECHANISM = "Only one auth mechanism allowed; only the X-Amz-Algorithm query parameter,"
      + " Signature query string parameter or the Authorization header should be specified";
  static final int MAX_EXPIRES_SECONDS = 604_800;

  private static final List<String> QUERY_PARAMETERS =
      List.of("X-Amz-Algorithm", "X-Amz-Credential", "X-Amz-Signature", "X-Amz-SignedHeaders", "X-Amz-Date");

  private SigV4Parser() {}

  /** What {@link #parse} found: exactly one of a request, a message, or nothing. */
  record Parsed(Kind kind, SignedRequest request, String message) {
    /** No SigV4 attempt at all; AWS answers 403 "Missing Authentication Token". */
    static final Parsed MISSING = new Parsed(Kind.MISSING, null, null);

    static Parsed malformed(String message) {
      return new Parsed(Kind.MALFORMED, null, message);
    }

    static Parsed parsed(SignedRequest request) {
      return new Parsed(Kind.PARSED, request, null);
    }
  }

  /** The three outcomes of parsing. */
  enum Kind {
    MISSING,
    /** An attempt at SigV4 that cannot be checked; AWS answers 403 IncompleteSignatureException. */
    MALFORMED,
    PARSED
  }

  /**
   * The signature parts of a request.
   *
   * <p>Any Authorization header counts as an attempt, as at API Gateway, which answers a
   * {@code Bearer} token on an IAM route with "Authorization header requires 'Credential'
   * parameter...", not with a missing token.
   *
   * @param rawQuery the query as received, without {@code ?}; {@code null} for none
   */
  static Parsed parse(String rawQuery, Headers headers) {
    Map<String, String> query = new HashMap<>();
    String duplicate = authQueryParameters(rawQuery, query);
    boolean byQuery = query.containsKey("X-Amz-Algorithm") || query.containsKey("X-Amz-Signature");
    List<String> authorizations = headers.all("Authorization");
    if (!authorizations.isEmpty() && byQuery) {
      return Parsed.malformed(ONE_MECHANISM);
    }
    if (!authorizations.isEmpty()) {
      if (authorizations.size() > 1) {
        return Parsed.malformed("Authorization header appears " + authorizations.size() + " times (expected: once)");
      }
      return fromHeader(authorizations.get(0), headers);
    }
    if (byQuery) {
      return duplicate != null
          ? Parsed.malformed(duplicate + " appears more than once in the query string (expected: once)")
          : fromQuery(query, headers);
    }
    return Parsed.MISSING;
  }

  private static Parsed fromHeader(String authorization, Headers headers) {
    String value = authorization.strip();
    int space = value.indexOf(' ');
    String algorithm = space < 0 ? value : value.substring(0, space);
    if (algorithm.startsWith("AWS4-") && !algorithm.equals(SigV4.ALGORITHM)) {
      return Parsed.malformed("Authorization header algorithm: '" + algorithm + "' (expected: " + SigV4.ALGORITHM + ")");
    }
    Map<String, String> params = new HashMap<>();
    if (algorithm.equals(SigV4.ALGORITHM)) {
      for (String piece : value.substring(space < 0 ? value.length() : space + 1).split(",")) {
        String param = piece.strip();
        int eq = param.indexOf('=');
        if (eq > 0 && params.put(param.substring(0, eq), param.substring(eq + 1)) != null) {
          return Parsed.malformed("Authorization header has '" + param.substring(0, eq)
              + "' more than once (expected: once)");
        }
      }
    }
    String amzDate = headers.first("X-Amz-Date");
    StringBuilder missing = new StringBuilder();
    for (String name : List.of("Credential", "Signature", "SignedHeaders")) {
      if (isBlank(params.get(name))) {
        missing.append("Authorization header requires '").append(name).append("' parameter. ");
      }
    }
    if (isBlank(amzDate)) {
      missing.append("Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. ");
    }
    if (missing.length() > 0) {
      // AWS echoes the whole header; only its scheme is echoed here, since the rest may be a bearer
      // token or a signature that would then sit in execution logs of the refusal
      return Parsed.malformed(missing + "Authorization=" + algorithm + (algorithm.length() < value.length() ? " ..." : ""));
    }
    return build(false, "Credential", params.get("Credential"), "SignedHeaders", params.get("SignedHeaders"),
        params.get("Signature"), amzDate.strip(), null, headers.first("X-Amz-Security-Token"));
  }

  private static Parsed fromQuery(Map<String, String> query, Headers headers) {
    StringBuilder missing = new StringBuilder();
    for (String name : QUERY_PARAMETERS) {
      if (isBlank(query.get(name))) {
        missing.append("AWS query-string parameters must include '").append(name).append("'. ");
      }
    }
    if (missing.length() > 0) {
      return Parsed.malformed(missing + "Re-examine the query-string parameters.");
    }
    String algorithm = query.get("X-Amz-Algorithm");
    if (!algorithm.equals(SigV4.ALGORITHM)) {
      return Parsed.malformed("X-Amz-Algorithm: '" + algorithm + "' (expected: " + SigV4.ALGORITHM + ")");
    }
    Integer expires = null;
    String expiresText = query.get("X-Amz-Expires");
    if (expiresText != null) {
      try {
        expires = Integer.valueOf(expiresText);
      } catch (NumberFormatException e) {
        return Parsed.malformed("X-Amz-Expires: '" + expiresText + "' (expected: an integer from 1 to 604800)");
      }
      if (expires > MAX_EXPIRES_SECONDS) {
        return Parsed.malformed("X-Amz-Expires must be less than a week (in seconds) that is 604800");
      }
      if (expires < 1) {
        return Parsed.malformed("X-Amz-Expires: '" + expiresText + "' (expected: an integer from 1 to 604800)");
      }
    }
    String token = query.containsKey("X-Amz-Security-Token")
        ? query.get("X-Amz-Security-Token") : headers.first("X-Amz-Security-Token");
    return build(true, "X-Amz-Credential", query.get("X-Amz-Credential"), "X-Amz-SignedHeaders",
        query.get("X-Amz-SignedHeaders"), query.get("X-Amz-Signature"), query.get("X-Amz-Date"), expires, token);
  }

  /** Checks the parts both forms share; the names are those of the form the request used, for messages. */
  private static Parsed build(boolean presigned, String credentialName, String credential, String signedHeadersName,
      String signedHeadersText, String signature, String amzDate, Integer expires, String token) {
    String[] scope = credential.split("/", -1);
    if (scope.length != 5 || Arrays.stream(scope).anyMatch(String::isEmpty)
        || !scope[4].equals(SigV4.TERMINATOR) || !AmzDates.isDay(scope[1])) {
      return Parsed.malformed(credentialName + ": '" + credential
          + "' (expected: <access key id>/<yyyyMMdd>/<region>/<service>/aws4_request)");
    }
    if (AmzDates.instant(amzDate) == null) {
      return Parsed.malformed("X-Amz-Date: '" + amzDate + "' (expected: yyyyMMdd'T'HHmmss'Z', such as 20150830T123600Z)");
    }
    if (!amzDate.startsWith(scope[1])) {
      return Parsed.malformed("Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '"
          + scope[1] + "' != '" + amzDate.substring(0, 8) + "', from '" + amzDate + "'.");
    }
    List<String> signedHeaders = List.of(signedHeadersText.split(";", -1));
    if (signedHeaders.contains("") || !signedHeaders.contains("host")) {
      return Parsed.malformed(signedHeadersName + ": '" + signedHeadersText
          + "' (expected: lower-case header names separated by ';', including host)");
    }
    return Parsed.parsed(new SignedRequest(presigned, scope[0], scope[1], scope[2], scope[3],
        signedHeaders, signature.strip(), amzDate, expires, token));
  }

  /**
   * Collects the decoded {@code X-Amz-*} parameters of the query into {@code into}; returns the name
   * of one that appears twice, or {@code null}, since a second value could be what another part of
   * the gateway reads.
   */
  private static String authQueryParameters(String rawQuery, Map<String, String> into) {
    if (rawQuery == null || rawQuery.isEmpty()) {
      return null;
    }
    String duplicate = null;
    for (String piece : rawQuery.split("&")) {
      int eq = piece.indexOf('=');
      String name = CanonicalRequest.percentDecode(eq < 0 ? piece : piece.substring(0, eq));
      if (name.startsWith("X-Amz-")) {
        String value = CanonicalRequest.percentDecode(eq < 0 ? "" : piece.substring(eq + 1));
        if (into.put(name, value) != null && duplicate == null) {
          duplicate = name;
        }
      }
    }
    return duplicate;
  }

  private static boolean isBlank(String text) {
    return text == null || text.isBlank();
  }
}
