package dev.gatehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.gatehouse.integration.Integrations;
import dev.gatehouse.integration.MockIntegration;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Asserts the exact lines of a {@link GatewayDefinitionException}. */
final class DefinitionAssertions {
  /** An integration with nothing wrong with it. */
  static final MockIntegration OK = Integrations.mock(200);

  /** The rule every path template message ends with. */
  static final String PATH_RULE = "a path like /pets/{id} or /files/{proxy+}: starts with /, "
      + "no empty segment, whole-segment {name} parameters with unique names, one greedy {name+} last";

  private DefinitionAssertions() {}

  /** {@code gateway.definition()} fails with exactly these problems, in this order. */
  static void assertProblems(GatewayBuilder gateway, String... problems) {
    assertProblems(gateway::definition, problems);
  }

  /** {@code build} fails with exactly these problems, in this order. */
  static void assertProblems(ThrowingCallable build, String... problems) {
    assertThatExceptionOfType(GatewayDefinitionException.class)
        .isThrownBy(build)
        .isInstanceOf(IllegalArgumentException.class)
        .withMessage(String.join("\n", problems))
        .satisfies(e -> assertThat(e.problems()).containsExactly(problems));
  }
}
