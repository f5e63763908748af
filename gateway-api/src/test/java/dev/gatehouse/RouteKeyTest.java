package dev.gatehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RouteKeyTest {

  @Test
  void methodAndPathAreSplitAtTheSpace() {
    RouteKey key = RouteKey.parse("GET /pets/{id}");

    assertThat(key.method()).isEqualTo("GET");
    assertThat(key.path()).isEqualTo(PathTemplate.parse("/pets/{id}"));
    assertThat(key.path().parameterNames()).containsExactly("id");
    assertThat(key.isDefault()).isFalse();
    assertThat(key.isAnyMethod()).isFalse();
  }

  @Test
  void anyMatchesEveryMethod() {
    RouteKey key = RouteKey.parse("ANY /legacy/{proxy+}");

    assertThat(key.isAnyMethod()).isTrue();
    assertThat(key.path().shape()).isEqualTo("/legacy/{+}");
  }

  @Test
  void everyAwsMethodIsAccepted() {
    for (String method : new String[] {"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "ANY"}) {
      assertThat(RouteKey.parse(method + " /pets").method()).isEqualTo(method);
    }
  }

  @Test
  void rootPathIsARouteOfItsOwn() {
    RouteKey key = RouteKey.parse("GET /");

    assertThat(key.path().segments()).isEmpty();
    assertThat(key).hasToString("GET /");
  }

  @Test
  void defaultKeyHasNoMethodAndNoPath() {
    RouteKey key = RouteKey.parse("$default");

    assertThat(key.isDefault()).isTrue();
    assertThat(key.isAnyMethod()).isFalse();
    assertThat(key.method()).isNull();
    assertThat(key.path()).isNull();
    assertThat(key).hasToString("$default").isEqualTo(new RouteKey(null, null));
    assertThat(RouteKey.DEFAULT).isEqualTo("$default");
  }

  @Test
  void toStringIsTheKeyAsWrittenAndParsesBackToAnEqualKey() {
    for (String text : new String[] {"GET /pets/{id}", "ANY /{proxy+}", "DELETE /", "$default"}) {
      RouteKey key = RouteKey.parse(text);

      assertThat(key).hasToString(text);
      assertThat(RouteKey.parse(key.toString())).isEqualTo(key).hasSameHashCodeAs(key);
    }
  }

  @Test
  void keysWithTheSameMethodAndTemplateAreEqual() {
    assertThat(RouteKey.parse("GET /pets/{id}"))
        .isEqualTo(new RouteKey("GET", PathTemplate.parse("/pets/{id}")))
        .hasSameHashCodeAs(new RouteKey("GET", PathTemplate.parse("/pets/{id}")))
        .isNotEqualTo(RouteKey.parse("POST /pets/{id}"))
        .isNotEqualTo(RouteKey.parse("GET /pets/{petId}"))
        .isNotEqualTo(RouteKey.parse("$default"));
  }

  @Test
  void parse_unknownMethod() {
    assertThatThrownBy(() -> RouteKey.parse("FETCH /pets"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("method: \"FETCH\" (expected: one of ANY, DELETE, GET, HEAD, OPTIONS, PATCH, POST, PUT)");
  }

  @Test
  void parse_lowerCaseMethod() {
    assertThatThrownBy(() -> RouteKey.parse("get /pets"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("method: \"get\" (expected: one of ANY, DELETE, GET, HEAD, OPTIONS, PATCH, POST, PUT)");
  }

  @Test
  void parse_missingSpace() {
    assertThatThrownBy(() -> RouteKey.parse("GET/pets"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("key: \"GET/pets\" (expected: \"METHOD /path\" with one space, or \"$default\")");
  }

  @Test
  void parse_pathOnly() {
    assertThatThrownBy(() -> RouteKey.parse("/pets"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("key: \"/pets\" (expected: \"METHOD /path\" with one space, or \"$default\")");
  }

  @Test
  void parse_null() {
    assertThatThrownBy(() -> RouteKey.parse(null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("key: null (expected: \"METHOD /path\" with one space, or \"$default\")");
  }

  @Test
  void parse_twoSpaces() {
    assertThatThrownBy(() -> RouteKey.parse("GET  /pets"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("path: \" /pets\" must start with / (expected: a path like /pets/{id}");
  }

  @Test
  void parse_badPathNamesThePath() {
    assertThatThrownBy(() -> RouteKey.parse("GET /pets/{id"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("path: \"/pets/{id\" segment \"{id\" is not a whole {name} parameter (expected: ");
  }

  @Test
  void constructor_methodWithoutPath() {
    assertThatThrownBy(() -> new RouteKey("GET", null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("method: \"GET\", path: null (expected: both set, or both null for $default)");
  }

  @Test
  void constructor_pathWithoutMethod() {
    assertThatThrownBy(() -> new RouteKey(null, PathTemplate.parse("/pets")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("method: null, path: \"/pets\" (expected: both set, or both null for $default)");
  }
}
