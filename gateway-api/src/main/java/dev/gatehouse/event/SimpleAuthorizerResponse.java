package dev.gatehouse.event;

import java.util.Map;

/**
 * An HTTP API function authorizer's simple answer (AWS's {@code enableSimpleResponses}): allowed or
 * not, for every route the authorizer guards, and a context map for {@code $context.authorizer.*}.
 *
 * @param isAuthorized whether the request may proceed; {@code false} answers 403
 * @param context values for {@code $context.authorizer.KEY} (strings, numbers, booleans), or {@code null}
 */
public record SimpleAuthorizerResponse(boolean isAuthorized, Map<String, Object> context) {
  public static SimpleAuthorizerResponse allow(Map<String, Object> context) {
    return new SimpleAuthorizerResponse(true, context);
  }

  public static SimpleAuthorizerResponse deny() {
    return new SimpleAuthorizerResponse(false, null);
  }
}
