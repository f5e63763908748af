package dev.gatehouse.iam;

import java.util.ArrayList;
import java.util.List;

/**
 * An IAM-style policy: statements evaluated as IAM does. An explicit {@code Deny} that applies wins;
 * otherwise an {@code Allow} that applies allows; no statement that applies is an implicit deny.
 * The same type serves as a principal's identity policy ({@link IamSettings.Builder#identityPolicy})
 * and as an API's resource policy ({@code api.resourcePolicy(...)}), whose statements name principals.
 *
 * <pre>{@code
 * IamPolicy readOnly = IamPolicy.builder()
 *     .statement(PolicyStatement.allow().resource("arn:aws:execute-api:*:*:petstore/prod/GET/*"))
 *     .statement(PolicyStatement.deny().resource("arn:aws:execute-api:*:*:petstore/prod/GET/admin/*"))
 *     .build();
 * }</pre>
 *
 * @param statements the statements, in the order given; unmodifiable
 */
public record IamPolicy(List<PolicyStatement> statements) {
  public IamPolicy {
    statements = List.copyOf(statements);
  }

  /** A policy of one statement allowing {@code execute-api:Invoke} on {@code resources}. */
  public static IamPolicy allowInvoke(String... resources) {
    return builder().statement(PolicyStatement.allow().resource(resources)).build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding these statements, to add to or to check again. */
  public Builder toBuilder() {
    Builder builder = new Builder();
    statements.forEach(statement -> builder.statement(statement.toBuilder()));
    return builder;
  }

  /** Collects a policy's statements; not thread-safe. */
  public static final class Builder {
    private final List<PolicyStatement.Builder> statements = new ArrayList<>();

    Builder() {}

    /** Adds a statement, in order. */
    public Builder statement(PolicyStatement.Builder statement) {
      statements.add(java.util.Objects.requireNonNull(statement, "statement"));
      return this;
    }

    /** What keeps this policy from being built, each naming its statement; empty when it can be. */
    public List<String> problems() {
      List<String> problems = new ArrayList<>();
      if (statements.isEmpty()) {
        problems.add("statements: [] (expected: at least one statement)");
      }
      for (int i = 0; i < statements.size(); i++) {
        String where = "statement " + (i + 1) + ": ";
        statements.get(i).problems().forEach(problem -> problems.add(where + problem));
      }
      return problems;
    }

    /**
     * Builds the policy.
     *
     * @throws IllegalArgumentException listing {@link #problems()}
     */
    public IamPolicy build() {
      List<String> problems = problems();
      if (!problems.isEmpty()) {
        throw new IllegalArgumentException("policy: " + String.join("; ", problems));
      }
      return new IamPolicy(statements.stream().map(PolicyStatement.Builder::build).toList());
    }
  }
}
