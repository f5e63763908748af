package dev.gatehouse.runtime;

import static dev.gatehouse.runtime.Requests.call;
import static dev.gatehouse.runtime.Requests.get;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.Gateway;
import dev.gatehouse.GatewayResponse;
import dev.gatehouse.GatewayResponseType;
import dev.gatehouse.integration.Integrations;
import dev.gatehouse.integration.MockResponder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {mount}/{stage}/{resource}, base-path mappings and the $default stage, as AWS lays out URLs. */
class UrlLayoutTest {
  private static final MockResponder WHO = request -> dev.gatehouse.GatewayResponse.builder(200)
      .body(request.context().apiId() + ":" + request.context().stage() + ":" + request.context().path()
          + ":" + request.context().resourcePath())
      .build();

  private final Gateway gateway = Gateway.builder()
      .restApi("petstore", api -> api
          .stage("prod")
          .stage("beta")
          .route("GET /pets", Integrations.mock(WHO))
          .route("GET /", Integrations.mock(WHO)))
      .restApi("internal", api -> api
          .stage("prod")
          .disableExecuteApiEndpoint()
          .route("GET /pets", Integrations.mock(WHO)))
      .httpApi("shop", api -> api
          .route("GET /cart", Integrations.mock(WHO))
          .gatewayResponse(GatewayResponseType.DEFAULT_4XX, r -> r.header("X-Family", "4xx"))
          .gatewayResponse(GatewayResponseType.RESOURCE_NOT_FOUND, r -> r.body("{\"error\":\"nope\"}")))
      .basePathMapping("v1", "petstore", "prod")
      .basePathMapping("admin", "internal", "prod")
      .build();

  @AfterEach
  void close() {
    gateway.close();
  }

  @Test
  void stageSegmentSelectsApiAndStage() {
    assertThat(body("/prod/pets")).isEqualTo("petstore:prod:/prod/pets:/pets");
    assertThat(body("/beta/pets")).isEqualTo("petstore:beta:/beta/pets:/pets");
    assertThat(body("/prod")).isEqualTo("petstore:prod:/prod:/");
  }

  @Test
  void basePathMapsToApiAndStageWithoutStageSegment() {
    assertThat(body("/v1/pets")).isEqualTo("petstore:prod:/v1/pets:/pets");
    assertThat(body("/admin/pets")).isEqualTo("internal:prod:/admin/pets:/pets");
  }

  @Test
  void defaultStageOfHttpApiServesEverythingElse() {
    assertThat(body("/cart")).isEqualTo("shop:$default:/cart:/cart");
  }

  @Test
  void unmatchedRouteOfHttpApiGets404WithItsOverrides() {
    GatewayResponse response = call(gateway, get("/nothing"));

    assertThat(response.status()).isEqualTo(404);
    assertThat(response.bodyAsString()).isEqualTo("{\"error\":\"nope\"}");
    assertThat(response.headers().first("X-Family")).isEqualTo("4xx");
    assertThat(response.headers().first("x-amzn-ErrorType")).isEqualTo("NotFoundException");
  }

  @Test
  void unmatchedRouteOfRestApiGets403() {
    GatewayResponse response = call(gateway, get("/prod/cats"));

    assertThat(response.status()).isEqualTo(403);
    assertThat(response.bodyAsString()).isEqualTo("{\"message\":\"Missing Authentication Token\"}");
  }

  @Test
  void familyOverrideChangesStatusOfEveryTypeInIt() {
    Gateway teapot = Gateway.builder()
        .restApi("t", api -> api.stage("s").route("GET /x", Integrations.mock(200))
            .gatewayResponse(GatewayResponseType.DEFAULT_4XX, r -> r.status(418)))
        .build();
    try {
      assertThat(call(teapot, get("/s/y")).status()).isEqualTo(418);
    } finally {
      teapot.close();
    }
  }

  private String body(String path) {
    GatewayResponse response = call(gateway, get(path));
    assertThat(response.status()).as(path).isEqualTo(200);
    return response.bodyAsString();
  }
}
