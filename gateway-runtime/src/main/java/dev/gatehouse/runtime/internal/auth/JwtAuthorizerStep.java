package dev.gatehouse.runtime.internal.auth;

import dev.gatehouse.GatewayResponse;
import dev.gatehouse.GatewayResponseType;
import dev.gatehouse.authorizer.IdentitySource;
import dev.gatehouse.runtime.internal.pipeline.Exchange;
import dev.gatehouse.runtime.internal.pipeline.Step;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A route's JWT guard, as AWS's HTTP API JWT authorizer answers: no token, or one that fails a check,
 * gets 401 {@code UNAUTHORIZED} with {@code www-authenticate: Bearer ... error="invalid_token"
 * error_description="..."} saying which check; a valid token without any of the route's scopes gets
 * 403 {@code ACCESS_DENIED} with {@code error="insufficient_scope"}. An admitted request carries the
 * claims and scopes on in {@code $context.authorizer}.
 */
final class JwtAuthorizerStep implements Step {
  static final String WWW_AUTHENTICATE = "www-authenticate";

  private final JwtVerifier verifier;
  private final IdentitySource source;
  private final List<String> routeScopes;
  private final String scopeAttribute;

  JwtAuthorizerStep(JwtVerifier verifier, IdentitySource source, List<String> routeScopes) {
    this.verifier = verifier;
    this.source = source;
    this.routeScopes = routeScopes;
    this.scopeAttribute = String.join(" ", routeScopes);
  }

  @Override
  public CompletionStage<GatewayResponse> apply(Exchange ex, Next next) {
    String value = Tokens.read(source, ex);
    if (value == null) {
      return CompletableFuture.completedFuture(unauthorized(ex, null));
    }
    String token = Tokens.withoutBearer(value);
    Verdict remembered = verifier.remembered(token);
    if (remembered != null) {
      return decide(ex, next, remembered);
    }
    return verifier.verify(token).thenCompose(verdict -> decide(ex, next, verdict));
  }

  private CompletionStage<GatewayResponse> decide(Exchange ex, Next next, Verdict verdict) {
    if (!verdict.isAdmitted()) {
      return CompletableFuture.completedFuture(unauthorized(ex, verdict.problem()));
    }
    if (!routeScopes.isEmpty() && verdict.authorization().scopes().stream().noneMatch(routeScopes::contains)) {
      GatewayResponse denied = ex.api().responses().get(GatewayResponseType.ACCESS_DENIED);
      return CompletableFuture.completedFuture(denied.toBuilder()
          .setHeader(WWW_AUTHENTICATE, "Bearer scope=\"" + scopeAttribute
              + "\" error=\"insufficient_scope\" error_description=\"the token does not have the required scopes\"")
          .build());
    }
    ex.authorize(verdict.authorization());
    return next.proceed(ex);
  }

  private GatewayResponse unauthorized(Exchange ex, String problem) {
    GatewayResponse refusal = ex.api().responses().get(GatewayResponseType.UNAUTHORIZED);
    String challenge = problem == null
        ? "Bearer"
        : "Bearer scope=\"" + scopeAttribute + "\" error=\"invalid_token\" error_description=\"" + problem + "\"";
    return refusal.toBuilder().setHeader(WWW_AUTHENTICATE, challenge).build();
  }
}
