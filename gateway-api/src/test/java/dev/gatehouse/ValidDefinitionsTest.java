package dev.gatehouse;

import static dev.gatehouse.DefinitionAssertions.OK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.gatehouse.event.ProxyResponseV1;
import dev.gatehouse.integration.Integrations;
import dev.gatehouse.integration.PayloadFormat;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

/** What a definition that passes every check looks like. */
class ValidDefinitionsTest {

  @Test
  void httpApiWithoutStagesGetsTheDefaultStage() {
    ApiDefinition api = Gateway.builder().httpApi("petstore", a -> a.route("GET /pets", OK)).definition()
        .api("petstore");

    assertThat(api.stages()).containsExactly(new StageDefinition("$default", Map.of()));
    assertThat(api.stage(StageDefinition.DEFAULT)).isNotNull();
  }

  @Test
  void httpApiMayNameItsOwnStagesAndDefault() {
    ApiDefinition api = Gateway.builder().httpApi("petstore", a -> a.stage("$default").stage("beta"))
        .definition().api("petstore");

    assertThat(api.stages()).extracting(StageDefinition::name).containsExactly("$default", "beta");
  }

  @Test
  void restApiKeepsStagesRoutesAndOptionsInDeclarationOrder() {
    GatewayDefinition definition = Gateway.builder()
        .restApi("petstore", api -> api
            .stage("prod", stage -> stage.variable("backend", "pets-prod").variable("Tier", "gold"))
            .stage("beta")
            .route("GET /pets", OK)
            .route("GET /pets/{id}", OK, r -> r.timeout(Duration.ofSeconds(3)))
            .route("GET /pets/mine", OK)
            .route("ANY /{proxy+}", OK)
            .route("GET /", OK))
        .definition();

    ApiDefinition api = definition.api("petstore");
    assertThat(api.type()).isEqualTo(ApiType.REST);
    assertThat(api.label()).isEqualTo("restApi \"petstore\"");
    assertThat(api.defaultPayloadFormat()).isEqualTo(PayloadFormat.V1_0);
    assertThat(api.executeApiEndpoint()).isTrue();
    assertThat(api.stages()).extracting(StageDefinition::name).containsExactly("prod", "beta");
    assertThat(api.stage("prod").variables()).containsExactly(entry("backend", "pets-prod"), entry("Tier", "gold"));
    assertThat(api.stage("live")).isNull();
    assertThat(api.routes()).extracting(r -> r.key().toString())
        .containsExactly("GET /pets", "GET /pets/{id}", "GET /pets/mine", "ANY /{proxy+}", "GET /");
    assertThat(api.routes()).extracting(RouteDefinition::timeout).containsExactly(
        RouteDefinition.DEFAULT_TIMEOUT, Duration.ofSeconds(3), Duration.ofSeconds(29), Duration.ofSeconds(29),
        Duration.ofSeconds(29));
    assertThat(definition.api("billing")).isNull();
  }

  @Test
  void gatewayDefaultsAreAwsLimits() {
    GatewayDefinition definition = Gateway.builder().restApi("petstore", api -> api.stage("prod")).definition();

    assertThat(definition.maxRequestBodyBytes()).isEqualTo(10L * 1024 * 1024);
    assertThat(definition.handlerExecutor()).isNull();
    assertThat(definition.basePathMappings()).isEmpty();
  }

  @Test
  void gatewayOptionsAreKept() {
    Executor direct = Runnable::run;
    GatewayDefinition definition = Gateway.builder()
        .restApi("petstore", api -> api.stage("prod"))
        .maxRequestBodyBytes(1)
        .handlerExecutor(direct)
        .basePathMapping("", "petstore", "prod")
        .definition();

    assertThat(definition.maxRequestBodyBytes()).isOne();
    assertThat(definition.handlerExecutor()).isSameAs(direct);
    assertThat(definition.basePathMappings()).containsExactly(new BasePathMapping("", "petstore", "prod"));
  }

  @Test
  void httpApiAcceptsBothPayloadFormatsAndTheDefaultRoute() {
    ApiDefinition api = Gateway.builder()
        .httpApi("petstore", a -> a
            .route("GET /v1", Integrations.function(event -> ProxyResponseV1.of(200, "v1")))
            .route("GET /v2", Integrations.functionV2(event -> "v2"))
            .route("$default", Integrations.asyncFunctionV2(event -> null)))
        .definition().api("petstore");

    assertThat(api.defaultPayloadFormat()).isEqualTo(PayloadFormat.V2_0);
    assertThat(api.routes()).extracting(r -> r.integration().toString())
        .containsExactly("function(1.0, blocking)", "function(2.0, blocking)", "function(2.0, async)");
    assertThat(api.routes().get(2).key().isDefault()).isTrue();
  }

  @Test
  void sameShapeWithAnotherMethodIsADifferentRoute() {
    ApiDefinition api = Gateway.builder()
        .httpApi("petstore", a -> a.route("GET /pets/{id}", OK).route("ANY /pets/{petId}", OK))
        .definition().api("petstore");

    assertThat(api.routes()).hasSize(2);
  }

