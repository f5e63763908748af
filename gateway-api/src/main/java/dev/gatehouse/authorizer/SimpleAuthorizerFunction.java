package dev.gatehouse.authorizer;

import dev.gatehouse.event.AuthorizerEventV2;
import dev.gatehouse.event.SimpleAuthorizerResponse;

/**
 * A function authorizer of an HTTP API with AWS's simple responses: allowed or not, for every
 * route it guards. It may block; it runs on the gateway's handler executor. Throwing
 * {@link Unauthorized} answers 401.
 */
@FunctionalInterface
public interface SimpleAuthorizerFunction {
  SimpleAuthorizerResponse authorize(AuthorizerEventV2 event) throws Exception;
}
