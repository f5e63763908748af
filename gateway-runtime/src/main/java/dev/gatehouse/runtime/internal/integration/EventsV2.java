package dev.gatehouse.runtime.internal.integration;

import dev.gatehouse.GatewayRequest;
import dev.gatehouse.RequestContext;
import dev.gatehouse.event.ClientCert;
import dev.gatehouse.event.ProxyEventV2;
import dev.gatehouse.runtime.internal.pipeline.Exchange;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Builds the payload 2.0 event of a routed exchange: header names in lower case, repeated headers
 * and query parameters joined with commas, cookies moved out of the headers.
 */
public final class EventsV2 {
  private EventsV2() {}

  public static ProxyEventV2 build(Exchange ex) {
    GatewayRequest request = ex.request();
    RequestContext context = ex.context();
    Map<String, String> headers = new LinkedHashMap<>();
    List<String> cookies = new ArrayList<>();
    request.headers().forEach((name, value) -> {
      String lower = name.toLowerCase(Locale.ROOT);
      if (lower.equals("cookie")) {
        for (String cookie : value.split(";")) {
          if (!cookie.isBlank()) {
            cookies.add(cookie.trim());
          }
        }
      } else {
        headers.merge(lower, value, (a, b) -> a + "," + b);
      }
    });
    ClientCert cert = ClientCerts.of(request.tls());
    EventBodies.EventBody body = EventBodies.of(request);
    ProxyEventV2.RequestContext requestContext = new ProxyEventV2.RequestContext(
        null,
        context.apiId(),
        cert == null ? null : new ProxyEventV2.Authentication(cert),
        null,
        context.domainName(),
        context.domainPrefix(),
        new ProxyEventV2.Http(context.httpMethod(), context.path(), context.protocol(),
            context.identity().sourceIp(), context.identity().userAgent()),
        context.requestId(),
        context.routeKey(),
        context.stage(),
        context.requestTime(),
        context.requestTimeEpoch());
    return new ProxyEventV2(
        "2.0",
        context.routeKey(),
        request.rawPath(),
        request.rawQuery() == null ? "" : request.rawQuery(),
        cookies.isEmpty() ? null : Collections.unmodifiableList(cookies),
        Collections.unmodifiableMap(headers),
        joined(ex.query()),
        requestContext,
        body.body(),
        EventsV1.nullIfEmpty(ex.pathParameters()),
        body.base64(),
        EventsV1.nullIfEmpty(context.stageVariables()));
  }

  private static Map<String, String> joined(Map<String, List<String>> multi) {
    if (multi.isEmpty()) {
      return null;
    }
    Map<String, String> joined = new LinkedHashMap<>(multi.size() * 2);
    multi.forEach((name, values) -> joined.put(name, String.join(",", values)));
    return Collections.unmodifiableMap(joined);
  }
}
