package dev.gatehouse;

import java.util.List;
import java.util.Map;

/**
 * What AWS calls {@code $context} for one request: built once by the router and read by events,
 * integrations and access logs. Immutable.
 *
 * @param requestId the request's ID, also sent back as {@code x-amzn-RequestId}
 * @param extendedRequestId a second, shorter ID, as AWS's {@code extendedRequestId}
 * @param apiId the API's name (Gatehouse uses the name the user gave as the ID)
 * @param stage the stage name
 * @param resourcePath the matched route's path template, such as {@code /pets/{id}}
 * @param resourceId the resource's stable ID (Gatehouse uses the path template)
 * @param routeKey the matched route key, such as {@code GET /pets/{id}} or {@code $default}
 * @param httpMethod the request method
 * @param path the request path as the client sent it after the mount, with the stage segment or
 *     base path, decoded
 * @param protocol the request protocol, such as {@code HTTP/1.1}
 * @param requestTime the receive time in CLF format, {@code dd/MMM/yyyy:HH:mm:ss +0000}
 * @param requestTimeEpoch the receive time in epoch milliseconds
 * @param domainName the host the client called, from the {@code Host} header
 * @param domainPrefix the first label of {@link #domainName}
 * @param identity who called
 * @param stageVariables the stage's variables; unmodifiable
 * @param authorizer what the route's authorizer established, or {@code null} without one
 * @param xrayTraceId the trace ID, as AWS's {@code $context.xrayTraceId}: the {@code Root} of the
 *     client's {@code X-Amzn-Trace-Id}, or a new one in X-Ray's format ({@code 1-5f84c7a9-...})
 */
public record RequestContext(
    String requestId,
    String extendedRequestId,
    String apiId,
    String stage,
    String resourcePath,
    String resourceId,
    String routeKey,
    String httpMethod,
    String path,
    String protocol,
    String requestTime,
    long requestTimeEpoch,
    String domainName,
    String domainPrefix,
    Identity identity,
    Map<String, String> stageVariables,
    Authorization authorizer,
    String xrayTraceId) {

  public RequestContext {
    stageVariables = Map.copyOf(stageVariables);
  }

  /** This context with what the route's authorizer established. */
  public RequestContext withAuthorizer(Authorization authorization) {
    return new RequestContext(requestId, extendedRequestId, apiId, stage, resourcePath, resourceId, routeKey,
        httpMethod, path, protocol, requestTime, requestTimeEpoch, domainName, domainPrefix, identity, stageVariables,
        authorization, xrayTraceId);
  }

  /** This context with the ID of the API key the request was admitted with. */
  public RequestContext withApiKeyId(String apiKeyId) {
    return new RequestContext(requestId, extendedRequestId, apiId, stage, resourcePath, resourceId, routeKey,
        httpMethod, path, protocol, requestTime, requestTimeEpoch, domainName, domainPrefix,
        identity.withApiKeyId(apiKeyId), stageVariables, authorizer, xrayTraceId);
  }

  /** This context with the IAM caller that signed the request, as AWS fills {@code $context.identity}. */
  public RequestContext withIamCaller(String accessKey, dev.gatehouse.iam.IamPrincipal principal) {
    return new RequestContext(requestId, extendedRequestId, apiId, stage, resourcePath, resourceId, routeKey,
        httpMethod, path, protocol, requestTime, requestTimeEpoch, domainName, domainPrefix,
        new Identity(identity.sourceIp(), identity.userAgent(), identity.apiKeyId(), accessKey, principal.accountId(),
            principal.id(), principal.id(), principal.arn()),
        stageVariables, authorizer, xrayTraceId);
  }

  /**
   * What an authorizer established about the caller: AWS's {@code $context.authorizer.*}.
   *
   * @param principalId who the caller is: a JWT's {@code sub}, or a function authorizer's
   *     {@code principalId}
   * @param claims a JWT's claims, each value as text as AWS passes them (an array as
   *     {@code [a b]}); empty for other authorizers; unmodifiable
   * @param scopes a JWT's scopes from {@code scope} or {@code scp}; unmodifiable
   * @param context a function authorizer's context map (strings, numbers, booleans); unmodifiable
   */
  public record Authorization(String principalId, Map<String, String> claims, List<String> scopes,
      Map<String, Object> context) {
    public Authorization {
      claims = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(claims));
      scopes = List.copyOf(scopes);
      context = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(context));
    }
  }

  /**
   * The caller as far as the gateway knows it. The IAM fields are set only when an {@code AWS_IAM}
   * route admitted a signed request, and {@code null} otherwise, as in AWS.
   *
   * @param sourceIp the client's IP address (from {@code X-Forwarded-For} only behind a trusted proxy)
   * @param userAgent the {@code User-Agent} header, or {@code null}
   * @param apiKeyId the ID of the API key the request was admitted with, or {@code null}; never the
   *     key's value
   * @param accessKey the access key ID that signed the request
   * @param accountId the signer's account
   * @param caller the signer's principal ID, such as {@code AIDAJQABLZS4A3QDU576Q}
   * @param user the signer's principal ID, as {@code caller}
   * @param userArn the signer's ARN, such as {@code arn:aws:iam::123456789012:user/alice}
   */
  public record Identity(String sourceIp, String userAgent, String apiKeyId, String accessKey, String accountId,
      String caller, String user, String userArn) {
    /** A caller without an API key or IAM signature. */
    public Identity(String sourceIp, String userAgent) {
      this(sourceIp, userAgent, null);
    }

    /** A caller without an IAM signature. */
    public Identity(String sourceIp, String userAgent, String apiKeyId) {
      this(sourceIp, userAgent, apiKeyId, null, null, null, null, null);
    }

    /** This identity with the ID of the API key the request was admitted with. */
    public Identity withApiKeyId(String apiKeyId) {
      return new Identity(sourceIp, userAgent, apiKeyId, accessKey, accountId, caller, user, userArn);
    }
  }
}
