package dev.gatehouse;

import java.util.List;

/** The route rules that differ between WebSocket APIs and the others. */
final class WebSocketRoutes {
  private WebSocketRoutes() {}

  /** As AWS: guards belong to {@code $connect}; only message routes can answer the caller. */
  static void check(List<RouteDefinition> routes, Problems problems) {
    for (RouteDefinition route : routes) {
      Problems here = problems.under("route " + Problems.describe(route.key().toString()));
      boolean connect = RouteKey.CONNECT.equals(route.key().selectionKey());
      boolean disconnect = RouteKey.DISCONNECT.equals(route.key().selectionKey());
      if (!connect) {
        String why = "only on $connect, which guards the whole connection";
        if (route.authorizer() != null && !RouteDefinition.NO_AUTHORIZER.equals(route.authorizer())) {
          here.add("authorizer", route.authorizer(), why);
        }
        if (route.apiKeyRequired()) {
          here.add("apiKeyRequired: true (expected: " + why + ")");
        }
        if (!route.scopes().isEmpty()) {
          here.add("scopes", route.scopes(), why);
        }
      }
      if (route.routeResponse() && (connect || disconnect)) {
        here.add("routeResponse: true (expected: only on message routes; " + route.key()
            + " has no message to answer)");
      }
    }
  }

  /** REST and HTTP routes answer every request: a route response means nothing there. */
  static void checkNone(List<RouteDefinition> routes, Problems problems) {
    for (RouteDefinition route : routes) {
      if (route.routeResponse()) {
        problems.under("route " + Problems.describe(route.key().toString()))
            .add("routeResponse: true (expected: only on a webSocketApi's routes)");
      }
    }
  }
}
