package dev.gatehouse.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.RSAKey;
import dev.gatehouse.Gateway;
import dev.gatehouse.GatewayRequest;
import dev.gatehouse.GatewayResponse;
import dev.gatehouse.testing.JwksServer;
import dev.gatehouse.testing.TestTokens;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The README's JWT example is this class, and it answers as its comments say, against a real JWKS endpoint. */
class JwtExampleTest {
  private static final RSAKey KEY = TestTokens.rsaKey("example-key");

  private final JwksServer jwks = new JwksServer(KEY);
  private final Gateway gateway = JwtExample.shop(jwks.uri());

  @AfterEach
  void close() {
    gateway.close();
    jwks.close();
  }

  private GatewayResponse call(String method, String path, String scope) throws Exception {
    GatewayRequest.Builder request = GatewayRequest.builder(method, path).header("Host", "127.0.0.1:8080");
    if (scope != null) {
      request.header("Authorization", "Bearer " + TestTokens.sign(KEY,
          TestTokens.claims("https://login.example.com", "shop-api", Instant.now()).claim("scope", scope).build()));
    }
    return gateway.handle(request.build()).toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Test
  void readmeShowsTheExampleAsItIs() throws Exception {
    assertThat(Readme.exampleWithoutPackage("JwtExample")).isEqualTo(Readme.javaBlockAfter("## JWT authorizers"));
  }


  @Test
  void answersAsItsCommentsSay() throws Exception {
    GatewayResponse anonymous = call("GET", "/orders", null);
    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(anonymous.bodyAsString()).isEqualTo("{\"message\":\"Unauthorized\"}");

    assertThat(call("GET", "/orders", "orders:read").status()).isEqualTo(200);
    assertThat(call("POST", "/orders", "orders:read").status()).isEqualTo(403);
    assertThat(call("POST", "/orders", "orders:read orders:write").status()).isEqualTo(201);
    assertThat(call("GET", "/health", null).status()).isEqualTo(200);
  }
}
