package dev.gatehouse;

import static dev.gatehouse.DefinitionAssertions.OK;
import static dev.gatehouse.DefinitionAssertions.PATH_RULE;
import static dev.gatehouse.DefinitionAssertions.assertProblems;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** API- and gateway-level mistakes, and how several are reported together. */
class DefinitionErrorsTest {

  @Test
  void apiName_duplicate() {
    assertProblems(Gateway.builder()
            .restApi("petstore", api -> api.stage("prod"))
            .restApi("petstore", api -> api.stage("prod")),
        "restApi \"petstore\": name: \"petstore\" (expected: an API name not declared before)");
  }

  @Test
  void apiName_duplicateAcrossKinds() {
    assertProblems(Gateway.builder()
            .restApi("petstore", api -> api.stage("prod"))
            .httpApi("petstore", api -> api.stage("beta")),
        "httpApi \"petstore\": name: \"petstore\" (expected: an API name not declared before)");
  }

  @Test
  void apiName_blank() {
    assertProblems(Gateway.builder().restApi(" ", api -> api.stage("prod")),
        "restApi \" \": name: \" \" (expected: a non-blank name)");
  }

  @Test
  void apiName_null() {
    assertProblems(Gateway.builder().httpApi(null, api -> {}),
        "httpApi null: name: null (expected: a non-blank name)");
  }

  @Test
  void maxRequestBodyBytes_negative() {
    assertProblems(Gateway.builder().restApi("petstore", api -> api.stage("prod")).maxRequestBodyBytes(-1),
        "maxRequestBodyBytes: -1 (expected: > 0)");
  }

  @Test
  void maxRequestBodyBytes_zero() {
    assertProblems(Gateway.builder().restApi("petstore", api -> api.stage("prod")).maxRequestBodyBytes(0),
        "maxRequestBodyBytes: 0 (expected: > 0)");
  }

  @Test
  void gatewayResponse_statusOutOfRange() {
    assertProblems(Gateway.builder().restApi("petstore", api -> api
            .stage("prod")
            .gatewayResponse(GatewayResponseType.THROTTLED, r -> r.status(700))),
        "restApi \"petstore\" › gatewayResponse THROTTLED: status: 700 (expected: 100..599)");
  }

  @Test
  void gatewayResponse_familyStatusBelowRange() {
    assertProblems(Gateway.builder().httpApi("petstore", api -> api
            .gatewayResponse(GatewayResponseType.DEFAULT_4XX, r -> r.status(42).header("X-A", "1"))),
        "httpApi \"petstore\" › gatewayResponse DEFAULT_4XX: status: 42 (expected: 100..599)");
  }

  @Test
  void manyProblems_allReportedAtOnce() {
    GatewayBuilder gateway = Gateway.builder()
        .restApi("petstore", api -> api
            .stage("prod stage")
            .route("GET /pets/{id", OK)
            .route("GET /pets", null)
            .route("POST /pets", OK, r -> r.timeout(Duration.ofSeconds(-1)))
            .gatewayResponse(GatewayResponseType.THROTTLED, r -> r.status(700)))
        .httpApi("petstore", api -> api.route("FETCH /pets", OK))
        .maxRequestBodyBytes(-1);

    assertProblems(gateway,
        "restApi \"petstore\" › stage \"prod stage\": name: \"prod stage\" "
            + "(expected: [A-Za-z0-9_-]{1,128} or $default)",
        "restApi \"petstore\" › route \"GET /pets/{id\": path: \"/pets/{id\" segment \"{id\" "
            + "is not a whole {name} parameter (expected: " + PATH_RULE + ")",
        "restApi \"petstore\" › route \"GET /pets\": integration: null "
            + "(expected: an integration from Integrations)",
        "restApi \"petstore\" › route \"POST /pets\": timeout: PT-1S (expected: a positive duration)",
        "restApi \"petstore\" › gatewayResponse THROTTLED: status: 700 (expected: 100..599)",
        "httpApi \"petstore\" › route \"FETCH /pets\": method: \"FETCH\" "
            + "(expected: one of ANY, DELETE, GET, HEAD, OPTIONS, PATCH, POST, PUT)",
        "httpApi \"petstore\": name: \"petstore\" (expected: an API name not declared before)",
        "maxRequestBodyBytes: -1 (expected: > 0)");
  }

  @Test
  void build_reportsTheSameProblemsAsDefinition() {
    assertProblems(Gateway.builder().restApi("petstore", api -> api.stage("prod").route("GET /pets/", OK))::build,
        "restApi \"petstore\" › route \"GET /pets/\": path: \"/pets/\" has an empty segment "
            + "(expected: " + PATH_RULE + ")");
  }

  @Test
  void standaloneApi_reportsUnderTheApi() {
    assertProblems(() -> ApiDefinition.builder(ApiType.REST, "petstore").route("GET /pets", OK).build(),
        "restApi \"petstore\": stages: [] (expected: at least one stage)");
  }

  @Test
  void exceptionProblemsAreUnmodifiable() {
    GatewayDefinitionException e = new GatewayDefinitionException(List.of("a: 1 (expected: 2)", "b: 3 (expected: 4)"));

    assertThat(e).isInstanceOf(IllegalArgumentException.class).hasMessage("a: 1 (expected: 2)\nb: 3 (expected: 4)");
    assertThatThrownBy(() -> e.problems().clear()).isInstanceOf(UnsupportedOperationException.class);
  }
}
