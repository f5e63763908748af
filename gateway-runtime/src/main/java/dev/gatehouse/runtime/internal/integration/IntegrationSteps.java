package dev.gatehouse.runtime.internal.integration;

import dev.gatehouse.GatewayDefinitionException;
import dev.gatehouse.integration.CustomIntegration;
import dev.gatehouse.integration.FunctionIntegration;
import dev.gatehouse.integration.HttpIntegration;
import dev.gatehouse.integration.Integration;
import dev.gatehouse.integration.MockIntegration;
import dev.gatehouse.runtime.internal.http.HttpIntegrations;
import dev.gatehouse.runtime.internal.pipeline.CompiledRoute;
import dev.gatehouse.runtime.internal.pipeline.Step;
import java.util.List;
import java.util.concurrent.Executor;

/** Makes the step that runs a route's integration. */
public final class IntegrationSteps {
  private IntegrationSteps() {}

  /**
   * The integration step of {@code route}.
   *
   * @throws GatewayDefinitionException for an integration type this runtime cannot run
   */
  public static Step create(CompiledRoute route, Executor handlerExecutor, HttpIntegrations http,
      long maxBodyBytes) {
    Integration integration = route.definition().integration();
    if (integration instanceof FunctionIntegration) {
      return new FunctionStep(route, (FunctionIntegration) integration, handlerExecutor);
    }
    if (integration instanceof MockIntegration) {
      return new MockStep(route, (MockIntegration) integration);
    }
    if (integration instanceof HttpIntegration) {
      return http.stepFor(route, (HttpIntegration) integration, maxBodyBytes);
    }
    if (integration instanceof CustomIntegration) {
      return new CustomStep(route, (CustomIntegration) integration);
    }
    throw new GatewayDefinitionException(List.of(route.label() + ": integration: "
        + integration.getClass().getName() + " (expected: an integration from Integrations, or a CustomIntegration)"));
  }
}
