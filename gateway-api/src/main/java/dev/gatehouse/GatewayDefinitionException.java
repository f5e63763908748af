package dev.gatehouse;

import java.util.List;

/**
 * A gateway definition that cannot work. The message has one line per problem, each naming where
 * it is, the field, the value and the rule:
 * {@code restApi "petstore" › route "POST /pets": timeout: PT0S (expected: a positive duration)}.
 */
public final class GatewayDefinitionException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final List<String> problems;

  public GatewayDefinitionException(List<String> problems) {
    super(String.join("\n", problems));
    this.problems = List.copyOf(problems);
  }

  /** Every problem found, one per entry, in declaration order. */
  public List<String> problems() {
    return problems;
  }
}
