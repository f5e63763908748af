package dev.gatehouse.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.Gateway;
import dev.gatehouse.GatewayDefinitionException;
import dev.gatehouse.GatewayRequest;
import dev.gatehouse.GatewayResponse;
import dev.gatehouse.integration.Integrations;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

/** The README's code is the code that compiles here, and it does what the README says. */
class QuickStartTest {

  @Test
  void readmeShowsQuickStartAsItIs() throws Exception {
    assertThat(Readme.exampleWithoutPackage("QuickStart")).isEqualTo(Readme.javaBlockAfter(null));
  }


  @Test
  void quickStartAnswersAsItsCommentSays() throws Exception {
    Gateway gateway = QuickStart.petstore();
    try {
      GatewayResponse response = gateway.handle(GatewayRequest.builder("GET", "/prod/pets/7")
          .header("Host", "127.0.0.1:8080").build()).toCompletableFuture().get(10, TimeUnit.SECONDS);

      assertThat(response.status()).isEqualTo(200);
      assertThat(response.bodyAsString()).isEqualTo("{\"id\":\"7\"}");
    } finally {
      gateway.close();
    }
  }

  @Test
  void readmeShowsRealBuildErrors() throws Exception {
    String readme = Readme.text();
    GatewayDefinitionException error = Assertions.catchThrowableOfType(GatewayDefinitionException.class, () ->
        Gateway.builder().restApi("petstore", api -> api
            .stage("prod")
            .route("GET /pets/{id", Integrations.mock(200))
            .route("GET /slow", Integrations.mock(200), route -> route.timeout(Duration.ofSeconds(-1))))
            .definition());

    assertThat(error.problems()).hasSize(2);
    for (String problem : error.problems()) {
      assertThat(readme).contains(problem);
    }
  }
}
