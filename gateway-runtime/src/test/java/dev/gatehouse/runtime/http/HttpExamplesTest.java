package dev.gatehouse.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.Gateway;
import dev.gatehouse.GatewayRequest;
import dev.gatehouse.GatewayResponse;
import dev.gatehouse.integration.CustomIntegration;
import dev.gatehouse.integration.HttpIntegration;
import dev.gatehouse.integration.Integrations;
import dev.gatehouse.testing.Backend;
import dev.gatehouse.testing.Backend.Answer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The Javadoc examples of HTTP and custom integrations, written out and run against a real backend. */
class HttpExamplesTest {

  private static GatewayResponse call(Gateway gateway, GatewayRequest.Builder request) throws Exception {
    return gateway.handle(request.header("Host", "localhost").build()).toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Test
  void httpIntegrationBuilderExample() throws Exception {
    try (Backend backend = Backend.start()) {
      backend.enqueue(Answer.of(200, "{\"id\":7}"));
      Gateway gateway = Gateway.builder()
          .restApi("petstore", api -> api
              .stage("prod", stage -> stage.variable("petsUrl", backend.url()))
              .route("GET /pets/{id}",
                  // --- begin HttpIntegration.Builder Javadoc
                  Integrations.http("${stageVariables.petsUrl}/pets/{id}", http -> http
                      .connectTimeout(Duration.ofSeconds(2))
                      .requestParameter("integration.request.header.x-caller", "context.identity.sourceIp")
                      .circuitBreaker("pets", breaker -> breaker.failureRateThreshold(50).minimumNumberOfCalls(20))
                      .retry(retry -> retry.maxAttempts(2))
                      .bulkhead("pets", 200))
                  // --- end
              ))
          .build();
      try (gateway) {
        GatewayResponse response = call(gateway, GatewayRequest.builder("GET", "/prod/pets/7").sourceIp("192.0.2.4"));

        assertThat(response.bodyAsString()).isEqualTo("{\"id\":7}");
        Backend.Recorded seen = backend.takeRequest();
        assertThat(seen.rawPath()).isEqualTo("/pets/7");
        assertThat(seen.header("x-caller")).isEqualTo("192.0.2.4");
      }
    }
  }

  @Test
  void httpMappedExample() throws Exception {
    try (Backend backend = Backend.start()) {
      backend.enqueue(Answer.of(503, "busy").withHeader("x-backend-version", "3.1"));
      String url = backend.url();
      HttpIntegration orders =
          // --- begin Integrations.httpMapped Javadoc
          Integrations.httpMapped("http://127.0.0.1:9000/orders/{orderId}", http -> http
              .method("POST")
              .requestParameter("integration.request.path.orderId", "method.request.header.x-order")
              .requestParameter("integration.request.header.x-user", "context.authorizer.principalId")
              .responseParameter("method.response.header.x-version", "integration.response.header.x-backend-version")
              .responseStatus("5\\d\\d", 502))
          // --- end
          ;
      HttpIntegration here = Integrations.httpMapped(url + "/orders/{orderId}", http -> {
        http.method(orders.method());
        orders.requestParameters().forEach(http::requestParameter);
        orders.responseParameters().forEach(http::responseParameter);
        orders.responseStatuses().forEach(http::responseStatus);
      });
      try (Gateway gateway = Gateway.builder().httpApi("shop", api -> api.route("GET /order", here)).build()) {
        GatewayResponse response = call(gateway, GatewayRequest.builder("GET", "/order").header("x-order", "o-17"));

        assertThat(response.status()).isEqualTo(502);
        assertThat(response.headers().first("x-version")).isEqualTo("3.1");
        assertThat(response.headers().first("x-backend-version")).isNull();
        Backend.Recorded seen = backend.takeRequest();
        assertThat(seen.method()).isEqualTo("POST");
        assertThat(seen.rawPath()).isEqualTo("/orders/o-17");
      }
    }
  }

  @Test
  void customIntegrationExample() throws Exception {
    Gateway gateway = Gateway.builder().restApi("shop", api -> {
      api.stage("prod");
      // --- begin CustomIntegration Javadoc
      CustomIntegration inventory = request -> CompletableFuture.completedFuture(
          GatewayResponse.builder(200)
              .header("Content-Type", "text/plain")
              .body("stock of " + request.pathParameters().get("sku") + ": 7")
              .build());
      api.route("GET /stock/{sku}", inventory);
      // --- end
    }).build();
    try (gateway) {
      GatewayResponse response = call(gateway, GatewayRequest.builder("GET", "/prod/stock/A-1"));

      assertThat(response.bodyAsString()).isEqualTo("stock of A-1: 7");
      assertThat(response.headers().first("x-amzn-RequestId")).isNotNull();
    }
  }
}
