package dev.gatehouse.event;

import java.util.List;
import java.util.Map;

/**
 * What a function authorizer receives with payload format 1.0, as AWS's Lambda authorizer event. A
 * {@code TOKEN} authorizer's event has only {@code type}, {@code authorizationToken} and
 * {@code methodArn}; a {@code REQUEST} authorizer's event has the request's parameters too, and
 * {@code identitySource} with the identity sources' values joined by commas.
 *
 * @param version {@code 1.0} for REQUEST events, {@code null} for TOKEN
 * @param type {@code TOKEN} or {@code REQUEST}
 * @param authorizationToken the token (TOKEN), or the identity sources' values joined by commas (REQUEST)
 * @param identitySource the identity sources' values joined by commas (REQUEST only)
 * @param methodArn {@code arn:aws:execute-api:{region}:{account}:{apiId}/{stage}/{method}{path}}
 * @param resource the matched path template (REQUEST)
 * @param path the request path (REQUEST)
 * @param httpMethod the request method (REQUEST)
 * @param headers each header's last value (REQUEST)
 * @param multiValueHeaders each header's values (REQUEST)
 * @param queryStringParameters each query parameter's last value (REQUEST)
 * @param multiValueQueryStringParameters each query parameter's values (REQUEST)
 * @param pathParameters the template's parameters (REQUEST)
 * @param stageVariables the stage's variables (REQUEST)
 * @param requestContext the request context (REQUEST)
 */
public record AuthorizerEvent(
    String version,
    String type,
    String authorizationToken,
    String identitySource,
    String methodArn,
    String resource,
    String path,
    String httpMethod,
    Map<String, String> headers,
    Map<String, List<String>> multiValueHeaders,
    Map<String, String> queryStringParameters,
    Map<String, List<String>> multiValueQueryStringParameters,
    Map<String, String> pathParameters,
    Map<String, String> stageVariables,
    ProxyEventV1.RequestContext requestContext) {}
