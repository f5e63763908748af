package dev.gatehouse.event;

import java.util.List;
import java.util.Map;

/**
 * What a function authorizer of an HTTP API receives with payload format 2.0, as AWS's.
 *
 * @param version always {@code 2.0}
 * @param type always {@code REQUEST}
 * @param routeArn {@code arn:aws:execute-api:{region}:{account}:{apiId}/{stage}/{method}{path}}
 * @param identitySource the identity sources' values, in order
 * @param routeKey the matched route key
 * @param rawPath the path as sent
 * @param rawQueryString the query as sent, without {@code ?}
 * @param cookies the cookies, or {@code null}
 * @param headers header values joined by commas, names in lower case
 * @param queryStringParameters query values joined by commas
 * @param requestContext the request context
 * @param pathParameters the route's parameters
 * @param stageVariables the stage's variables
 */
public record AuthorizerEventV2(
    String version,
    String type,
    String routeArn,
    List<String> identitySource,
    String routeKey,
    String rawPath,
    String rawQueryString,
    List<String> cookies,
    Map<String, String> headers,
    Map<String, String> queryStringParameters,
    ProxyEventV2.RequestContext requestContext,
    Map<String, String> pathParameters,
    Map<String, String> stageVariables) {}
