package dev.gatehouse.runtime.internal.pipeline;

import dev.gatehouse.GatewayResponse;
import dev.gatehouse.GatewayResponseType;
import dev.gatehouse.runtime.internal.RequestContexts;
import dev.gatehouse.runtime.internal.routing.PathDecoder;
import dev.gatehouse.runtime.internal.routing.QueryParser;
import dev.gatehouse.runtime.internal.routing.RouteTable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** Finds the route for the method and resource path, binds its parameters and builds the context. */
final class RouteStep implements Step {
  @Override
  public CompletionStage<GatewayResponse> apply(Exchange ex, Next next) {
    CompiledApi api = ex.api();
    List<String> resource = ex.segments().subList(ex.stageSegments(), ex.segments().size());
    RouteTable.Match<CompiledRoute> match = api.table().match(ex.request().method(), resource);
    if (match == null) {
      return CompletableFuture.completedFuture(
          api.responses().get(api.definition().type().noRouteResponse()));
    }
    Map<String, List<String>> query;
    try {
      query = QueryParser.parse(ex.request().rawQuery());
    } catch (QueryParser.MalformedQueryException e) {
      return CompletableFuture.completedFuture(api.responses().get(GatewayResponseType.BAD_REQUEST));
    }
    CompiledRoute route = match.route();
    Map<String, String> parameters = bind(route.parameterNames(), match.parameterValues());
    String resourcePath = route.resourceTemplate() != null ? route.resourceTemplate() : PathDecoder.join(resource, 0);
    ex.routed(route, parameters, query, RequestContexts.create(ex, route.routeKey(), resourcePath));
    return next.proceed(ex);
  }

  private static Map<String, String> bind(List<String> names, List<String> values) {
    if (names.isEmpty()) {
      return Map.of();
    }
    Map<String, String> bound = new LinkedHashMap<>(names.size() * 2);
    for (int i = 0; i < names.size(); i++) {
      bound.put(names.get(i), values.get(i));
    }
    return java.util.Collections.unmodifiableMap(bound);
  }
}
