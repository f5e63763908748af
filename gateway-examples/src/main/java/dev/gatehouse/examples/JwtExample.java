package dev.gatehouse.examples;

import dev.gatehouse.Gateway;
import dev.gatehouse.authorizer.Authorizers;
import dev.gatehouse.integration.Integrations;
import java.net.URI;

public final class JwtExample {
  /** @param jwksUri such as {@code https://login.example.com/.well-known/jwks.json} */
  public static Gateway shop(URI jwksUri) {
    return Gateway.builder()
        .httpApi("shop", api -> api
            .authorizer(Authorizers.jwt("users")
                .issuer("https://login.example.com")
                .audience("shop-api")
                .jwksUri(jwksUri))
            .defaultAuthorizer("users")
            .route("GET /orders", Integrations.mock(200, "[]"))
            .route("POST /orders", Integrations.mock(201, "{}"), route -> route.scopes("orders:write"))
            .route("GET /health", Integrations.mock(200, "ok"), route -> route.noAuthorizer()))
        .build();
    // GET /orders without a token -> 401 {"message":"Unauthorized"}
    // POST /orders with a valid token lacking orders:write -> 403
  }
}
