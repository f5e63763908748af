package dev.gatehouse;

/**
 * The kind of an API, which sets AWS's defaults: the payload format of function integrations and
 * the answer when no route matches.
 */
public enum ApiType {
  /** AWS's REST API: payload format 1.0; no route gives 403 {@code Missing Authentication Token}. */
  REST("restApi", GatewayResponseType.MISSING_AUTHENTICATION_TOKEN),
  /** AWS's HTTP API: payload format 2.0 by default; no route gives 404 {@code Not Found}. */
  HTTP("httpApi", GatewayResponseType.RESOURCE_NOT_FOUND),
  /**
   * AWS's WebSocket API: routes chosen by a route selection expression over each message; an HTTP
   * request at its stage URL that is not an upgrade (nor {@code @connections}) gets 403
   * {@code Forbidden}, as AWS answers it.
   */
  WEBSOCKET("webSocketApi", GatewayResponseType.FORBIDDEN);

  private final String label;
  private final GatewayResponseType noRoute;

  ApiType(String label, GatewayResponseType noRoute) {
    this.label = label;
    this.noRoute = noRoute;
  }

  /** The builder method's name, used in messages: {@code restApi "petstore"}. */
  public String label() {
    return label;
  }

  /** The gateway response for a request that matches no route. */
  public GatewayResponseType noRouteResponse() {
    return noRoute;
  }
}
