package dev.gatehouse.runtime.internal.http;

import dev.gatehouse.RequestContext;
import dev.gatehouse.runtime.internal.pipeline.Exchange;
import java.util.List;

/**
 * One mapping expression's source, compiled once: the values it reads from a request (and, for
 * response mappings, the backend's answer). No value is an empty list, never {@code null}.
 */
@FunctionalInterface
interface MappingSource {
  List<String> values(Exchange ex, BackendResponse response);

  /** Compiles an expression that {@code HttpIntegration} already checked. */
  static MappingSource compile(String source) {
    if (source.startsWith("'")) {
      List<String> constant = List.of(source.substring(1, source.length() - 1));
      return (ex, response) -> constant;
    }
    if (source.equals("method.request.body")) {
      return (ex, response) -> List.of(ex.request().bodyAsString());
    }
    // every request and response source left is three dotted words and a name: method.request.header.NAME
    String name = source.substring(source.indexOf('.', source.indexOf('.', source.indexOf('.') + 1) + 1) + 1);
    if (source.startsWith("method.request.path.")) {
      return (ex, response) -> one(ex.pathParameters().get(name));
    }
    if (source.startsWith("method.request.querystring.")) {
      return (ex, response) -> last(ex.query().get(name));
    }
    if (source.startsWith("method.request.multivaluequerystring.")) {
      return (ex, response) -> ex.query().getOrDefault(name, List.of());
    }
    if (source.startsWith("method.request.header.")) {
      return (ex, response) -> one(ex.request().headers().last(name));
    }
    if (source.startsWith("method.request.multivalueheader.")) {
      return (ex, response) -> ex.request().headers().all(name);
    }
    if (source.startsWith("integration.response.header.")) {
      return (ex, response) -> one(response.headers().last(name));
    }
    if (source.startsWith("integration.response.multivalueheader.")) {
      return (ex, response) -> response.headers().all(name);
    }
    if (source.startsWith("stageVariables.")) {
      String variable = source.substring("stageVariables.".length());
      return (ex, response) -> one(ex.context().stageVariables().get(variable));
    }
    String variable = source.substring("context.".length());
    return (ex, response) -> one(context(ex.context(), variable));
  }

  private static List<String> one(String value) {
    return value == null ? List.of() : List.of(value);
  }

  private static List<String> last(List<String> values) {
    return values == null || values.isEmpty() ? List.of() : List.of(values.get(values.size() - 1));
  }

  /** A {@code $context} variable by its AWS name, or {@code null}. */
  private static String context(RequestContext c, String name) {
    switch (name) {
      case "requestId": return c.requestId();
      case "extendedRequestId": return c.extendedRequestId();
      case "apiId": return c.apiId();
      case "stage": return c.stage();
      case "resourcePath": return c.resourcePath();
      case "resourceId": return c.resourceId();
      case "routeKey": return c.routeKey();
      case "httpMethod": return c.httpMethod();
      case "path": return c.path();
      case "protocol": return c.protocol();
      case "requestTime": return c.requestTime();
      case "requestTimeEpoch": return Long.toString(c.requestTimeEpoch());
      case "domainName": return c.domainName();
      case "domainPrefix": return c.domainPrefix();
      case "identity.sourceIp": return c.identity().sourceIp();
      case "identity.userAgent": return c.identity().userAgent();
      case "identity.apiKeyId": return c.identity().apiKeyId();
      case "identity.accessKey": return c.identity().accessKey();
      case "identity.accountId": return c.identity().accountId();
      case "identity.caller": return c.identity().caller();
      case "identity.user": return c.identity().user();
      case "identity.userArn": return c.identity().userArn();
      default: return authorizer(c.authorizer(), name);
    }
  }

  private static String authorizer(RequestContext.Authorization authorization, String name) {
    if (authorization == null || !name.startsWith("authorizer.")) {
      return null;
    }
    String key = name.substring("authorizer.".length());
    if (key.equals("principalId")) {
      return authorization.principalId();
    }
    if (key.startsWith("claims.")) {
      return authorization.claims().get(key.substring("claims.".length()));
    }
    Object value = authorization.context().get(key);
    return value == null ? null : String.valueOf(value);
  }
}
