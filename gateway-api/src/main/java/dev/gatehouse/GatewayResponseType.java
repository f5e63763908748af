package dev.gatehouse;

/**
 * The kinds of answer the gateway gives by itself, with AWS API Gateway's names, default status
 * codes and messages. An API may override any of them (or the {@code DEFAULT_4XX} and
 * {@code DEFAULT_5XX} families) with {@code api.gatewayResponse(type, r -> ...)}.
 *
 * <p>Four types are Gatehouse's own, for answers AWS gives without a named type: {@link #BAD_REQUEST}
 * (a request the gateway cannot parse), {@link #BAD_GATEWAY} (a function integration that threw or
 * returned a malformed response, which AWS answers with 502 "Internal server error"),
 * {@link #INTEGRATION_CIRCUIT_OPEN} (a backend its circuit breaker keeps requests from) and
 * {@link #FORBIDDEN} (AWS's {@code Forbidden} for a WebSocket message no route takes).
 */
public enum GatewayResponseType {
  ACCESS_DENIED(403, "User is not authorized to access this resource", "AccessDeniedException"),
  API_CONFIGURATION_ERROR(500, "Internal server error", "InternalServerErrorException"),
  AUTHORIZER_CONFIGURATION_ERROR(500, "Internal server error", "AuthorizerConfigurationException"),
  AUTHORIZER_FAILURE(500, "Internal server error", "AuthorizerFailureException"),
  BAD_REQUEST_PARAMETERS(400, "Invalid request parameters", "BadRequestException"),
  BAD_REQUEST_BODY(400, "Invalid request body", "BadRequestException"),
  DEFAULT_4XX(0, "", ""),
  DEFAULT_5XX(0, "", ""),
  EXPIRED_TOKEN(403, "The security token included in the request is expired", "ExpiredTokenException"),
  /** Gatehouse's: a WebSocket message no route takes, or a plain HTTP request at a WebSocket API's URL. */
  FORBIDDEN(403, "Forbidden", "ForbiddenException"),
  /** Gatehouse's: the integration's circuit breaker is open, so the backend was not called. */
  INTEGRATION_CIRCUIT_OPEN(503, "Service Unavailable", "ServiceUnavailableException"),
  INTEGRATION_FAILURE(504, "Internal server error", "InternalServerErrorException"),
  INTEGRATION_TIMEOUT(504, "Endpoint request timed out", "InternalServerErrorException"),
  INVALID_API_KEY(403, "Forbidden", "ForbiddenException"),
  INVALID_SIGNATURE(403, "The request signature we calculated does not match the signature you provided",
      "InvalidSignatureException"),
  MISSING_AUTHENTICATION_TOKEN(403, "Missing Authentication Token", "MissingAuthenticationTokenException"),
  QUOTA_EXCEEDED(429, "Limit Exceeded", "LimitExceededException"),
  REQUEST_TOO_LARGE(413, "Request Too Long", "RequestTooLargeException"),
  RESOURCE_NOT_FOUND(404, "Not Found", "NotFoundException"),
  THROTTLED(429, "Too Many Requests", "TooManyRequestsException"),
  UNAUTHORIZED(401, "Unauthorized", "UnauthorizedException"),
  UNSUPPORTED_MEDIA_TYPE(415, "Unsupported Media Type", "UnsupportedMediaTypeException"),
  WAF_FILTERED(403, "Forbidden", "WAFFilteredException"),
  /** Gatehouse's: a request line, path or query the gateway cannot parse. */
  BAD_REQUEST(400, "Bad Request", "BadRequestException"),
  /** Gatehouse's: a function integration threw or answered with a malformed response. */
  BAD_GATEWAY(502, "Internal server error", "InternalServerErrorException");

  private final int status;
  private final String message;
  private final String errorType;

  GatewayResponseType(int status, String message, String errorType) {
    this.status = status;
    this.message = message;
    this.errorType = errorType;
  }

  /** The default status code; 0 for the two families, which have none of their own. */
  public int defaultStatus() {
    return status;
  }

  /** The default {@code message} of the JSON body. */
  public String defaultMessage() {
    return message;
  }

  /** The default {@code x-amzn-ErrorType} header value. */
  public String errorType() {
    return errorType;
  }

  /** The family this type falls back to when an API overrides the family but not the type. */
  public GatewayResponseType family() {
    if (this == DEFAULT_4XX || this == DEFAULT_5XX) {
      return this;
    }
    return status < 500 ? DEFAULT_4XX : DEFAULT_5XX;
  }
}
