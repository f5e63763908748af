package dev.gatehouse.runtime.internal.log;

import dev.gatehouse.ApiType;
import dev.gatehouse.GatewayResponse;
import dev.gatehouse.GatewayResponseType;
import dev.gatehouse.RequestContext;
import dev.gatehouse.event.ClientCert;
import dev.gatehouse.runtime.internal.ClfTime;
import dev.gatehouse.runtime.internal.RequestContexts;
import dev.gatehouse.runtime.internal.integration.ClientCerts;
import dev.gatehouse.runtime.internal.pipeline.Exchange;
import dev.gatehouse.runtime.internal.websocket.WebSocketCall;
import java.util.Map;
import java.util.function.Function;

/**
 * Where each {@code $context} variable's value comes from. A value Gatehouse does not have (AWS
 * account, IAM and Cognito identity, WAF, X-Ray, authorizer and authentication timings, request
 * overrides) is {@code null}, rendered {@code -} as AWS renders a missing value.
 */
final class AccessLogValues {
  /** What a line is rendered from: the request's exchange, the answer, and the response latency. */
  record Facts(Exchange ex, GatewayResponse response, long latencyMillis) {
    RequestContext context() {
      return ex.context();
    }

    WebSocketCall call() {
      return ex.webSocket() instanceof WebSocketCall ? (WebSocketCall) ex.webSocket() : null;
    }

    RequestContext.Authorization authorizer() {
      return ex.context() == null ? null : ex.context().authorizer();
    }

    GatewayResponseType error() {
      return ex.gatewayResponseType();
    }
  }

  private AccessLogValues() {}

  /** The value of the variable {@code name} (without {@code $context.}); never {@code null} itself. */
  static Function<Facts, Object> of(String name) {
    if (name.startsWith("authorizer.claims.")) {
      String claim = name.substring("authorizer.claims.".length());
      return f -> f.authorizer() == null ? null : f.authorizer().claims().get(claim);
    }
    if (name.startsWith("identity.clientCert.")) {
      return clientCert(name.substring("identity.clientCert.".length()));
    }
    Function<Facts, Object> fixed = fixed(name);
    if (fixed != null) {
      return fixed;
    }
    if (name.startsWith("authorizer.") && name.indexOf('.', "authorizer.".length()) < 0) {
      String key = name.substring("authorizer.".length());
      return f -> f.authorizer() == null ? null : text(f.authorizer().context().get(key));
    }
    return f -> null;
  }

