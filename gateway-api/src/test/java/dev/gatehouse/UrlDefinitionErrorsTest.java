package dev.gatehouse;

import static dev.gatehouse.DefinitionAssertions.OK;
import static dev.gatehouse.DefinitionAssertions.assertProblems;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Stage URLs and base-path mappings: every first path segment under the mount has one owner. */
class UrlDefinitionErrorsTest {
  private static final String REMEDY = "; use distinct stage names, base-path mappings or disableExecuteApiEndpoint())";

  @Test
  void url_twoApisShareStageName() {
    assertProblems(Gateway.builder()
            .restApi("petstore", api -> api.stage("prod").route("GET /pets", OK))
            .restApi("billing", api -> api.stage("prod").route("GET /invoices", OK)),
        "restApi \"billing\" › stage \"prod\": url: \"{mount}/prod\" "
            + "(expected: a path segment not already served by restApi \"petstore\" stage \"prod\"" + REMEDY);
  }

  @Test
  void disableExecuteApiEndpoint_resolvesSharedStageName() {
    GatewayDefinition definition = Gateway.builder()
        .restApi("petstore", api -> api.stage("prod").route("GET /pets", OK))
        .restApi("billing", api -> api.stage("prod").route("GET /invoices", OK).disableExecuteApiEndpoint())
        .basePathMapping("billing", "billing", "prod")
        .definition();

    assertThat(definition.api("petstore").executeApiEndpoint()).isTrue();
    assertThat(definition.api("billing").executeApiEndpoint()).isFalse();
    assertThat(definition.basePathMappings()).containsExactly(new BasePathMapping("billing", "billing", "prod"));
  }

  @Test
  void url_twoCatchAlls() {
    assertProblems(Gateway.builder()
            .httpApi("petstore", api -> api.route("$default", OK))
            .httpApi("billing", api -> api.route("$default", OK)),
        "httpApi \"billing\" › stage \"$default\": url: \"{mount}/\" "
            + "(expected: a path segment not already served by httpApi \"petstore\" stage \"$default\"" + REMEDY);
  }

  @Test
  void url_emptyBasePathAndDefaultStage() {
    assertProblems(Gateway.builder()
            .httpApi("petstore", api -> api.route("GET /pets", OK))
            .restApi("billing", api -> api.stage("prod").route("GET /invoices", OK))
            .basePathMapping("", "billing", "prod"),
        "basePathMapping \"\": url: \"{mount}/\" "
            + "(expected: a path segment not already served by httpApi \"petstore\" stage \"$default\"" + REMEDY);
  }

  @Test
  void url_basePathShadowsStage() {
    assertProblems(Gateway.builder()
            .restApi("petstore", api -> api.stage("prod"))
            .restApi("billing", api -> api.stage("live"))
            .basePathMapping("prod", "billing", "live"),
        "basePathMapping \"prod\": url: \"{mount}/prod\" "
            + "(expected: a path segment not already served by restApi \"petstore\" stage \"prod\"" + REMEDY);
  }

  @Test
  void url_twoBasePathMappingsShareABasePath() {
    assertProblems(Gateway.builder()
            .restApi("petstore", api -> api.stage("prod").disableExecuteApiEndpoint())
            .basePathMapping("v1", "petstore", "prod")
            .basePathMapping("v1", "petstore", "prod"),
        "basePathMapping \"v1\": url: \"{mount}/v1\" "
            + "(expected: a path segment not already served by basePathMapping \"v1\"" + REMEDY);
  }

  @Test
  void url_stagesOfOneApiAndItsOwnMappingsMayNotCollide() {
    assertProblems(Gateway.builder()
            .restApi("petstore", api -> api.stage("prod").stage("beta"))
            .basePathMapping("beta", "petstore", "prod"),
        "basePathMapping \"beta\": url: \"{mount}/beta\" "
            + "(expected: a path segment not already served by restApi \"petstore\" stage \"beta\"" + REMEDY);
  }

  @Test
  void basePathMapping_unknownApi() {
    assertProblems(Gateway.builder()
            .restApi("petstore", api -> api.stage("prod"))
            .httpApi("billing", api -> {})
            .basePathMapping("v1", "petshop", "prod"),
        "basePathMapping \"v1\": api: \"petshop\" (expected: one of [petstore, billing])");
  }

  @Test
  void basePathMapping_unknownStage() {
    assertProblems(Gateway.builder()
            .restApi("petstore", api -> api.stage("prod").stage("beta"))
            .basePathMapping("v1", "petstore", "live"),
        "basePathMapping \"v1\": stage: \"live\" (expected: one of [prod, beta] of restApi \"petstore\")");
  }

  @Test
  void basePathMapping_badBasePath() {
    assertProblems(Gateway.builder()
            .restApi("petstore", api -> api.stage("prod"))
            .basePathMapping("v1/pets", "petstore", "prod"),
        "basePathMapping \"v1/pets\": basePath: \"v1/pets\" "
            + "(expected: one path segment of [A-Za-z0-9._~-] other than . and .., or empty)");
  }

  @Test
  void basePathMapping_leadingSlash() {
    assertProblems(Gateway.builder()
            .restApi("petstore", api -> api.stage("prod"))
            .basePathMapping("/v1", "petstore", "prod"),
        "basePathMapping \"/v1\": basePath: \"/v1\" (expected: one path segment of [A-Za-z0-9._~-] other than . and .., or empty)");
  }

  @Test
  void basePathMapping_dotSegment() {
    assertProblems(Gateway.builder()
            .restApi("petstore", api -> api.stage("prod"))
            .basePathMapping("..", "petstore", "prod"),
        "basePathMapping \"..\": basePath: \"..\" (expected: one path segment of [A-Za-z0-9._~-] other than . and .., or empty)");
  }

  @Test
  void basePathMapping_nullBasePath() {
    assertProblems(Gateway.builder()
            .restApi("petstore", api -> api.stage("prod"))
            .basePathMapping(null, "petstore", "prod"),
        "basePathMapping null: basePath: null (expected: one path segment of [A-Za-z0-9._~-] other than . and .., or empty)");
  }

  @Test
  void basePathMapping_everyMappingReportedInOrder() {
    assertProblems(Gateway.builder()
            .restApi("petstore", api -> api.stage("prod"))
            .basePathMapping("a/b", "petstore", "prod")
            .basePathMapping("v1", "nope", "prod")
            .basePathMapping("v2", "petstore", "nope"),
        "basePathMapping \"a/b\": basePath: \"a/b\" (expected: one path segment of [A-Za-z0-9._~-] other than . and .., or empty)",
        "basePathMapping \"v1\": api: \"nope\" (expected: one of [petstore])",
        "basePathMapping \"v2\": stage: \"nope\" (expected: one of [prod] of restApi \"petstore\")");
  }
}
