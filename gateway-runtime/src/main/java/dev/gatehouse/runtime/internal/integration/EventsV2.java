package dev.gatehouse.runtime.internal.integration;

import dev.gatehouse.GatewayRequest;
import dev.gatehouse.RequestContext;
import dev.gatehouse.event.ClientCert;
import dev.gatehouse.event.ProxyEventV2;
import dev.gatehouse.runtime.internal.ArrayMap;
import dev.gatehouse.runtime.internal.pipeline.Exchange;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
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
    HeaderGroups groups = HeaderGroups.of(request.headers());
    String[] names = groups.names(true);
    Object[] joined = new Object[names.length];
    List<String> cookies = new ArrayList<>();
    int kept = 0;
    for (int i = 0; i < names.length; i++) {
      if (names[i].equals("cookie")) {
        for (String value : groups.all(i)) {
          for (String cookie : value.split(";")) {
            if (!cookie.isBlank()) {
              cookies.add(cookie.trim());
            }
          }
        }
      } else {
        names[kept] = names[i];
        joined[kept++] = groups.joined(i);
      }
    }
    ClientCert cert = ClientCerts.of(request.tls());
    EventBodies.EventBody body = EventBodies.of(request);
    ProxyEventV2.RequestContext requestContext = new ProxyEventV2.RequestContext(
        null,
        context.apiId(),
        cert == null ? null : new ProxyEventV2.Authentication(cert),
        AuthorizerMaps.v2(context),
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
        ArrayMap.of(names, joined, kept),
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
    Object[] names = new Object[multi.size()];
    Object[] joined = new Object[multi.size()];
    int[] i = new int[1];
    multi.forEach((name, values) -> {
      names[i[0]] = name;
      joined[i[0]++] = values.size() == 1 ? values.get(0) : String.join(",", values);
    });
    return ArrayMap.of(names, joined, i[0]);
  }
}
