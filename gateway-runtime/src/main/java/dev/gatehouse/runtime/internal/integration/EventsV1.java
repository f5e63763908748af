package dev.gatehouse.runtime.internal.integration;

import dev.gatehouse.ApiType;
import dev.gatehouse.GatewayRequest;
import dev.gatehouse.RequestContext;
import dev.gatehouse.event.ProxyEventV1;
import dev.gatehouse.runtime.internal.ArrayMap;
import dev.gatehouse.runtime.internal.pipeline.Exchange;
import dev.gatehouse.runtime.internal.routing.PathDecoder;
import java.util.List;
import java.util.Map;

/** Builds the payload 1.0 event of a routed exchange. */
public final class EventsV1 {
  private EventsV1() {}

  public static ProxyEventV1 build(Exchange ex) {
    GatewayRequest request = ex.request();
    RequestContext context = ex.context();
    HeaderGroups groups = HeaderGroups.of(request.headers());
    // HTTP APIs lower-case header names in both payload formats; REST APIs keep them as sent
    String[] names = groups.names(ex.api().definition().type() == ApiType.HTTP);
    EventBodies.EventBody body = EventBodies.of(request);
    // apiKey stays null: AWS puts the key's value there, and a key's value goes nowhere past the gateway
    RequestContext.Identity caller = context.identity();
    ProxyEventV1.Identity identity = new ProxyEventV1.Identity(caller.accessKey(), caller.accountId(), null,
        caller.apiKeyId(), caller.caller(), null, null, null,
        null, null, caller.sourceIp(), caller.user(), caller.userAgent(), caller.userArn(),
        ClientCerts.of(request.tls()));
    ProxyEventV1.RequestContext requestContext = new ProxyEventV1.RequestContext(
        null,
        context.apiId(),
        AuthorizerMaps.v1(context.authorizer()),
        context.domainName(),
        context.domainPrefix(),
        context.extendedRequestId(),
        context.httpMethod(),
        identity,
        context.path(),
        context.protocol(),
        context.requestId(),
        context.requestTime(),
        context.requestTimeEpoch(),
        context.resourceId(),
        context.resourcePath(),
        context.stage());
    return new ProxyEventV1(
        "1.0",
        context.resourcePath(),
        PathDecoder.after(ex.path(), ex.segments(), ex.stageSegments()),
        request.method(),
        groups.lastValues(names),
        groups.multiValues(names),
        lastValues(ex.query()),
        nullIfEmpty(ex.query()),
        requestContext,
        nullIfEmpty(ex.pathParameters()),
        nullIfEmpty(context.stageVariables()),
        body.body(),
        body.base64());
  }

  /** AWS's single-value maps keep the last value of a repeated name. */
  static Map<String, String> lastValues(Map<String, List<String>> multi) {
    if (multi.isEmpty()) {
      return null;
    }
    Object[] names = new Object[multi.size()];
    Object[] last = new Object[multi.size()];
    int[] i = new int[1];
    multi.forEach((name, values) -> {
      names[i[0]] = name;
      last[i[0]++] = values.get(values.size() - 1);
    });
    return ArrayMap.of(names, last, i[0]);
  }

  static <K, V> Map<K, V> nullIfEmpty(Map<K, V> map) {
    return map.isEmpty() ? null : map;
  }
}
