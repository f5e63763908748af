package dev.gatehouse.integration;

import dev.gatehouse.GatewayRequest;
import dev.gatehouse.RequestContext;
import java.util.List;
import java.util.Map;

/**
 * What a computed mock sees of the request.
 *
 * @param request the request as the adapter passed it
 * @param context the request context
 * @param pathParameters the route template's parameters, decoded
 * @param queryParameters the query parameters, decoded, every value in order
 */
public record MockRequest(
    GatewayRequest request,
    RequestContext context,
    Map<String, String> pathParameters,
    Map<String, List<String>> queryParameters) {}
