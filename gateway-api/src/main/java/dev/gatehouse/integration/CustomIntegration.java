package dev.gatehouse.integration;

import dev.gatehouse.GatewayResponse;
import java.util.concurrent.CompletionStage;

/**
 * An integration the application writes itself: a request in, a stage of the response out. It is
 * called on the request's thread after the route's guards admitted the request, so it must not
 * block; do blocking work on an executor of your own and complete the stage from there. The
 * route's timeout applies (504 {@code INTEGRATION_TIMEOUT}); a throw, a failed or {@code null}
 * stage, or a {@code null} response gives 502 and one log line with the cause. The response is
 * finished like any other: request ID and the API's gateway-response overrides apply.
 *
 * <pre>{@code
 * CustomIntegration inventory = request -> CompletableFuture.completedFuture(
 *     GatewayResponse.builder(200)
 *         .header("Content-Type", "text/plain")
 *         .body("stock of " + request.pathParameters().get("sku") + ": 7")
 *         .build());
 * api.route("GET /stock/{sku}", inventory);
 * }</pre>
 */
@FunctionalInterface
public interface CustomIntegration extends Integration {
  /**
   * Answers one request. Called once per request, possibly from many threads at once.
   *
   * @return a stage completed with the response; never {@code null}
   */
  CompletionStage<GatewayResponse> call(IntegrationRequest request);
}
