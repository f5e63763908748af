package dev.gatehouse.authorizer;

import dev.gatehouse.event.AuthorizerEventV2;
import dev.gatehouse.event.AuthorizerPolicy;

/**
 * A function authorizer of an HTTP API with payload format 2.0 answering with an IAM policy. It may
 * block; it runs on the gateway's handler executor. Throwing {@link Unauthorized} answers 401.
 */
@FunctionalInterface
public interface AuthorizerFunctionV2 {
  AuthorizerPolicy authorize(AuthorizerEventV2 event) throws Exception;
}
