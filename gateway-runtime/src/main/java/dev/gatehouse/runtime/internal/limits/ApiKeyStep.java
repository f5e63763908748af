package dev.gatehouse.runtime.internal.limits;

import dev.gatehouse.ApiKey;
import dev.gatehouse.GatewayDefinition;
import dev.gatehouse.GatewayResponse;
import dev.gatehouse.GatewayResponseType;
import dev.gatehouse.UsagePlanDefinition;
import dev.gatehouse.runtime.internal.pipeline.Exchange;
import dev.gatehouse.runtime.internal.pipeline.Step;
import dev.gatehouse.spi.ApiKeyStore;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The API key guard of a route that requires one: the {@code x-api-key} header must name an enabled
 * key of a usage plan covering the request's API stage, else 403 {@code INVALID_API_KEY}, the same
 * answer for a missing, unknown, disabled or out-of-plan key so that it reveals nothing. An admitted
 * request carries the key and its plan on; its ID (never its value) reaches
 * {@code $context.identity.apiKeyId}.
 */
public final class ApiKeyStep implements Step {
  static final String HEADER = "x-api-key";
  private static final Logger LOG = LoggerFactory.getLogger(ApiKeyStep.class);

  private final ApiKeyStore store;
  private final GatewayDefinition definition;
  private final boolean fromAuthorizer;

  /**
   * @param fromAuthorizer whether the key is the function authorizer's {@code usageIdentifierKey}
   *     (AWS's key source {@code AUTHORIZER}) rather than the {@code x-api-key} header
   */
  public ApiKeyStep(ApiKeyStore store, GatewayDefinition definition, boolean fromAuthorizer) {
    this.store = store;
    this.definition = definition;
    this.fromAuthorizer = fromAuthorizer;
  }

  @Override
  public CompletionStage<GatewayResponse> apply(Exchange ex, Next next) {
    String presented = fromAuthorizer ? ex.usageIdentifierKey() : ex.request().headers().first(HEADER);
    if (presented == null || presented.isEmpty()) {
      return refuse(ex);
    }
    CompletionStage<Optional<ApiKey>> found;
    try {
      found = store.findByValue(presented);
    } catch (RuntimeException e) {
      found = CompletableFuture.failedFuture(e);
    }
    return found.handle((key, failure) -> {
      if (failure != null) {
        // failing open would admit anyone: the request fails, visibly, instead
        LOG.error("{}: the API key store failed, answering 500 (request {})", ex.route().label(), ex.requestId(),
            failure);
        return CompletableFuture.completedFuture(
            ex.api().responses().get(GatewayResponseType.API_CONFIGURATION_ERROR));
      }
      UsagePlanDefinition plan = key.isPresent() && key.get().enabled() ? planOf(key.get(), ex) : null;
      if (plan == null) {
        return refuse(ex);
      }
      ex.admit(key.get(), plan);
      return next.proceed(ex);
    }).thenCompose(stage -> stage);
  }

  /** The key's plan covering the request's API stage; a key is in at most one such plan. */
  private UsagePlanDefinition planOf(ApiKey key, Exchange ex) {
    for (String name : key.usagePlans()) {
      UsagePlanDefinition plan = definition.usagePlan(name);
      if (plan != null && plan.stage(ex.api().definition().name(), ex.stage().name()) != null) {
        return plan;
      }
    }
    return null;
  }

  private static CompletionStage<GatewayResponse> refuse(Exchange ex) {
    return CompletableFuture.completedFuture(ex.api().responses().get(GatewayResponseType.INVALID_API_KEY));
  }
}
