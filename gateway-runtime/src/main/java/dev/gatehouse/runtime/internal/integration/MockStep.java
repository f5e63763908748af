package dev.gatehouse.runtime.internal.integration;

import dev.gatehouse.GatewayResponse;
import dev.gatehouse.GatewayResponseType;
import dev.gatehouse.integration.MockIntegration;
import dev.gatehouse.integration.MockRequest;
import dev.gatehouse.runtime.internal.pipeline.CompiledRoute;
import dev.gatehouse.runtime.internal.pipeline.Exchange;
import dev.gatehouse.runtime.internal.pipeline.Step;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** AWS's mock integration: a fixed answer built once, or one computed on the request's thread. */
final class MockStep implements Step {
  private static final Logger LOG = LoggerFactory.getLogger(MockStep.class);

  private final CompiledRoute route;
  private final MockIntegration mock;
  private final GatewayResponse fixed;

  MockStep(CompiledRoute route, MockIntegration mock) {
    this.route = route;
    this.mock = mock;
    this.fixed = mock.responder() == null ? mock.fixedResponse() : null;
  }

  @Override
  public CompletionStage<GatewayResponse> apply(Exchange ex, Next next) {
    if (fixed != null) {
      return CompletableFuture.completedFuture(fixed);
    }
    GatewayResponse response;
    try {
      response = mock.responder().respond(
          new MockRequest(ex.request(), ex.context(), ex.pathParameters(), ex.query()));
    } catch (RuntimeException e) {
      LOG.error("{}: mock responder failed, answering 502 (request {})", route.label(), ex.requestId(), e);
      return CompletableFuture.completedFuture(ex.api().responses().get(GatewayResponseType.BAD_GATEWAY));
    }
    if (response == null) {
      LOG.error("{}: mock responder returned null, answering 502 (request {})", route.label(), ex.requestId());
      return CompletableFuture.completedFuture(ex.api().responses().get(GatewayResponseType.BAD_GATEWAY));
    }
    return CompletableFuture.completedFuture(response);
  }
}
