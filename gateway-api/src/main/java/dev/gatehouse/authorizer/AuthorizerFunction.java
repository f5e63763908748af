package dev.gatehouse.authorizer;

import dev.gatehouse.event.AuthorizerEvent;
import dev.gatehouse.event.AuthorizerPolicy;

/**
 * A function authorizer for payload format 1.0 (TOKEN or REQUEST), as a Lambda authorizer: takes
 * AWS's event, returns AWS's policy answer. It may block; it runs on the gateway's handler executor.
 * Throwing {@link Unauthorized} answers 401; any other exception answers 500.
 */
@FunctionalInterface
public interface AuthorizerFunction {
  AuthorizerPolicy authorize(AuthorizerEvent event) throws Exception;
}
