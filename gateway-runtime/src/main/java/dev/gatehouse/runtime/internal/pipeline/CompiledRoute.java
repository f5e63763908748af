package dev.gatehouse.runtime.internal.pipeline;

import dev.gatehouse.GatewayResponse;
import dev.gatehouse.RouteDefinition;
import java.util.concurrent.CompletionStage;

/**
 * A route ready to serve: its definition, the names its parameters bind to, and its own chain of
 * steps (guards, then the integration), linked once at deployment.
 */
public final class CompiledRoute {
  private final CompiledApi api;
  private final RouteDefinition definition;
  private final String routeKey;
  /** Shared by every request's parameter map, which never changes it. */
  private final Object[] parameterNames;
  private Step.Next chain;

  CompiledRoute(CompiledApi api, RouteDefinition definition) {
    this.api = api;
    this.definition = definition;
    this.routeKey = definition.key().toString();
    this.parameterNames =
        definition.key().path() == null ? new Object[0] : definition.key().path().parameterNames().toArray();
  }

  public CompiledApi api() {
    return api;
  }

  public RouteDefinition definition() {
    return definition;
  }

  /** The key as written, such as {@code GET /pets/{id}}. */
  public String routeKey() {
    return routeKey;
  }

  /** The template, such as {@code /pets/{id}}; {@code null} for {@code $default} and WebSocket routes. */
  public String resourceTemplate() {
    return definition.key().path() == null ? null : definition.key().path().text();
  }

  /** Runs the route's own steps (guards, then the integration) for an exchange routed to it. */
  public CompletionStage<GatewayResponse> run(Exchange ex) {
    return chain.proceed(ex);
  }

  Object[] parameterNames() {
    return parameterNames;
  }

  Step.Next chain() {
    return chain;
  }

  void link(Step.Next chain) {
    this.chain = chain;
  }

  /** {@code restApi "petstore" › route "GET /pets"}, for logs. */
  public String label() {
    return api.definition().label() + " › route \"" + routeKey + "\"";
  }
}
