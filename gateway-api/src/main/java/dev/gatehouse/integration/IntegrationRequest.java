package dev.gatehouse.integration;

import dev.gatehouse.GatewayRequest;
import dev.gatehouse.RequestContext;
import java.util.List;
import java.util.Map;

/**
 * What a {@link CustomIntegration} receives: the request as the adapter passed it, and what the
 * gateway learned about it on the way (route, parameters, the caller's identity and authorizer).
 *
 * @param request the request as the adapter passed it
 * @param context the request context ({@code $context}), with the stage variables
 * @param pathParameters the route template's parameters, decoded
 * @param queryParameters the query parameters, decoded, every value in order
 */
public record IntegrationRequest(
    GatewayRequest request,
    RequestContext context,
    Map<String, String> pathParameters,
    Map<String, List<String>> queryParameters) {}
