package dev.gatehouse.runtime.internal.pipeline;

import dev.gatehouse.ApiDefinition;
import dev.gatehouse.ApiType;
import dev.gatehouse.RouteDefinition;
import dev.gatehouse.RouteKey;
import dev.gatehouse.runtime.internal.response.GatewayResponses;
import dev.gatehouse.runtime.internal.routing.RouteTable;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** An API ready to serve: its routing table and its gateway responses with overrides applied. */
public final class CompiledApi {
  private final ApiDefinition definition;
  private final GatewayResponses responses;
  private final List<CompiledRoute> routes = new ArrayList<>();
  private final RouteTable<CompiledRoute> table;
  /** A WebSocket API's routes by key; empty for the others, whose requests the table routes. */
  private final Map<String, CompiledRoute> byKey = new HashMap<>();

  CompiledApi(ApiDefinition definition) {
    this.definition = definition;
    this.responses = GatewayResponses.of(definition);
    List<Map.Entry<RouteKey, CompiledRoute>> entries = new ArrayList<>();
    for (RouteDefinition route : definition.routes()) {
      CompiledRoute compiled = new CompiledRoute(this, route);
      routes.add(compiled);
      if (definition.type() == ApiType.WEBSOCKET) {
        byKey.put(route.key().toString(), compiled);
      } else {
        entries.add(new AbstractMap.SimpleImmutableEntry<>(route.key(), compiled));
      }
    }
    this.table = RouteTable.of(entries);
  }

  public ApiDefinition definition() {
    return definition;
  }

  public GatewayResponses responses() {
    return responses;
  }

  /** A WebSocket API's route with this key ({@code $connect}, {@code sendMessage}), or {@code null}. */
  public CompiledRoute route(String key) {
    return byKey.get(key);
  }

  List<CompiledRoute> routes() {
    return routes;
  }

  RouteTable<CompiledRoute> table() {
    return table;
  }
}
