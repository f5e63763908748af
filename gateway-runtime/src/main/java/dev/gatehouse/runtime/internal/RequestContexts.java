package dev.gatehouse.runtime.internal;

import dev.gatehouse.GatewayRequest;
import dev.gatehouse.RequestContext;
import dev.gatehouse.runtime.internal.pipeline.Exchange;

/** Builds the {@code $context} of a routed request. */
public final class RequestContexts {
  private RequestContexts() {}

  public static RequestContext create(Exchange ex, String routeKey, String resourcePath) {
    GatewayRequest request = ex.request();
    String host = hostOnly(request.headers().first("Host"));
    return new RequestContext(
        ex.requestId(),
        RequestIds.extendedRequestId(),
        ex.api().definition().name(),
        ex.stage().name(),
        resourcePath,
        resourcePath,
        routeKey,
        request.method(),
        ex.path(),
        request.protocol(),
        ClfTime.format(ex.receivedAtMillis()),
        ex.receivedAtMillis(),
        host,
        domainPrefix(host),
        new RequestContext.Identity(ex.sourceIp(), request.headers().first("User-Agent")),
        ex.stage().variables(),
        null,
        TraceIds.xrayTraceId(request.headers().first(TraceIds.XRAY_HEADER)));
  }

  /** The host without its port; IPv6 literals keep their brackets. */
  public static String hostOnly(String hostHeader) {
    if (hostHeader == null || hostHeader.isEmpty()) {
      return null;
    }
    int colon = hostHeader.lastIndexOf(':');
    if (colon < 0 || hostHeader.indexOf(']') > colon) {
      return hostHeader;
    }
    return hostHeader.substring(0, colon);
  }

  public static String domainPrefix(String host) {
    if (host == null) {
      return null;
    }
    int dot = host.indexOf('.');
    return dot < 0 || host.startsWith("[") ? host : host.substring(0, dot);
  }
}
