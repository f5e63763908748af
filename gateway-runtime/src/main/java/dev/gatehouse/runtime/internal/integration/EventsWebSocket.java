package dev.gatehouse.runtime.internal.integration;

import dev.gatehouse.GatewayRequest;
import dev.gatehouse.RequestContext;
import dev.gatehouse.event.WebSocketEvent;
import dev.gatehouse.runtime.internal.pipeline.Exchange;
import dev.gatehouse.runtime.internal.routing.QueryParser;
import dev.gatehouse.runtime.internal.websocket.WebSocketCall;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/** Builds AWS's WebSocket event from a WebSocket exchange. */
public final class EventsWebSocket {
  private EventsWebSocket() {}

  public static WebSocketEvent build(Exchange ex) {
    WebSocketCall call = (WebSocketCall) ex.webSocket();
    RequestContext context = ex.context();
    GatewayRequest upgrade = call.upgrade();
    boolean message = WebSocketCall.MESSAGE.equals(call.eventType());
    Map<String, String> headers = null;
    Map<String, List<String>> multiHeaders = null;
    Map<String, List<String>> query = null;
    if (!message) {
      HeaderGroups groups = HeaderGroups.of(upgrade.headers());
      String[] names = groups.names(false);
      headers = groups.lastValues(names);
      multiHeaders = groups.multiValues(names);
      query = EventsV1.nullIfEmpty(parseQuery(upgrade.rawQuery()));
    }
    WebSocketEvent.RequestContext requestContext = new WebSocketEvent.RequestContext(
        context.routeKey(),
        call.eventType(),
        call.messageId(),
        context.extendedRequestId(),
        context.requestTime(),
        "IN",
        context.stage(),
        call.connectedAt(),
        context.requestTimeEpoch(),
        new WebSocketEvent.Identity(context.identity().sourceIp(), upgrade.headers().first("User-Agent")),
        context.requestId(),
        context.domainName(),
        call.connectionId(),
        context.apiId(),
        AuthorizerMaps.v1(context.authorizer()),
        call.disconnectStatusCode(),
        call.disconnectReason());
    String body = null;
    if (call.body() != null) {
      body = call.binary() ? Base64.getEncoder().encodeToString(call.body())
          : new String(call.body(), StandardCharsets.UTF_8);
    }
    return new WebSocketEvent(headers, multiHeaders, query == null ? null : EventsV1.lastValues(query), query,
        EventsV1.nullIfEmpty(context.stageVariables()), requestContext, body, call.binary());
  }

  /** The upgrade was admitted with this query, so it parses; a malformed one reads as none. */
  private static Map<String, List<String>> parseQuery(String rawQuery) {
    try {
      return QueryParser.parse(rawQuery);
    } catch (QueryParser.MalformedQueryException e) {
      return Map.of();
    }
  }
}
