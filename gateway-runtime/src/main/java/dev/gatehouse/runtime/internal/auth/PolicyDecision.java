package dev.gatehouse.runtime.internal.auth;

import dev.gatehouse.event.AuthorizerPolicy;
import dev.gatehouse.event.SimpleAuthorizerResponse;
import java.util.List;
import java.util.Map;

/**
 * A function authorizer's answer, checked once and kept (also in the result cache): either a
 * policy to evaluate against each request's method ARN, or a simple yes or no for every route.
 */
final class PolicyDecision {
  static final String INVOKE = "execute-api:Invoke";
  /** AWS's permission to refetch a cached answer with {@code Cache-Control: max-age=0}. */
  static final String INVALIDATE_CACHE = "execute-api:InvalidateCache";

  private final String principalId;
  private final List<AuthorizerPolicy.Statement> statements;
  private final Boolean simple;
  private final Map<String, Object> context;
  private final String usageIdentifierKey;

  private PolicyDecision(String principalId, List<AuthorizerPolicy.Statement> statements, Boolean simple,
      Map<String, Object> context, String usageIdentifierKey) {
    this.principalId = principalId;
    this.statements = statements;
    this.simple = simple;
    this.context = context == null ? Map.of() : context;
    this.usageIdentifierKey = usageIdentifierKey;
  }

  /**
   * The decision an answer stands for.
   *
   * @throws MalformedAnswerException if the answer is not one AWS would accept
   */
  static PolicyDecision of(Object answer) {
    if (answer instanceof SimpleAuthorizerResponse simple) {
      checkContext(simple.context());
      return new PolicyDecision(null, List.of(), simple.isAuthorized(), simple.context(), null);
    }
    if (!(answer instanceof AuthorizerPolicy policy)) {
      throw new MalformedAnswerException("the authorizer answered " + (answer == null ? "null" : answer.getClass().getName()));
    }
    if (policy.principalId() == null) {
      throw new MalformedAnswerException("the policy has no principalId");
    }
    if (policy.policyDocument() == null || policy.policyDocument().statement() == null) {
      throw new MalformedAnswerException("the policy has no policyDocument statements");
    }
    for (AuthorizerPolicy.Statement statement : policy.policyDocument().statement()) {
      if (statement == null || !("Allow".equals(statement.effect()) || "Deny".equals(statement.effect()))
          || statement.action() == null || statement.resource() == null) {
        throw new MalformedAnswerException("a statement needs Effect Allow or Deny, an Action and a Resource: "
            + statement);
      }
    }
    checkContext(policy.context());
    return new PolicyDecision(policy.principalId(), List.copyOf(policy.policyDocument().statement()), null,
        policy.context(), policy.usageIdentifierKey());
  }

  /** AWS's context values are strings, numbers and booleans; objects and arrays are refused. */
  private static void checkContext(Map<String, Object> context) {
    if (context == null) {
      return;
    }
    context.forEach((key, value) -> {
      if (key == null || !(value instanceof String || value instanceof Number || value instanceof Boolean)) {
        throw new MalformedAnswerException("context " + key + ": " + (value == null ? "null" : value.getClass().getName())
            + " (expected: a string, number or boolean)");
      }
    });
  }

  /** Whether the answer lets a request with this method ARN through: an explicit Deny wins over any Allow. */
  boolean allows(String methodArn) {
    return allows(INVOKE, methodArn);
  }

  /**
   * Whether the policy allows {@code action} on this method ARN, such as
   * {@code execute-api:InvalidateCache}; a simple answer's yes covers invoking only.
   */
  boolean allows(String action, String methodArn) {
    if (simple != null) {
      return simple && INVOKE.equals(action);
    }
    boolean allowed = false;
    for (AuthorizerPolicy.Statement statement : statements) {
      if (covers(statement, action, methodArn)) {
        if ("Deny".equals(statement.effect())) {
          return false;
        }
        allowed = true;
      }
    }
    return allowed;
  }

  private static boolean covers(AuthorizerPolicy.Statement statement, String action, String methodArn) {
    boolean named = statement.action().stream().anyMatch(pattern -> MethodArns.matches(pattern, action));
    return named && statement.resource().stream().anyMatch(resource -> MethodArns.matches(resource, methodArn));
  }

  String principalId() {
    return principalId;
  }

  Map<String, Object> context() {
    return context;
  }

  String usageIdentifierKey() {
    return usageIdentifierKey;
  }

  /** An answer AWS would refuse: 500 {@code AUTHORIZER_CONFIGURATION_ERROR}. */
  static final class MalformedAnswerException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    MalformedAnswerException(String message) {
      super(message);
    }
  }
}
