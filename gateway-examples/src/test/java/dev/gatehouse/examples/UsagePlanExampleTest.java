package dev.gatehouse.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.Gateway;
import dev.gatehouse.GatewayRequest;
import dev.gatehouse.GatewayResponse;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The README's usage-plan example is this class, and it answers as its comments say. */
class UsagePlanExampleTest {

  private final Gateway gateway = UsagePlanExample.petstore();

  @AfterEach
  void close() {
    gateway.close();
  }

  private GatewayResponse get(String path, String apiKey) throws Exception {
    GatewayRequest.Builder request = GatewayRequest.builder("GET", path).header("Host", "127.0.0.1:8080");
    if (apiKey != null) {
      request.header("x-api-key", apiKey);
    }
    return gateway.handle(request.build()).toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Test
  void readmeShowsTheExampleAsItIs() throws Exception {
    assertThat(Readme.exampleWithoutPackage("UsagePlanExample")).isEqualTo(Readme.javaBlockAfter("## API keys, usage plans and throttling"));
  }


  @Test
  void answersAsItsCommentsSay() throws Exception {
    GatewayResponse forbidden = get("/prod/pets", null);
    assertThat(forbidden.status()).isEqualTo(403);
    assertThat(forbidden.bodyAsString()).isEqualTo("{\"message\":\"Forbidden\"}");
    assertThat(get("/prod/health", null).status()).isEqualTo(200);

    for (int i = 0; i < 5; i++) {
      assertThat(get("/prod/pets", UsagePlanExample.DEMO_KEY).status()).as("the route's burst of 5").isEqualTo(200);
    }
    // the example runs on the system clock: a slow machine may refill a token or two meanwhile
    GatewayResponse refused = null;
    for (int i = 0; i < 20 && refused == null; i++) {
      GatewayResponse response = get("/prod/pets", UsagePlanExample.DEMO_KEY);
      refused = response.status() == 429 ? response : null;
    }

    assertThat(refused).as("a 429 once the burst is spent").isNotNull();
    assertThat(refused.bodyAsString()).isEqualTo("{\"message\":\"Too Many Requests\"}");
    assertThat(refused.headers().first("Retry-After")).isEqualTo("1");
  }
}
