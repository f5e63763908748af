package dev.gatehouse.runtime.internal.iam;

import dev.gatehouse.GatewayResponse;
import dev.gatehouse.authorizer.AuthorizerDefinition;
import dev.gatehouse.iam.Cidr;
import dev.gatehouse.iam.IamPolicy;
import dev.gatehouse.iam.PolicyStatement;
import dev.gatehouse.runtime.internal.auth.MethodArns;
import dev.gatehouse.runtime.internal.iam.PolicyEvaluation.Decision;
import dev.gatehouse.runtime.internal.pipeline.CompiledRoute;
import dev.gatehouse.runtime.internal.pipeline.Exchange;
import dev.gatehouse.runtime.internal.pipeline.Step;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * An API's resource policy, before any other guard, for a caller not yet known ("anonymous"): an
 * applying {@code Deny} refuses at once, as AWS's pre-authorization check. On a route without an
 * authorizer the policy alone decides, so an {@code Allow} must apply. On a route with one, the
 * authorizer's verdict decides unless the policy denies; {@code AWS_IAM} routes evaluate the policy
 * again with the signer's principal ({@link IamAuthorizerStep}).
 */
public final class ResourcePolicyStep implements Step {
  private final IamPolicy policy;
  private final boolean allowRequired;

  private ResourcePolicyStep(IamPolicy policy, boolean allowRequired) {
    this.policy = policy;
    this.allowRequired = allowRequired;
  }

  /** The step of {@code route}, or {@code null} when its API has no resource policy. */
  public static Step forRoute(CompiledRoute route) {
    IamPolicy policy = route.api().definition().resourcePolicy();
    if (policy == null) {
      return null;
    }
    AuthorizerDefinition authorizer = route.api().definition().authorizerOf(route.definition());
    return new ResourcePolicyStep(policy, authorizer == null);
  }

  @Override
  public CompletionStage<GatewayResponse> apply(Exchange ex, Next next) {
    String arn = MethodArns.of(ex);
    Decision decision = PolicyEvaluation.evaluate(policy, PolicyStatement.INVOKE, arn, null,
        Cidr.address(ex.sourceIp()), MethodArns.apiArn(ex));
    if (decision == Decision.DENY || allowRequired && decision != Decision.ALLOW) {
      return CompletableFuture.completedFuture(
          IamDenials.accessDenied(ex, IamDenials.ANONYMOUS, arn, decision == Decision.DENY));
    }
    return next.proceed(ex);
  }
}
