package dev.gatehouse.runtime.internal.iam;

import dev.gatehouse.GatewayResponse;
import dev.gatehouse.GatewayResponseType;
import dev.gatehouse.iam.PolicyStatement;
import dev.gatehouse.runtime.internal.pipeline.Exchange;

/**
 * The refusals of IAM and resource-policy checks, worded as AWS words them: 403
 * {@code ACCESS_DENIED} with "User: {who} is not authorized to perform: {action} on resource:
 * {arn}", ending "with an explicit deny" when a {@code Deny} statement decided.
 */
final class IamDenials {
  /** Who AWS says was refused when the caller has no credentials. */
  static final String ANONYMOUS = "anonymous";

  private IamDenials() {}

  static GatewayResponse accessDenied(Exchange ex, String who, String resourceArn, boolean explicit) {
    return accessDenied(ex, who, PolicyStatement.INVOKE, resourceArn, explicit);
  }

  static GatewayResponse accessDenied(Exchange ex, String who, String action, String resourceArn, boolean explicit) {
    String message = "User: " + who + " is not authorized to perform: " + action + " on resource: " + resourceArn
        + (explicit ? " with an explicit deny" : "");
    return refuse(ex, GatewayResponseType.ACCESS_DENIED, message, null);
  }

  /** The response for {@code type} with AWS's wording for this case, recorded as answering {@code ex}. */
  static GatewayResponse refuse(Exchange ex, GatewayResponseType type, String message, String errorType) {
    ex.answeredWith(type);
    return message == null ? ex.api().responses().get(type) : ex.api().responses().withMessage(type, message, errorType);
  }
}
