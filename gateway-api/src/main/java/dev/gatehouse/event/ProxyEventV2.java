package dev.gatehouse.event;

import java.util.List;
import java.util.Map;

/**
 * The event a function integration receives with payload format 2.0 (the HTTP API default). Field
 * names are AWS's: header names are lower case, repeated headers and query parameters are joined
 * with commas, and cookies move from the {@code Cookie} header to {@code cookies}.
 *
 * @param version always {@code 2.0}
 * @param routeKey the matched route key
 * @param rawPath the request path as sent, with the stage segment for a named stage
 * @param rawQueryString the query as sent, without {@code ?}; empty when there was none
 * @param cookies the request's cookies, or {@code null}
 * @param headers header names in lower case to values joined with commas
 * @param queryStringParameters parameters to decoded values joined with commas, or {@code null}
 * @param requestContext the request context
 * @param body the body as text, or base64 when {@code isBase64Encoded}; {@code null} without one
 * @param pathParameters the template's parameters, decoded, or {@code null}
 * @param isBase64Encoded whether {@code body} is base64
 * @param stageVariables the stage's variables, or {@code null}
 */
public record ProxyEventV2(
    String version,
    String routeKey,
    String rawPath,
    String rawQueryString,
    List<String> cookies,
    Map<String, String> headers,
    Map<String, String> queryStringParameters,
    RequestContext requestContext,
    String body,
    Map<String, String> pathParameters,
    boolean isBase64Encoded,
    Map<String, String> stageVariables) {

  /**
   * The {@code requestContext} of a 2.0 event.
   *
   * @param accountId the account ID, or {@code null}
   * @param apiId the API's name
   * @param authentication the client certificate under mutual TLS, or {@code null}
   * @param authorizer what an authorizer returned, or {@code null}
   * @param domainName the host the client called
   * @param domainPrefix the first label of the host
   * @param http the request line and caller
   * @param requestId the request ID
   * @param routeKey the matched route key
   * @param stage the stage name
   * @param time the receive time in CLF format
   * @param timeEpoch the receive time in epoch milliseconds
   */
  public record RequestContext(
      String accountId,
      String apiId,
      Authentication authentication,
      Map<String, Object> authorizer,
      String domainName,
      String domainPrefix,
      Http http,
      String requestId,
      String routeKey,
      String stage,
      String time,
      long timeEpoch) {}

  /**
   * The {@code requestContext.authentication} of a 2.0 event.
   *
   * @param clientCert the client certificate
   */
  public record Authentication(ClientCert clientCert) {}

  /**
   * The {@code requestContext.http} of a 2.0 event.
   *
   * @param method the request method
   * @param path the request path, decoded
   * @param protocol the request protocol
   * @param sourceIp the client's IP address
   * @param userAgent the {@code User-Agent} header
   */
  public record Http(String method, String path, String protocol, String sourceIp, String userAgent) {}
}
