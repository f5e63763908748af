package dev.gatehouse.authorizer;

import java.util.List;

/**
 * An authorizer of an API: a name that routes refer to ({@code route.authorizer("users")}) and its
 * kind's settings. Create one with {@link Authorizers}; each is an immutable value that the runtime
 * turns into a running guard when the gateway is built.
 */
public interface AuthorizerDefinition {
  /** The name routes use, unique in the API: {@code [A-Za-z0-9._-]{1,128}}, checked by the API. */
  String name();

  /** Whether routes using it may list OAuth scopes ({@code route.scopes(...)}): JWT authorizers only, as in AWS. */
  default boolean checksScopes() {
    return false;
  }

  /**
   * Problems with this authorizer's own fields besides its name, each as
   * {@code field: value (expected: rule)}; the API reports them at {@code build()} under the
   * authorizer's name.
   */
  List<String> problems();
}