  @Test
  void gatewayResponseOverridesAreKept() {
    ApiDefinition api = Gateway.builder()
        .restApi("petstore", a -> a.stage("prod")
            .gatewayResponse(GatewayResponseType.THROTTLED, r -> r.status(503).header("Retry-After", "1").body("{}"))
            .gatewayResponse(GatewayResponseType.DEFAULT_4XX, r -> r.header("X-A", "1")))
        .definition().api("petstore");

    assertThat(api.gatewayResponses()).containsOnlyKeys(GatewayResponseType.THROTTLED, GatewayResponseType.DEFAULT_4XX);
    assertThat(api.gatewayResponses().get(GatewayResponseType.THROTTLED)).isEqualTo(
        new GatewayResponseOverride(503, Headers.builder().add("Retry-After", "1").build(), "{}"));
    assertThat(api.gatewayResponses().get(GatewayResponseType.DEFAULT_4XX))
        .isEqualTo(new GatewayResponseOverride(null, Headers.builder().add("X-A", "1").build(), null));
  }

  @Test
  void prebuiltDefinitionsAreAccepted() {
    RouteDefinition route = RouteDefinition.builder("GET /pets/{id}", OK).timeout(Duration.ofSeconds(5)).build();
    StageDefinition stage = StageDefinition.builder("prod").variable("backend", "pets").build();
    ApiDefinition billing = ApiDefinition.builder(ApiType.HTTP, "billing").stage("live").build();

    GatewayDefinition definition = Gateway.builder()
        .restApi("petstore", api -> api.stage(stage).route(route))
        .api(billing)
        .definition();

    assertThat(definition.api("petstore").routes()).containsExactly(route);
    assertThat(definition.api("petstore").stages()).containsExactly(stage);
    assertThat(definition.api("billing")).isEqualTo(billing);
    assertThat(definition.apis()).extracting(ApiDefinition::name).containsExactly("petstore", "billing");
  }

  @Test
  void toBuilderRoundTripsStagesAndRoutes() {
    RouteDefinition route = RouteDefinition.builder("ANY /{proxy+}", OK).timeout(Duration.ofMillis(250)).build();
    StageDefinition stage = StageDefinition.builder("prod").variable("a", "1").variable("b", "2").build();

    assertThat(route.toBuilder().build()).isEqualTo(route);
    assertThat(stage.toBuilder().build()).isEqualTo(stage);
    assertThat(stage.toBuilder().variable("c", "3").build().variables()).containsOnlyKeys("a", "b", "c");
    assertThat(stage.variables()).containsOnlyKeys("a", "b");
  }

  @Test
  void definitionIsASnapshotOfTheBuilder() {
    GatewayBuilder builder = Gateway.builder().restApi("petstore", api -> api.stage("prod"));
    GatewayDefinition first = builder.definition();

    builder.restApi("billing", api -> api.stage("live")).basePathMapping("v1", "billing", "live");

    assertThat(first.apis()).extracting(ApiDefinition::name).containsExactly("petstore");
    assertThat(first.basePathMappings()).isEmpty();
    assertThat(builder.definition().apis()).hasSize(2);
  }

  @Test
  void collectionsHandedOutAreUnmodifiable() {
    GatewayDefinition definition = Gateway.builder()
        .restApi("petstore", api -> api
            .stage("prod", s -> s.variable("a", "1"))
            .route("GET /pets", OK)
            .gatewayResponse(GatewayResponseType.THROTTLED, r -> r.status(503)))
        .basePathMapping("", "petstore", "prod")
        .definition();
    ApiDefinition api = definition.api("petstore");

    assertUnmodifiable(() -> definition.apis().clear());
    assertUnmodifiable(() -> definition.basePathMappings().clear());
    assertUnmodifiable(() -> api.stages().clear());
    assertUnmodifiable(() -> api.routes().clear());
    assertUnmodifiable(() -> api.gatewayResponses().clear());
    assertUnmodifiable(() -> api.stage("prod").variables().put("b", "2"));
  }

  @Test
  void recordsCopyWhatTheyAreGiven() {
    List<StageDefinition> stages = new ArrayList<>(List.of(new StageDefinition("a", Map.of())));
    Map<String, String> variables = new HashMap<>(Map.of("k", "v"));
    ApiDefinition api = new ApiDefinition("petstore", ApiType.HTTP, stages, List.of(), Map.of(), true);
    StageDefinition stage = new StageDefinition("prod", variables);

    stages.clear();
    variables.clear();

    assertThat(api.stages()).hasSize(1);
    assertThat(stage.variables()).containsOnlyKeys("k");
  }

  private static void assertUnmodifiable(Runnable mutation) {
    assertThatThrownBy(mutation::run).isInstanceOf(UnsupportedOperationException.class);
  }
}
