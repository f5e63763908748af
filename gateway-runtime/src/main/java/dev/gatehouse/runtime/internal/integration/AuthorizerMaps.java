package dev.gatehouse.runtime.internal.integration;

import dev.gatehouse.RequestContext;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code requestContext.authorizer} of the events, in AWS's shapes: payload 1.0 has
 * {@code {"claims": {...}, "scopes": [...]}} after a JWT authorizer and {@code {"principalId": ...,
 * <context>}} after a function authorizer; payload 2.0 has {@code {"jwt": {"claims", "scopes"}}} and
 * {@code {"lambda": <context>}}, and after {@code AWS_IAM} {@code {"iam": {"accessKey", "accountId",
 * "callerId", "cognitoIdentity", "principalOrgId", "userArn", "userId"}}}.
 */
final class AuthorizerMaps {
  private AuthorizerMaps() {}

  static Map<String, Object> v1(RequestContext.Authorization authorization) {
    if (authorization == null) {
      return null;
    }
    Map<String, Object> map = new LinkedHashMap<>();
    if (isJwt(authorization)) {
      map.put("claims", authorization.claims());
      if (!authorization.scopes().isEmpty()) {
        map.put("scopes", authorization.scopes());
      }
    } else {
      map.put("principalId", authorization.principalId());
      map.putAll(authorization.context());
    }
    return map;
  }

  static Map<String, Object> v2(RequestContext context) {
    RequestContext.Authorization authorization = context.authorizer();
    RequestContext.Identity identity = context.identity();
    if (authorization == null && identity.accessKey() != null) {
      Map<String, Object> iam = new LinkedHashMap<>();
      iam.put("accessKey", identity.accessKey());
      iam.put("accountId", identity.accountId());
      iam.put("callerId", identity.caller());
      iam.put("cognitoIdentity", null);
      iam.put("principalOrgId", null);
      iam.put("userArn", identity.userArn());
      iam.put("userId", identity.user());
      return Map.of("iam", iam);
    }
    if (authorization == null) {
      return null;
    }
    if (isJwt(authorization)) {
      Map<String, Object> jwt = new LinkedHashMap<>();
      jwt.put("claims", authorization.claims());
      jwt.put("scopes", authorization.scopes().isEmpty() ? null : authorization.scopes());
      return Map.of("jwt", jwt);
    }
    return Map.of("lambda", authorization.context());
  }

  private static boolean isJwt(RequestContext.Authorization authorization) {
    return !authorization.claims().isEmpty();
  }
}
