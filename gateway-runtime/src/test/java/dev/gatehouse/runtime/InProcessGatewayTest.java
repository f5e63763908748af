package dev.gatehouse.runtime;

import static dev.gatehouse.runtime.Requests.call;
import static dev.gatehouse.runtime.Requests.get;
import static dev.gatehouse.runtime.Requests.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.Gateway;
import dev.gatehouse.GatewayResponse;
import dev.gatehouse.GatewayResponseType;
import dev.gatehouse.event.ProxyEventV1;
import dev.gatehouse.event.ProxyResponseV1;
import dev.gatehouse.integration.Integrations;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class InProcessGatewayTest {
  private final AtomicReference<ProxyEventV1> seen = new AtomicReference<>();
  private final Gateway gateway = Gateway.builder()
      .restApi("petstore", api -> api
          .stage("prod", stage -> stage.variable("color", "blue"))
          .route("GET /pets/{id}", Integrations.function(event -> {
            seen.set(event);
            return ProxyResponseV1.builder(200).header("X-Pet", event.pathParameters().get("id")).body("pet").build();
          }))
          .route("GET /ping", Integrations.mock(200, "{\"ok\":true}")))
      .build();

  @AfterEach
  void close() {
    gateway.close();
  }

  @Test
  void functionRouteReceivesPathParametersAndStageVariables() {
    GatewayResponse response = call(gateway, get("/prod/pets/7?verbose=true"));

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.bodyAsString()).isEqualTo("pet");
    assertThat(response.headers().first("X-Pet")).isEqualTo("7");
    assertThat(response.headers().first("Content-Type")).isEqualTo("application/json");
    assertThat(response.headers().first("x-amzn-RequestId")).isEqualTo(seen.get().requestContext().requestId());
    assertThat(seen.get().stageVariables()).containsEntry("color", "blue");
    assertThat(seen.get().queryStringParameters()).containsEntry("verbose", "true");
  }

  @Test
  void mockRouteAnswersFixedBody() {
    GatewayResponse response = call(gateway, get("/prod/ping"));

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.bodyAsString()).isEqualTo("{\"ok\":true}");
  }

  @Test
  void unknownRouteOfRestApiGets403MissingAuthenticationToken() {
    GatewayResponse response = call(gateway, request("POST", "/prod/pets/7"));

    assertThat(response.status()).isEqualTo(403);
    assertThat(response.bodyAsString()).isEqualTo("{\"message\":\"Missing Authentication Token\"}");
    assertThat(response.headers().first("x-amzn-ErrorType")).isEqualTo("MissingAuthenticationTokenException");
    assertThat(response.headers().first("x-amzn-RequestId")).isNotBlank();
  }

  @Test
  void unknownStageGets403() {
    assertThat(call(gateway, get("/dev/pets/7")).status()).isEqualTo(GatewayResponseType.MISSING_AUTHENTICATION_TOKEN.defaultStatus());
  }
}
