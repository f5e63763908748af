package dev.gatehouse;

import static dev.gatehouse.DefinitionAssertions.OK;
import static dev.gatehouse.DefinitionAssertions.assertProblems;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.integration.Integrations;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Definitions made with the records' canonical constructors skip their builders' checks; handed to
 * {@code api.stage(def)}, {@code api.route(def)} or {@code builder.api(def)}, they are checked again.
 */
class PrebuiltDefinitionErrorsTest {
  private static final RouteKey GET_PETS = RouteKey.parse("GET /pets");

  @Test
  void prebuiltStage_badName() {
    assertProblems(Gateway.builder().restApi("petstore", api -> api.stage(new StageDefinition("prod stage", Map.of()))),
        "restApi \"petstore\" › stage \"prod stage\": name: \"prod stage\" "
            + "(expected: [A-Za-z0-9_-]{1,128} or $default)");
  }

  @Test
  void prebuiltStage_badVariableName() {
    assertProblems(Gateway.builder().restApi("petstore", api -> api
            .stage(new StageDefinition("prod", Map.of("backend-url", "x")))),
        "restApi \"petstore\" › stage \"prod\": variable name: \"backend-url\" (expected: [A-Za-z0-9_]{1,64})");
  }

  @Test
  void prebuiltStage_defaultOnRestApi() {
    assertProblems(Gateway.builder().restApi("petstore", api -> api.stage(StageDefinition.builder("$default").build())),
        "restApi \"petstore\" › stage \"$default\": name: \"$default\" "
            + "(expected: a named stage; $default is for httpApi)");
  }

  @Test
  void prebuiltRoute_negativeTimeout() {
    assertProblems(Gateway.builder().restApi("petstore", api -> api
            .stage("prod")
            .route(new RouteDefinition(GET_PETS, OK, Duration.ofSeconds(-1)))),
        "restApi \"petstore\" › route \"GET /pets\": timeout: PT-1S (expected: a positive duration)");
  }

  @Test
  void prebuiltRoute_unknownMethod() {
    assertProblems(Gateway.builder().restApi("petstore", api -> api
            .stage("prod")
            .route(new RouteDefinition(new RouteKey("FETCH", PathTemplate.parse("/pets")), OK,
                RouteDefinition.DEFAULT_TIMEOUT))),
        "restApi \"petstore\" › route \"FETCH /pets\": method: \"FETCH\" "
            + "(expected: one of ANY, DELETE, GET, HEAD, OPTIONS, PATCH, POST, PUT)");
  }

  @Test
  void prebuiltRoute_mockStatusOutOfRange() {
    assertProblems(Gateway.builder().restApi("petstore", api -> api
            .stage("prod")
            .route(new RouteDefinition(GET_PETS, Integrations.mock(700), RouteDefinition.DEFAULT_TIMEOUT))),
        "restApi \"petstore\" › route \"GET /pets\": integration status: 700 (expected: 100..599)");
  }

  @Test
  void prebuiltRoute_duplicate() {
    RouteDefinition route = RouteDefinition.builder("GET /pets", OK).build();
    assertProblems(Gateway.builder().restApi("petstore", api -> api.stage("prod").route(route).route(route)),
        "restApi \"petstore\" › route \"GET /pets\": key: \"GET /pets\" "
            + "(expected: a route key not declared before in this API)");
  }

  @Test
  void prebuiltApi_restWithoutStages() {
    assertProblems(Gateway.builder().api(new ApiDefinition("petstore", ApiType.REST, List.of(),
            List.of(RouteDefinition.builder("GET /pets", OK).build()), Map.of(), true)),
        "restApi \"petstore\": stages: [] (expected: at least one stage)");
  }

  @Test
  void prebuiltApi_v2FunctionOnRestApi() {
    assertProblems(Gateway.builder().api(new ApiDefinition("petstore", ApiType.REST,
            List.of(new StageDefinition("prod", Map.of())),
            List.of(new RouteDefinition(GET_PETS, Integrations.functionV2(e -> "ok"), RouteDefinition.DEFAULT_TIMEOUT)),
            Map.of(), true)),
        "restApi \"petstore\" › route \"GET /pets\": integration: function(2.0, blocking) "
            + "(expected: payload format 1.0 on a restApi)");
  }

  @Test
  void prebuiltApi_gatewayResponseStatusOutOfRange() {
    assertProblems(Gateway.builder().api(new ApiDefinition("petstore", ApiType.HTTP, List.of(), List.of(),
            Map.of(GatewayResponseType.THROTTLED, new GatewayResponseOverride(700, Headers.empty(), null)), true)),
        "httpApi \"petstore\" › gatewayResponse THROTTLED: status: 700 (expected: 100..599)");
  }

  @Test
  void prebuiltApi_blankName() {
    assertProblems(Gateway.builder().api(new ApiDefinition("", ApiType.HTTP, List.of(), List.of(), Map.of(), true)),
        "httpApi \"\": name: \"\" (expected: a non-blank name)");
  }

  @Test
  void prebuiltHttpApiWithoutStagesGetsTheDefaultStage() {
    GatewayDefinition definition = Gateway.builder()
        .api(new ApiDefinition("petstore", ApiType.HTTP, List.of(), List.of(), Map.of(), true))
        .definition();

    assertThat(definition.api("petstore").stages()).extracting(StageDefinition::name).containsExactly("$default");
  }

  @Test
  void apiToBuilderRoundTrips() {
    ApiDefinition api = ApiDefinition.builder(ApiType.REST, "petstore")
        .stage("prod", s -> s.variable("a", "1"))
        .route("GET /pets/{id}", OK, r -> r.timeout(Duration.ofSeconds(2)))
        .gatewayResponse(GatewayResponseType.THROTTLED, r -> r.status(503).header("Retry-After", "1").body("{}"))
        .disableExecuteApiEndpoint()
        .build();

    assertThat(api.toBuilder().build()).isEqualTo(api);
    assertThat(api.toBuilder().stage("beta").build().stages()).hasSize(2);
    assertThat(api.stages()).hasSize(1);
  }
}
