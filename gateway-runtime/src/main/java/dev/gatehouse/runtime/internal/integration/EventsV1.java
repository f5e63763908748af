package dev.gatehouse.runtime.internal.integration;

import dev.gatehouse.ApiType;
import dev.gatehouse.GatewayRequest;
import dev.gatehouse.RequestContext;
import dev.gatehouse.event.ProxyEventV1;
import dev.gatehouse.runtime.internal.pipeline.Exchange;
import dev.gatehouse.runtime.internal.routing.PathDecoder;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Builds the payload 1.0 event of a routed exchange. */
public final class EventsV1 {
  private EventsV1() {}

  public static ProxyEventV1 build(Exchange ex) {
    GatewayRequest request = ex.request();
    RequestContext context = ex.context();
    Map<String, List<String>> multiHeaders = request.headers().toMultiMap();
    if (ex.api().definition().type() == ApiType.HTTP) {
      // HTTP APIs lower-case header names in both payload formats; REST APIs keep them as sent
      multiHeaders = lowerCaseNames(multiHeaders);
    }
    EventBodies.EventBody body = EventBodies.of(request);
    ProxyEventV1.Identity identity = new ProxyEventV1.Identity(null, null, null, null, null, null, null, null,
        null, null, context.identity().sourceIp(), null, context.identity().userAgent(), null,
        ClientCerts.of(request.tls()));
    ProxyEventV1.RequestContext requestContext = new ProxyEventV1.RequestContext(
        null,
        context.apiId(),
        null,
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
        PathDecoder.join(ex.segments(), ex.stageSegments()),
        request.method(),
        lastValues(multiHeaders),
        nullIfEmpty(multiHeaders),
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
    Map<String, String> last = new LinkedHashMap<>(multi.size() * 2);
    multi.forEach((name, values) -> last.put(name, values.get(values.size() - 1)));
    return Collections.unmodifiableMap(last);
  }

  private static Map<String, List<String>> lowerCaseNames(Map<String, List<String>> headers) {
    Map<String, List<String>> lower = new LinkedHashMap<>(headers.size() * 2);
    headers.forEach((name, values) -> lower.put(name.toLowerCase(Locale.ROOT), values));
    return Collections.unmodifiableMap(lower);
  }

  static <K, V> Map<K, V> nullIfEmpty(Map<K, V> map) {
    return map.isEmpty() ? null : map;
  }
}
