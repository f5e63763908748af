package dev.gatehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.PathTemplate.Segment;
import dev.gatehouse.PathTemplate.Segment.Kind;
import org.junit.jupiter.api.Test;

class PathTemplateTest {
  private static final String RULE = "a path like /pets/{id} or /files/{proxy+}: starts with /, "
      + "no empty segment, whole-segment {name} parameters with unique names, one greedy {name+} last";

  @Test
  void literalSegmentsMatchTheirOwnText() {
    PathTemplate template = PathTemplate.parse("/pets/mine");

    assertThat(template.segments())
        .containsExactly(new Segment(Kind.LITERAL, "pets"), new Segment(Kind.LITERAL, "mine"));
    assertThat(template.parameterNames()).isEmpty();
    assertThat(template.shape()).isEqualTo("/pets/mine");
  }

  @Test
  void bracedSegmentIsAParameter() {
    PathTemplate template = PathTemplate.parse("/pets/{id}");

    assertThat(template.segments())
        .containsExactly(new Segment(Kind.LITERAL, "pets"), new Segment(Kind.PARAMETER, "id"));
    assertThat(template.parameterNames()).containsExactly("id");
    assertThat(template.shape()).isEqualTo("/pets/{}");
  }

  @Test
  void plusMarksAGreedyParameter() {
    PathTemplate template = PathTemplate.parse("/files/{proxy+}");

    assertThat(template.segments())
        .containsExactly(new Segment(Kind.LITERAL, "files"), new Segment(Kind.GREEDY, "proxy"));
    assertThat(template.parameterNames()).containsExactly("proxy");
    assertThat(template.shape()).isEqualTo("/files/{+}");
  }

  @Test
  void rootHasNoSegments() {
    PathTemplate template = PathTemplate.parse("/");

    assertThat(template.segments()).isEmpty();
    assertThat(template.parameterNames()).isEmpty();
    assertThat(template.shape()).isEqualTo("/");
    assertThat(template).hasToString("/");
  }

  @Test
  void greedyParameterMayBeTheWholePath() {
    PathTemplate template = PathTemplate.parse("/{proxy+}");

    assertThat(template.segments()).containsExactly(new Segment(Kind.GREEDY, "proxy"));
    assertThat(template.shape()).isEqualTo("/{+}");
  }

  @Test
  void parameterNamesComeInPathOrder() {
    assertThat(PathTemplate.parse("/owners/{owner}/pets/{pet.id}/{rest-of_it+}").parameterNames())
        .containsExactly("owner", "pet.id", "rest-of_it");
  }

  @Test
  void literalMayHoldSubDelimiters() {
    assertThat(PathTemplate.parse("/a+b/v1.2~x/$batch/user@host").segments())
        .extracting(Segment::kind)
        .containsOnly(Kind.LITERAL);
  }

  @Test
  void shapeIgnoresParameterNames() {
    assertThat(PathTemplate.parse("/pets/{id}/toys/{rest+}").shape())
        .isEqualTo(PathTemplate.parse("/pets/{petId}/toys/{path+}").shape())
        .isEqualTo("/pets/{}/toys/{+}");
  }

  @Test
  void toStringIsTheTextAsWrittenAndParsesBackToAnEqualTemplate() {
    PathTemplate template = PathTemplate.parse("/owners/{owner}/files/{path+}");

    assertThat(template).hasToString("/owners/{owner}/files/{path+}");
    assertThat(template.text()).isEqualTo("/owners/{owner}/files/{path+}");
    assertThat(PathTemplate.parse(template.toString())).isEqualTo(template);
  }

  @Test
  void templatesWithTheSameTextAreEqual() {
    assertThat(PathTemplate.parse("/pets/{id}"))
        .isEqualTo(PathTemplate.parse("/pets/{id}"))
        .hasSameHashCodeAs(PathTemplate.parse("/pets/{id}"))
        .isNotEqualTo(PathTemplate.parse("/pets/{petId}"))
        .isNotEqualTo(PathTemplate.parse("/pets/id"));
  }

  @Test
  void segmentsAreUnmodifiable() {
    PathTemplate template = PathTemplate.parse("/pets/{id}");

    assertThatThrownBy(() -> template.segments().clear())
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> template.parameterNames().clear())
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void parse_noLeadingSlash() {
    assertRejected("pets", "path: \"pets\" must start with /");
  }

  @Test
  void parse_empty() {
    assertRejected("", "path: \"\" must start with /");
  }

  @Test
  void parse_null() {
    assertRejected(null, "path: null must start with /");
  }

  @Test
  void parse_emptySegment() {
    assertRejected("/pets//toys", "path: \"/pets//toys\" has an empty segment");
  }

  @Test
  void parse_trailingSlash() {
    assertRejected("/pets/", "path: \"/pets/\" has an empty segment");
  }

  @Test
  void parse_unbalancedBrace() {
    assertRejected("/pets/{id", "path: \"/pets/{id\" segment \"{id\" is not a whole {name} parameter");
  }

  @Test
  void parse_closingBraceOnly() {
    assertRejected("/pets/id}", "path: \"/pets/id}\" segment \"id}\" is not a whole {name} parameter");
  }

  @Test
  void parse_parameterInsideSegment() {
    assertRejected("/pets/pet-{id}", "path: \"/pets/pet-{id}\" segment \"pet-{id}\" is not a whole {name} parameter");
  }

  @Test
  void parse_nestedBraces() {
    assertRejected("/pets/{{id}}", "path: \"/pets/{{id}}\" segment \"{{id}}\" is not a whole {name} parameter");
  }

  @Test
  void parse_emptyParameter() {
    assertRejected("/pets/{}", "path: \"/pets/{}\" segment \"{}\" is not a whole {name} parameter");
  }

  @Test
  void parse_emptyGreedyParameter() {
    assertRejected("/pets/{+}", "path: \"/pets/{+}\" parameter name \"\" is not [A-Za-z0-9._-]+");
  }

  @Test
  void parse_parameterNameWithSpace() {
    assertRejected("/pets/{pet id}", "path: \"/pets/{pet id}\" parameter name \"pet id\" is not [A-Za-z0-9._-]+");
  }

  @Test
  void parse_literalNeedingEncoding() {
    assertRejected("/caf%C3%A9", "path: \"/caf%C3%A9\" segment \"caf%C3%A9\" has a character that needs encoding");
  }

  @Test
  void parse_duplicateParameterName() {
    assertRejected("/pets/{id}/toys/{id}", "path: \"/pets/{id}/toys/{id}\" parameter {id} appears twice");
  }

  @Test
  void parse_greedyAndPlainParameterShareAName() {
    assertRejected("/{path}/{path+}", "path: \"/{path}/{path+}\" parameter {path} appears twice");
  }

  @Test
  void parse_greedyNotLast() {
    assertRejected("/{proxy+}/edit", "path: \"/{proxy+}/edit\" greedy {proxy+} is not the last segment");
  }

  private static void assertRejected(String text, String problem) {
    assertThatThrownBy(() -> PathTemplate.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(problem + " (expected: " + RULE + ")");
  }
}
