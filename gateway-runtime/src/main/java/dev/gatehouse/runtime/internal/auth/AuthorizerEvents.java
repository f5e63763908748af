package dev.gatehouse.runtime.internal.auth;

import dev.gatehouse.event.AuthorizerEvent;
import dev.gatehouse.event.AuthorizerEventV2;
import dev.gatehouse.event.ProxyEventV1;
import dev.gatehouse.event.ProxyEventV2;
import dev.gatehouse.runtime.internal.integration.EventsV1;
import dev.gatehouse.runtime.internal.integration.EventsV2;
import dev.gatehouse.runtime.internal.pipeline.Exchange;
import java.util.List;

/** The events a function authorizer receives, in AWS's shapes, from the request's own events. */
final class AuthorizerEvents {
  private AuthorizerEvents() {}

  static AuthorizerEvent token(String token, String methodArn) {
    return new AuthorizerEvent(null, "TOKEN", token, null, methodArn, null, null, null, null, null, null, null, null,
        null, null);
  }

  static AuthorizerEvent request(Exchange ex, List<String> identity, String methodArn) {
    ProxyEventV1 event = EventsV1.build(ex);
    String joined = String.join(",", identity);
    return new AuthorizerEvent("1.0", "REQUEST", joined, joined, methodArn, event.resource(), event.path(),
        event.httpMethod(), event.headers(), event.multiValueHeaders(), event.queryStringParameters(),
        event.multiValueQueryStringParameters(), event.pathParameters(), event.stageVariables(), event.requestContext());
  }

  static AuthorizerEventV2 requestV2(Exchange ex, List<String> identity, String routeArn) {
    ProxyEventV2 event = EventsV2.build(ex);
    return new AuthorizerEventV2("2.0", "REQUEST", routeArn, List.copyOf(identity), event.routeKey(), event.rawPath(),
        event.rawQueryString(), event.cookies(), event.headers(), event.queryStringParameters(), event.requestContext(),
        event.pathParameters(), event.stageVariables());
  }
}
