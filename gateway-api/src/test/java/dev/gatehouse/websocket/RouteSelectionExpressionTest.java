package dev.gatehouse.websocket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.gatehouse.websocket.RouteSelectionExpression.BodyPath;
import dev.gatehouse.websocket.RouteSelectionExpression.Literal;
import java.util.List;
import org.junit.jupiter.api.Test;

class RouteSelectionExpressionTest {
  @Test
  void unwrappedVariableIsOneBodyPath() {
    assertThat(RouteSelectionExpression.parse("$request.body.action").parts())
        .containsExactly(new BodyPath(List.of("action")));
  }

  @Test
  void wrappedVariablesJoinWithLiterals() {
    assertThat(RouteSelectionExpression.parse("${request.body.service}/${request.body.action}-v1").parts())
        .containsExactly(new BodyPath(List.of("service")), new Literal("/"), new BodyPath(List.of("action")),
            new Literal("-v1"));
  }

  @Test
  void nestedNamesQuotedNamesAndIndexes() {
    assertThat(RouteSelectionExpression.parse("${request.body.a.b['c d'][2][\"e\"]}").parts())
        .containsExactly(new BodyPath(List.of("a", "b", "c d", 2, "e")));
  }

  @Test
  void escapedDollarIsLiteral() {
    assertThat(RouteSelectionExpression.parse("\\$default").parts()).containsExactly(new Literal("$default"));
  }

  @Test
  void staticValueIsLiteral() {
    assertThat(RouteSelectionExpression.parse("action").parts()).containsExactly(new Literal("action"));
  }

  @Test
  void wholeBodyIsAnEmptyPath() {
    assertThat(RouteSelectionExpression.parse("$request.body").parts()).containsExactly(new BodyPath(List.of()));
  }

  @Test
  void unclosedBraceIsRefused() {
    assertThatIllegalArgumentException().isThrownBy(() -> RouteSelectionExpression.parse("${request.body.action"))
        .withMessage("\"${\" at 0 without a closing \"}\"");
  }

  @Test
  void variableOutsideTheBodyIsRefused() {
    assertThatIllegalArgumentException().isThrownBy(() -> RouteSelectionExpression.parse("$context.routeKey"))
        .withMessageContaining("request.body followed by a JSON path");
  }

  @Test
  void malformedPathsAreRefused() {
    assertThatIllegalArgumentException().isThrownBy(() -> RouteSelectionExpression.parse("${request.body..a}"))
        .withMessage("variable \"request.body..a\" at 0 has an empty name");
    assertThatIllegalArgumentException().isThrownBy(() -> RouteSelectionExpression.parse("${request.body[x]}"))
        .withMessage("variable \"request.body[x]\" at 0 has [x]: a quoted name or an index");
    assertThatIllegalArgumentException().isThrownBy(() -> RouteSelectionExpression.parse("${request.body[0}"))
        .withMessage("variable \"request.body[0\" at 0 has \"[\" without \"]\"");
  }

  @Test
  void blankIsRefused() {
    assertThatIllegalArgumentException().isThrownBy(() -> RouteSelectionExpression.parse(" "));
  }
}
