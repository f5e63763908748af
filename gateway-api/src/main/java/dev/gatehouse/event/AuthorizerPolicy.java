package dev.gatehouse.event;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A function authorizer's answer as AWS's: who the caller is, an IAM policy over
 * {@code execute-api:Invoke} on method ARNs ({@code *} and {@code ?} wildcards; an explicit
 * {@code Deny} wins over any {@code Allow}), a context map for {@code $context.authorizer.*}
 * (strings, numbers, booleans), and optionally the API key for usage plans.
 *
 * <pre>{@code
 * return AuthorizerPolicy.allow("user-42", "arn:aws:execute-api:*:*:petstore/prod/GET/pets/*")
 *     .withContext(Map.of("tier", "gold", "admin", false));
 * }</pre>
 *
 * <p>AWS spells the policy's fields {@code Version}, {@code Statement}, {@code Effect},
 * {@code Action} and {@code Resource}; these records use the same names in lower case.
 *
 * @param principalId the caller, for {@code $context.authorizer.principalId}
 * @param policyDocument the policy
 * @param context values for {@code $context.authorizer.KEY}, or {@code null}
 * @param usageIdentifierKey the API key value to count against usage plans, or {@code null}
 */
public record AuthorizerPolicy(String principalId, PolicyDocument policyDocument, Map<String, Object> context,
    String usageIdentifierKey) {

  /** Allows {@code execute-api:Invoke} on these method ARNs. */
  public static AuthorizerPolicy allow(String principalId, String... resources) {
    return new AuthorizerPolicy(principalId, PolicyDocument.of(Statement.of("Allow", resources)), null, null);
  }

  /** Denies {@code execute-api:Invoke} on these method ARNs. */
  public static AuthorizerPolicy deny(String principalId, String... resources) {
    return new AuthorizerPolicy(principalId, PolicyDocument.of(Statement.of("Deny", resources)), null, null);
  }

  public AuthorizerPolicy withContext(Map<String, Object> context) {
    return new AuthorizerPolicy(principalId, policyDocument, context, usageIdentifierKey);
  }

  public AuthorizerPolicy withUsageIdentifierKey(String apiKey) {
    return new AuthorizerPolicy(principalId, policyDocument, context, apiKey);
  }

  /**
   * An IAM policy document.
   *
   * @param version {@code 2012-10-17}
   * @param statement the statements
   */
  public record PolicyDocument(String version, List<Statement> statement) {
    public static PolicyDocument of(Statement... statements) {
      return new PolicyDocument("2012-10-17", List.of(statements));
    }
  }

  /**
   * One statement.
   *
   * @param effect {@code Allow} or {@code Deny}
   * @param action such as {@code execute-api:Invoke}
   * @param resource method ARNs, with {@code *} and {@code ?} wildcards
   */
  public record Statement(String effect, List<String> action, List<String> resource) {
    public static Statement of(String effect, String... resources) {
      return new Statement(Objects.requireNonNull(effect, "effect"), List.of("execute-api:Invoke"), List.of(resources));
    }
  }
}
