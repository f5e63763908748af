package dev.gatehouse.runtime.internal.pipeline;

import dev.gatehouse.GatewayResponse;
import dev.gatehouse.GatewayResponseType;
import dev.gatehouse.runtime.internal.ArrayMap;
import dev.gatehouse.runtime.internal.RequestContexts;
import dev.gatehouse.runtime.internal.routing.PathDecoder;
import dev.gatehouse.runtime.internal.routing.QueryParser;
import dev.gatehouse.runtime.internal.routing.RouteTable;
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
    String resourcePath = route.resourceTemplate() != null
        ? route.resourceTemplate()
        : PathDecoder.after(ex.path(), ex.segments(), ex.stageSegments());
    ex.routed(route, parameters, query, RequestContexts.create(ex, route.routeKey(), resourcePath));
    return next.proceed(ex);
  }

  /** The template's names to the matched values; the names array is the route's, shared. */
  private static Map<String, String> bind(Object[] names, List<String> values) {
    return names.length == 0 ? Map.of() : ArrayMap.of(names, values.toArray(), names.length);
  }
}