  private static Function<Facts, Object> fixed(String name) {
    return switch (name) {
      case "apiId" -> f -> f.ex().api().definition().name();
      case "stage" -> f -> f.ex().stage().name();
      case "requestId" -> f -> f.ex().requestId();
      case "xrayTraceId" -> f -> f.ex().context() == null ? null : f.ex().context().xrayTraceId();
      case "extendedRequestId" -> f -> f.ex().api().definition().type() != ApiType.REST ? f.ex().requestId()
          : f.context() == null ? null : f.context().extendedRequestId();
      case "httpMethod" -> f -> f.ex().request().method();
      case "path" -> f -> f.context() != null ? f.context().path() : f.ex().path();
      case "protocol" -> f -> f.ex().request().protocol();
      case "requestTime" -> f -> ClfTime.format(f.ex().receivedAtMillis());
      case "requestTimeEpoch" -> f -> f.ex().receivedAtMillis();
      case "domainName" -> f -> RequestContexts.hostOnly(f.ex().request().headers().first("Host"));
      case "domainPrefix" -> f -> RequestContexts.domainPrefix(
          RequestContexts.hostOnly(f.ex().request().headers().first("Host")));
      case "resourcePath", "resourceId" -> f -> f.context() == null ? null : f.context().resourcePath();
      case "routeKey" -> f -> f.context() == null ? null : f.context().routeKey();
      case "identity.sourceIp" -> f -> f.context() != null ? f.context().identity().sourceIp() : f.ex().sourceIp();
      case "identity.accessKey" -> f -> f.context() == null ? null : f.context().identity().accessKey();
      case "identity.accountId" -> f -> f.context() == null ? null : f.context().identity().accountId();
      case "identity.caller" -> f -> f.context() == null ? null : f.context().identity().caller();
      case "identity.user" -> f -> f.context() == null ? null : f.context().identity().user();
      case "identity.userArn" -> f -> f.context() == null ? null : f.context().identity().userArn();
      case "accountId" -> f -> f.ex().deployment().definition().iam() == null ? null
          : f.ex().deployment().definition().iam().accountId();
      case "identity.userAgent" -> f -> f.ex().request().headers().first("User-Agent");
      case "identity.apiKeyId" -> f -> f.ex().apiKey() == null ? null : f.ex().apiKey().id();
      case "identity.apiKey" -> AccessLogValues::apiKey;
      case "authorizer.principalId" -> f -> f.authorizer() == null ? null : f.authorizer().principalId();
      case "error.message" -> f -> f.error() == null ? null : f.error().defaultMessage();
      case "error.messageString" -> f -> f.error() == null ? null : "\"" + f.error().defaultMessage() + "\"";
      case "error.responseType" -> f -> f.error() == null ? null : f.error().name();
      case "status" -> f -> f.response().status();
      case "responseLength" -> f -> f.response().contentLength() < 0 ? null : f.response().contentLength();
      case "responseLatency" -> Facts::latencyMillis;
      case "integrationLatency", "integration.latency" ->
          f -> f.ex().integrationLatencyMillis() < 0 ? null : f.ex().integrationLatencyMillis();
      case "integration.status" -> f -> f.ex().integrationStatus() < 0 ? null : f.ex().integrationStatus();
      case "customDomain.basePathMatched" -> AccessLogValues::basePath;
      case "connectionId" -> f -> f.call() == null ? null : f.call().connectionId();
      case "eventType" -> f -> f.call() == null ? null : f.call().eventType();
      case "messageId" -> f -> f.call() == null ? null : f.call().messageId();
      case "connectedAt" -> f -> f.call() == null ? null : f.call().connectedAt();
      case "awsEndpointRequestId", "awsEndpointRequestId2", "dataProcessed", "identity.principalOrgId",
          "identity.cognitoAuthenticationProvider", "identity.cognitoAuthenticationType",
          "identity.cognitoIdentityId", "identity.cognitoIdentityPoolId", "integrationStatus",
          "integration.integrationStatus", "integration.error", "integration.requestId", "integrationErrorMessage",
          "error.validationErrorString", "responseOverride.status", "wafResponseCode", "webaclArn",
          "authorize.error", "authorize.latency", "authorize.status", "authenticate.error", "authenticate.latency",
          "authenticate.status", "authorizer.error", "authorizer.integrationLatency",
          "authorizer.integrationStatus", "authorizer.latency", "authorizer.requestId", "authorizer.status",
          "waf.error", "waf.latency", "waf.status" -> f -> null;
      default -> null;
    };
  }

  /**
   * The admitted key's value as the caller presented it, as AWS logs it (the key store keeps only a
   * digest): a format shows it only where the user wrote {@code $context.identity.apiKey}.
   */
  private static Object apiKey(Facts f) {
    if (f.ex().apiKey() == null) {
      return null;
    }
    String fromAuthorizer = f.ex().usageIdentifierKey();
    return fromAuthorizer != null ? fromAuthorizer : f.ex().request().headers().first("x-api-key");
  }

  /** The base path of a base-path mapping the request came through: its first segment, when it is not the stage. */
  private static Object basePath(Facts f) {
    Exchange ex = f.ex();
    if (f.call() != null || ex.stageSegments() != 1 || ex.segments() == null || ex.segments().isEmpty()) {
      return null;
    }
    String first = ex.segments().get(0);
    return first.equals(ex.stage().name()) ? null : first;
  }

  private static Function<Facts, Object> clientCert(String field) {
    Function<ClientCert, Object> read = switch (field) {
      case "clientCertPem" -> ClientCert::clientCertPem;
      case "subjectDN" -> ClientCert::subjectDN;
      case "issuerDN" -> ClientCert::issuerDN;
      case "serialNumber" -> ClientCert::serialNumber;
      case "validity.notBefore" -> cert -> cert.validity().notBefore();
      case "validity.notAfter" -> cert -> cert.validity().notAfter();
      default -> cert -> null;
    };
    return f -> {
      ClientCert cert = ClientCerts.of(f.ex().request().tls());
      return cert == null ? null : read.apply(cert);
    };
  }

  /** A function authorizer's context value as AWS stringifies it. */
  private static Object text(Object value) {
    return value instanceof Map || value == null ? null : String.valueOf(value);
  }
}
