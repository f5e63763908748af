package dev.gatehouse.event;

import java.util.List;
import java.util.Map;

/**
 * The event a function integration receives with payload format 1.0 (REST APIs, and HTTP API
 * routes that ask for 1.0). Field names are AWS's, so Jackson writes the JSON a Lambda function
 * receives. Maps are {@code null} where AWS sends {@code null} (no query, no path parameters).
 *
 * @param version always {@code 1.0}
 * @param resource the matched path template, such as {@code /pets/{id}}
 * @param path the decoded request path without the stage
 * @param httpMethod the request method
 * @param headers each header's last value
 * @param multiValueHeaders each header's values
 * @param queryStringParameters each query parameter's last value, decoded
 * @param multiValueQueryStringParameters each query parameter's values, decoded
 * @param requestContext the request context
 * @param pathParameters the template's parameters, decoded
 * @param stageVariables the stage's variables
 * @param body the body as text, or base64 when {@code isBase64Encoded}
 * @param isBase64Encoded whether {@code body} is base64
 */
public record ProxyEventV1(
    String version,
    String resource,
    String path,
    String httpMethod,
    Map<String, String> headers,
    Map<String, List<String>> multiValueHeaders,
    Map<String, String> queryStringParameters,
    Map<String, List<String>> multiValueQueryStringParameters,
    RequestContext requestContext,
    Map<String, String> pathParameters,
    Map<String, String> stageVariables,
    String body,
    boolean isBase64Encoded) {

  /**
   * The {@code requestContext} of a 1.0 event.
   *
   * @param accountId the account ID; Gatehouse sends the configured value or {@code null}
   * @param apiId the API's name
   * @param authorizer what an authorizer returned; {@code null} without one
   * @param domainName the host the client called
   * @param domainPrefix the first label of the host
   * @param extendedRequestId the extended request ID
   * @param httpMethod the request method
   * @param identity who called
   * @param path the request path with the stage segment
   * @param protocol the request protocol
   * @param requestId the request ID
   * @param requestTime the receive time in CLF format
   * @param requestTimeEpoch the receive time in epoch milliseconds
   * @param resourceId the resource ID
   * @param resourcePath the matched path template
   * @param stage the stage name
   */
  public record RequestContext(
      String accountId,
      String apiId,
      Map<String, Object> authorizer,
      String domainName,
      String domainPrefix,
      String extendedRequestId,
      String httpMethod,
      Identity identity,
      String path,
      String protocol,
      String requestId,
      String requestTime,
      long requestTimeEpoch,
      String resourceId,
      String resourcePath,
      String stage) {}

  /**
   * The {@code requestContext.identity} of a 1.0 event; fields Gatehouse has no value for are
   * {@code null}, as in AWS's events.
   *
   * @param accessKey the SigV4 access key
   * @param accountId the caller's account
   * @param apiKey the API key value (AWS sends it; Gatehouse leaves it {@code null})
   * @param apiKeyId the API key's ID
   * @param caller the caller's principal
   * @param cognitoAuthenticationProvider Cognito's provider
   * @param cognitoAuthenticationType Cognito's authentication type
   * @param cognitoIdentityId Cognito's identity ID
   * @param cognitoIdentityPoolId Cognito's identity pool
   * @param principalOrgId the caller's organisation
   * @param sourceIp the client's IP address
   * @param user the caller's user
   * @param userAgent the {@code User-Agent} header
   * @param userArn the caller's ARN
   * @param clientCert the client certificate under mutual TLS
   */
  public record Identity(
      String accessKey,
      String accountId,
      String apiKey,
      String apiKeyId,
      String caller,
      String cognitoAuthenticationProvider,
      String cognitoAuthenticationType,
      String cognitoIdentityId,
      String cognitoIdentityPoolId,
      String principalOrgId,
      String sourceIp,
      String user,
      String userAgent,
      String userArn,
      ClientCert clientCert) {}
}
