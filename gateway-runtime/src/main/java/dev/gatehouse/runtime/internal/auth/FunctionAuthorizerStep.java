package dev.gatehouse.runtime.internal.auth;

import dev.gatehouse.GatewayResponse;
import dev.gatehouse.GatewayResponseType;
import dev.gatehouse.RequestContext;
import dev.gatehouse.authorizer.FunctionAuthorizer;
import dev.gatehouse.authorizer.IdentitySource;
import dev.gatehouse.authorizer.Unauthorized;
import dev.gatehouse.runtime.internal.pipeline.CompiledRoute;
import dev.gatehouse.runtime.internal.pipeline.Exchange;
import dev.gatehouse.runtime.internal.pipeline.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A route's function-authorizer guard, with AWS's answers: a missing identity source (or a TOKEN
 * that fails the validation expression) is 401 {@code UNAUTHORIZED} without calling the function;
 * the function's {@link Unauthorized} is 401; a policy that does not allow this method ARN (or a
 * simple {@code false}) is 403 {@code ACCESS_DENIED}; a function that throws or times out is 500
 * {@code AUTHORIZER_FAILURE}, and one whose answer AWS would refuse is 500
 * {@code AUTHORIZER_CONFIGURATION_ERROR}. An allowed request carries the principal and context on
 * in {@code $context.authorizer}, and the answer's {@code usageIdentifierKey} to the API key guard.
 */
final class FunctionAuthorizerStep implements Step {
  private static final Logger LOG = LoggerFactory.getLogger(FunctionAuthorizerStep.class);

  private final FunctionAuthorizerRuntime runtime;
  private final FunctionAuthorizer definition;
  private final Pattern validation;
  private final String label;

  FunctionAuthorizerStep(FunctionAuthorizerRuntime runtime, CompiledRoute route) {
    this.runtime = runtime;
    this.definition = runtime.definition();
    this.validation = definition.validationExpression() == null ? null : Pattern.compile(definition.validationExpression());
    this.label = route.label() + " › authorizer \"" + definition.name() + "\"";
  }

  @Override
  public CompletionStage<GatewayResponse> apply(Exchange ex, Next next) {
    List<String> identity = new ArrayList<>(definition.identitySources().size());
    for (IdentitySource source : definition.identitySources()) {
      String value = Tokens.read(source, ex);
      if (value == null) {
        return refuse(ex, GatewayResponseType.UNAUTHORIZED);
      }
      identity.add(value);
    }
    if (validation != null && !validation.matcher(identity.get(0)).matches()) {
      return refuse(ex, GatewayResponseType.UNAUTHORIZED);
    }
    String methodArn = MethodArns.of(ex);
    String key = String.join("\u0000", identity);
    CompletableFuture<PolicyDecision> decision = runtime.decide(key, () -> event(ex, identity, methodArn));
    return decision.handle((answer, failure) -> {
      if (failure != null) {
        runtime.forget(key, decision);
      }
      return decide(ex, next, methodArn, answer, failure);
    }).thenCompose(stage -> stage);
  }

  private Object event(Exchange ex, List<String> identity, String methodArn) {
    return switch (definition.kind()) {
      case TOKEN -> AuthorizerEvents.token(identity.get(0), methodArn);
      case REQUEST -> AuthorizerEvents.request(ex, identity, methodArn);
      case REQUEST_V2, SIMPLE -> AuthorizerEvents.requestV2(ex, identity, methodArn);
    };
  }

  private CompletionStage<GatewayResponse> decide(Exchange ex, Next next, String methodArn, PolicyDecision answer,
      Throwable failure) {
    Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    if (cause instanceof Unauthorized) {
      return refuse(ex, GatewayResponseType.UNAUTHORIZED);
    }
    if (cause instanceof PolicyDecision.MalformedAnswerException) {
      LOG.error("{}: malformed answer, answering 500: {} (request {})", label, cause.getMessage(), ex.requestId());
      return refuse(ex, GatewayResponseType.AUTHORIZER_CONFIGURATION_ERROR);
    }
    if (cause instanceof TimeoutException) {
      LOG.error("{}: no answer within {}, answering 500 (request {})", label, definition.timeout(), ex.requestId());
      return refuse(ex, GatewayResponseType.AUTHORIZER_FAILURE);
    }
    if (cause != null) {
      LOG.error("{}: the authorizer failed, answering 500 (request {})", label, ex.requestId(), cause);
      return refuse(ex, GatewayResponseType.AUTHORIZER_FAILURE);
    }
    if (!answer.allows(methodArn)) {
      return refuse(ex, GatewayResponseType.ACCESS_DENIED);
    }
    ex.authorize(new RequestContext.Authorization(answer.principalId(), Map.of(), List.of(), answer.context()),
        answer.usageIdentifierKey());
    if (answer.allows(PolicyDecision.INVALIDATE_CACHE, methodArn)) {
      ex.allowCacheInvalidation();
    }
    return next.proceed(ex);
  }

  private static CompletionStage<GatewayResponse> refuse(Exchange ex, GatewayResponseType type) {
    return CompletableFuture.completedFuture(ex.api().responses().get(type));
  }
}
