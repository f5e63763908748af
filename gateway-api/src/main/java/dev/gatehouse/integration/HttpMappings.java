package dev.gatehouse.integration;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Checks HTTP integration parameter mappings against AWS's REST API mapping expressions. */
final class HttpMappings {
  static final String STAGE_VARIABLES = "stageVariables.";

  private static final String NAME = "[A-Za-z0-9._$-]+";
  private static final Pattern REQUEST_TARGET = Pattern.compile("integration\\.request\\.(path|querystring|header)\\." + NAME);
  private static final Pattern REQUEST_SOURCE = Pattern.compile(
      "method\\.request\\.(path|querystring|multivaluequerystring|header|multivalueheader)\\." + NAME
          + "|method\\.request\\.body|stageVariables\\.[A-Za-z0-9_]+|'[^'\\r\\n]*'");
  private static final Pattern RESPONSE_TARGET = Pattern.compile("method\\.response\\.header\\." + NAME);
  private static final Pattern RESPONSE_SOURCE = Pattern.compile(
      "integration\\.response\\.(header|multivalueheader)\\." + NAME + "|stageVariables\\.[A-Za-z0-9_]+|'[^'\\r\\n]*'");

  /** The {@code context.*} variables a mapping may read; {@code authorizer.*} names are open. */
  static final Set<String> CONTEXT = Set.of("requestId", "extendedRequestId", "apiId", "stage", "resourcePath",
      "resourceId", "routeKey", "httpMethod", "path", "protocol", "requestTime", "requestTimeEpoch", "domainName",
      "domainPrefix", "identity.sourceIp", "identity.userAgent", "identity.apiKeyId", "identity.accessKey",
      "identity.accountId", "identity.caller", "identity.user", "identity.userArn", "authorizer.principalId");

  /** Headers the gateway owns on the way to the backend and back: no mapping may set them. */
  private static final Set<String> RESERVED = Set.of("connection", "content-length", "expect", "forwarded", "host",
      "keep-alive", "proxy-authenticate", "proxy-authorization", "proxy-connection", "te", "trailer", "trailers",
      "transfer-encoding", "upgrade", "x-forwarded-for", "x-forwarded-host", "x-forwarded-port", "x-forwarded-proto");

  private HttpMappings() {}

  static void checkRequest(Map<String, String> parameters, List<String> problems) {
    parameters.forEach((target, source) -> {
      if (!REQUEST_TARGET.matcher(target).matches()) {
        problems.add("requestParameters: " + target
            + " (expected: integration.request.path|querystring|header.name)");
      } else if (isReservedHeader(target, "integration.request.header.")) {
        problems.add("requestParameters: " + target + " (expected: a header the gateway does not own; "
            + "reserved: " + RESERVED.stream().sorted().toList() + ")");
      }
      if (!isSource(source, REQUEST_SOURCE)) {
        problems.add("requestParameters " + target + ": " + source + " (expected: method.request.path|querystring|"
            + "multivaluequerystring|header|multivalueheader.name, method.request.body, stageVariables.name, "
            + "context.name or a 'constant')");
      }
    });
  }

  static void checkResponse(Map<String, String> parameters, List<String> problems) {
    parameters.forEach((target, source) -> {
      if (!RESPONSE_TARGET.matcher(target).matches()) {
        problems.add("responseParameters: " + target + " (expected: method.response.header.name)");
      } else if (isReservedHeader(target, "method.response.header.")) {
        problems.add("responseParameters: " + target + " (expected: a header the gateway does not own; "
            + "reserved: " + RESERVED.stream().sorted().toList() + ")");
      }
      if (!isSource(source, RESPONSE_SOURCE)) {
        problems.add("responseParameters " + target + ": " + source + " (expected: integration.response.header|"
            + "multivalueheader.name, stageVariables.name, context.name or a 'constant')");
      }
    });
  }

  static void checkStatuses(Map<String, Integer> statuses, List<String> problems) {
    statuses.forEach((pattern, status) -> {
      try {
        Pattern.compile(pattern);
      } catch (PatternSyntaxException e) {
        problems.add("responseStatuses: " + pattern + " (expected: a regular expression: " + e.getDescription() + ")");
      }
      if (status == null || status < 100 || status > 599) {
        problems.add("responseStatuses " + pattern + ": " + status + " (expected: 100..599)");
      }
    });
  }

  private static boolean isSource(String source, Pattern pattern) {
    if (source == null) {
      return false;
    }
    if (source.startsWith("context.")) {
      String name = source.substring("context.".length());
      return CONTEXT.contains(name) || name.matches("authorizer\\.(claims\\.)?[A-Za-z0-9._:-]+");
    }
    return pattern.matcher(source).matches();
  }

  private static boolean isReservedHeader(String target, String prefix) {
    return target.startsWith(prefix) && RESERVED.contains(target.substring(prefix.length()).toLowerCase(Locale.ROOT));
  }
}
