package dev.gatehouse.runtime.internal.iam;

import dev.gatehouse.iam.Cidr;
import dev.gatehouse.iam.IamPolicy;
import dev.gatehouse.iam.IamPrincipal;
import dev.gatehouse.iam.PolicyStatement;
import dev.gatehouse.runtime.internal.auth.MethodArns;
import java.util.List;

/**
 * Evaluates an IAM-style policy for one request as IAM does: an applying {@code Deny} wins, else an
 * applying {@code Allow} allows, else the policy is silent. A statement applies when its principal
 * (resource policies), action, resource and source-address conditions all match.
 */
final class PolicyEvaluation {
  /** What a policy says about a request. */
  enum Decision { ALLOW, DENY, SILENT }

  private PolicyEvaluation() {}

  /**
   * The decision of {@code policy} for {@code action} on {@code resourceArn}.
   *
   * @param principal the signer, or {@code null} for a caller without credentials; ignored for
   *     identity policies, whose statements name no principal
   * @param sourceAddress the caller's address bytes, or {@code null} if it is not an IP literal
   * @param apiArn the API's ARN prefix {@code arn:aws:execute-api:REGION:ACCOUNT:API}, which
   *     {@code execute-api:/...} resources stand for
   */
  static Decision evaluate(IamPolicy policy, String action, String resourceArn, IamPrincipal principal,
      byte[] sourceAddress, String apiArn) {
    boolean allowed = false;
    for (PolicyStatement statement : policy.statements()) {
      if (applies(statement, action, resourceArn, principal, sourceAddress, apiArn)) {
        if (statement.effect() == PolicyStatement.Effect.DENY) {
          return Decision.DENY;
        }
        allowed = true;
      }
    }
    return allowed ? Decision.ALLOW : Decision.SILENT;
  }

  private static boolean applies(PolicyStatement statement, String action, String resourceArn, IamPrincipal principal,
      byte[] sourceAddress, String apiArn) {
    // loops, not streams: this runs for every statement of every request on an AWS_IAM route
    if (!statement.principals().isEmpty() && !namesAny(statement.principals(), principal)) {
      return false;
    }
    if (!coversAny(statement.actions(), action, null)) {
      return false;
    }
    if (!coversAny(statement.resources(), resourceArn, apiArn)) {
      return false;
    }
    if (!statement.sourceIps().isEmpty() && !Cidr.anyContains(statement.sourceIps(), sourceAddress)) {
      return false;
    }
    return statement.notSourceIps().isEmpty() || !Cidr.anyContains(statement.notSourceIps(), sourceAddress);
  }

  private static boolean namesAny(List<String> entries, IamPrincipal principal) {
    for (String entry : entries) {
      if (names(entry, principal)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether any pattern covers {@code text}: actions (no {@code apiArn}) without regard to case, as
   * IAM compares them; resources with {@code execute-api:/} expanded to {@code apiArn}.
   */
  private static boolean coversAny(List<String> patterns, String text, String apiArn) {
    for (String pattern : patterns) {
      if (apiArn == null ? MethodArns.matchesIgnoringCase(pattern, text)
          : MethodArns.matches(expand(pattern, apiArn), text)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether a statement's principal entry names the caller: {@code *} anyone; an account ID or its
   * {@code root} ARN every principal of the account; a role's ARN its sessions; else the exact ARN.
   */
  private static boolean names(String entry, IamPrincipal principal) {
    if ("*".equals(entry)) {
      return true;
    }
    if (principal == null) {
      return false;
    }
    if (entry.equals(principal.accountId()) || entry.startsWith("arn:aws")
        && entry.endsWith(":iam::" + principal.accountId() + ":root")) {
      return true;
    }
    if (entry.equals(principal.arn())) {
      return true;
    }
    int role = entry.indexOf(":role/");
    if (role > 0 && entry.startsWith("arn:") && principal.arn().contains(":assumed-role/")) {
      String roleName = entry.substring(role + ":role/".length());
      String sessionPrefix = "arn:aws:sts::" + principal.accountId() + ":assumed-role/" + roleName + "/";
      return entry.contains("::" + principal.accountId() + ":") && principal.arn().startsWith(sessionPrefix);
    }
    return false;
  }

  /** {@code execute-api:/prod/GET/*} in a resource policy is short for the API's own ARN. */
  private static String expand(String resource, String apiArn) {
    return resource.startsWith("execute-api:/") ? apiArn + resource.substring("execute-api:".length()) : resource;
  }
}
