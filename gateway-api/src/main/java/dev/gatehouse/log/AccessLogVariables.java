package dev.gatehouse.log;

import dev.gatehouse.ApiType;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The {@code $context} variables AWS documents for access logs, per API type: the tables of the
 * REST API mapping-template reference (with its access-logging-only table), of HTTP API logging
 * variables and of WebSocket API logging. A name here is without the {@code $context.} prefix.
 *
 * <p>Four are families rather than names: {@code authorizer.claims.{claim}} (REST and HTTP),
 * {@code authorizer.{key}} (a function authorizer's context value; one segment),
 * {@code requestOverride.{header|path|querystring}.{name}} and {@code responseOverride.header.{name}}
 * (REST). A fixed name wins over a family, so {@code authorizer.latency} is the latency where AWS
 * documents it and the context key {@code latency} elsewhere.
 */
public final class AccessLogVariables {
  private static final Map<String, Set<ApiType>> NAMES = new LinkedHashMap<>();
  /** The families, each as its prefix and the types that document it. */
  private static final Map<String, Set<ApiType>> FAMILIES = new LinkedHashMap<>();

  static {
    names("RHW", "apiId", "authorizer.principalId", "authorizer.error", "domainName", "error.message",
        "error.messageString", "error.responseType", "extendedRequestId", "identity.accountId", "identity.caller",
        "identity.cognitoAuthenticationProvider", "identity.cognitoAuthenticationType", "identity.cognitoIdentityId",
        "identity.cognitoIdentityPoolId", "identity.principalOrgId", "identity.sourceIp", "identity.user",
        "identity.userAgent", "identity.userArn", "integration.error", "integration.integrationStatus",
        "integration.latency", "integration.requestId", "integration.status", "integrationLatency", "requestId",
        "requestTime", "requestTimeEpoch", "stage", "status");
    names("RH", "accountId", "identity.accessKey", "awsEndpointRequestId", "customDomain.basePathMatched", "domainPrefix", "httpMethod",
        "identity.clientCert.clientCertPem", "identity.clientCert.subjectDN", "identity.clientCert.issuerDN",
        "identity.clientCert.serialNumber", "identity.clientCert.validity.notBefore",
        "identity.clientCert.validity.notAfter", "integrationErrorMessage", "integrationStatus", "path", "protocol",
        "responseLatency", "responseLength");
    names("RW", "authorize.error", "authorize.latency", "authorize.status", "authorizer.integrationLatency",
        "authorizer.integrationStatus", "authorizer.latency", "authorizer.requestId", "authorizer.status",
        "authenticate.error", "authenticate.latency", "authenticate.status", "error.validationErrorString",
        "identity.apiKey", "identity.apiKeyId", "waf.error", "waf.latency", "waf.status");
    names("R", "resourceId", "resourcePath", "responseOverride.status", "wafResponseCode", "webaclArn",
        "xrayTraceId");
    names("H", "awsEndpointRequestId2", "dataProcessed");
    names("HW", "routeKey");
    names("W", "connectedAt", "connectionId", "eventType", "messageId");
    FAMILIES.put("authorizer.claims.", types("RH"));
    FAMILIES.put("requestOverride.header.", types("R"));
    FAMILIES.put("requestOverride.path.", types("R"));
    FAMILIES.put("requestOverride.querystring.", types("R"));
    FAMILIES.put("responseOverride.header.", types("R"));
    FAMILIES.put("authorizer.", types("RHW"));
  }

  private AccessLogVariables() {}

  /** The fixed names AWS documents for {@code type}, in its tables' order; families not included. */
  public static List<String> names(ApiType type) {
    return NAMES.entrySet().stream().filter(e -> e.getValue().contains(type)).map(Map.Entry::getKey)
        .collect(Collectors.toUnmodifiableList());
  }

  /**
   * The API types whose access logs know {@code name} (such as {@code authorizer.claims.sub}); empty
   * for a name AWS documents for none.
   */
  public static Set<ApiType> typesOf(String name) {
    Set<ApiType> fixed = NAMES.get(name);
    if (fixed != null) {
      return fixed;
    }
    for (Map.Entry<String, Set<ApiType>> family : FAMILIES.entrySet()) {
      String prefix = family.getKey();
      String rest = name.startsWith(prefix) ? name.substring(prefix.length()) : "";
      // authorizer.{key} is one segment: authorizer.claims.sub on a WebSocket API is no context key
      if (!rest.isEmpty() && (!"authorizer.".equals(prefix) || rest.indexOf('.') < 0)) {
        return family.getValue();
      }
    }
    return Set.of();
  }

  private static void names(String types, String... names) {
    for (String name : names) {
      NAMES.put(name, types(types));
    }
  }

  private static Set<ApiType> types(String letters) {
    Set<ApiType> set = EnumSet.noneOf(ApiType.class);
    for (char c : letters.toCharArray()) {
      set.add(c == 'R' ? ApiType.REST : c == 'H' ? ApiType.HTTP : ApiType.WEBSOCKET);
    }
    return Collections.unmodifiableSet(set);
  }
}
