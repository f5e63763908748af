package dev.gatehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.integration.Integrations;
import dev.gatehouse.spi.GatewayEngine;
import java.util.ServiceLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** gateway-api alone has no engine: building says which artifact is missing. */
class MissingEngineTest {

  @BeforeAll
  static void runtimeIsNotOnTheClassPath() {
    assertThat(ServiceLoader.load(GatewayEngine.class).findFirst()).isEmpty();
  }

  @Test
  void buildWithoutEngineNamesTheRuntimeArtifact() {
    GatewayBuilder gateway = Gateway.builder()
        .restApi("petstore", api -> api.stage("prod").route("GET /pets", Integrations.mock(200)));

    assertThatThrownBy(gateway::build)
        .isExactlyInstanceOf(IllegalStateException.class)
        .hasMessage("No Gatehouse engine found on the class path (expected: the dev.gatehouse:gateway-runtime "
            + "artifact as a dependency, which provides dev.gatehouse.spi.GatewayEngine through ServiceLoader)");
  }

  @Test
  void definitionWorksWithoutEngine() {
    GatewayDefinition definition = Gateway.builder()
        .restApi("petstore", api -> api.stage("prod").route("GET /pets", Integrations.mock(200)))
        .definition();

    assertThat(definition.api("petstore").routes()).extracting(r -> r.key().toString()).containsExactly("GET /pets");
  }

  @Test
  void brokenDefinitionIsReportedBeforeTheMissingEngine() {
    GatewayBuilder gateway = Gateway.builder()
        .restApi("petstore", api -> api.stage("prod").route("GET /pets", Integrations.mock(200)))
        .maxRequestBodyBytes(0);

    assertThatThrownBy(gateway::build)
        .isInstanceOf(GatewayDefinitionException.class)
        .hasMessage("maxRequestBodyBytes: 0 (expected: > 0)");
  }
}
