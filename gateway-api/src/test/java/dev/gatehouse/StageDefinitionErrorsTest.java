package dev.gatehouse;

import static dev.gatehouse.DefinitionAssertions.OK;
import static dev.gatehouse.DefinitionAssertions.assertProblems;

import org.junit.jupiter.api.Test;

/** Every broken stage fails at {@code definition()} naming the API, the stage and the field. */
class StageDefinitionErrorsTest {

  @Test
  void stages_noneOnRestApi() {
    assertProblems(Gateway.builder().restApi("petstore", api -> api.route("GET /pets", OK)),
        "restApi \"petstore\": stages: [] (expected: at least one stage)");
  }

  @Test
  void stage_defaultOnRestApi() {
    assertProblems(Gateway.builder().restApi("petstore", api -> api.stage("$default")),
        "restApi \"petstore\" › stage \"$default\": name: \"$default\" "
            + "(expected: a named stage; $default is for httpApi)");
  }

  @Test
  void stage_duplicate() {
    assertProblems(Gateway.builder().restApi("petstore", api -> api.stage("prod").stage("prod")),
        "restApi \"petstore\" › stage \"prod\": name: \"prod\" "
            + "(expected: a stage name not declared before in this API)");
  }

  @Test
  void stage_badName() {
    assertProblems(Gateway.builder().restApi("petstore", api -> api.stage("prod stage")),
        "restApi \"petstore\" › stage \"prod stage\": name: \"prod stage\" "
            + "(expected: [A-Za-z0-9_-]{1,128} or $default)");
  }

  @Test
  void stage_nameTooLong() {
    String name = "s".repeat(129);
    assertProblems(Gateway.builder().restApi("petstore", api -> api.stage(name)),
        "restApi \"petstore\" › stage \"" + name + "\": name: \"" + name + "\" "
            + "(expected: [A-Za-z0-9_-]{1,128} or $default)");
  }

  @Test
  void stage_emptyName() {
    assertProblems(Gateway.builder().httpApi("petstore", api -> api.stage("")),
        "httpApi \"petstore\" › stage \"\": name: \"\" (expected: [A-Za-z0-9_-]{1,128} or $default)");
  }

  @Test
  void stage_nullName() {
    assertProblems(Gateway.builder().httpApi("petstore", api -> api.stage((String) null)),
        "httpApi \"petstore\" › stage null: name: null (expected: [A-Za-z0-9_-]{1,128} or $default)");
  }

  @Test
  void stageVariable_badName() {
    assertProblems(Gateway.builder().restApi("petstore", api -> api
            .stage("prod", stage -> stage.variable("backend-url", "http://localhost"))),
        "restApi \"petstore\" › stage \"prod\": variable name: \"backend-url\" (expected: [A-Za-z0-9_]{1,64})");
  }

  @Test
  void stageVariable_nullName() {
    assertProblems(Gateway.builder().restApi("petstore", api -> api
            .stage("prod", stage -> stage.variable(null, "x"))),
        "restApi \"petstore\" › stage \"prod\": variable name: null (expected: [A-Za-z0-9_]{1,64})");
  }

  @Test
  void stageVariable_valueTooLong() {
    assertProblems(Gateway.builder().restApi("petstore", api -> api
            .stage("prod", stage -> stage.variable("backend", "x".repeat(2049)))),
        "restApi \"petstore\" › stage \"prod\": variable backend: 2049 characters "
            + "(expected: a value of at most 2048 characters)");
  }

  @Test
  void stageVariable_nullValue() {
    assertProblems(Gateway.builder().restApi("petstore", api -> api
            .stage("prod", stage -> stage.variable("backend", null))),
        "restApi \"petstore\" › stage \"prod\": variable backend: null "
            + "(expected: a value of at most 2048 characters)");
  }

  @Test
  void stage_everyProblemAtOnceInDeclarationOrder() {
    assertProblems(Gateway.builder().restApi("petstore", api -> api
            .stage("prod stage", stage -> stage.variable("a-b", "1").variable("ok", "x".repeat(3000)))),
        "restApi \"petstore\" › stage \"prod stage\": name: \"prod stage\" "
            + "(expected: [A-Za-z0-9_-]{1,128} or $default)",
        "restApi \"petstore\" › stage \"prod stage\": variable name: \"a-b\" (expected: [A-Za-z0-9_]{1,64})",
        "restApi \"petstore\" › stage \"prod stage\": variable ok: 3000 characters "
            + "(expected: a value of at most 2048 characters)");
  }

  @Test
  void standaloneStage_namesTheStageWithoutAnApi() {
    assertProblems(() -> StageDefinition.builder("prod stage").variable("a-b", "1").build(),
        "stage \"prod stage\": name: \"prod stage\" (expected: [A-Za-z0-9_-]{1,128} or $default)",
        "stage \"prod stage\": variable name: \"a-b\" (expected: [A-Za-z0-9_]{1,64})");
  }
}
