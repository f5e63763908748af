package dev.gatehouse.runtime;

import static dev.gatehouse.runtime.LimitsFixture.KEY_A;
import static dev.gatehouse.runtime.LimitsFixture.KEY_B;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.ApiDefinition;
import dev.gatehouse.GatewayBuilder;
import dev.gatehouse.GatewayResponse;
import dev.gatehouse.testing.Race;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ThrottlingTest {
  private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");

  private LimitsFixture fixture;

  @AfterEach
  void close() {
    fixture.close();
  }

  private LimitsFixture start(Consumer<ApiDefinition.Builder> api, UnaryOperator<GatewayBuilder> gateway) {
    fixture = new LimitsFixture(NOW, api, gateway);
    return fixture;
  }

  private static void assertThrottled(GatewayResponse response) {
    LimitsFixture.assertGatewayError(response, 429, "Too Many Requests", "TooManyRequestsException");
  }

  @Test
  void throttledRequestGets429AndTheBucketRefillsAtItsRate() {
    start(api -> api.stage("prod"), gateway -> gateway
        .usagePlan("basic", plan -> plan.stage("petstore", "prod").throttle(2, 4).apiKey("a", KEY_A)));

    assertThat(fixture.admitted(4, "GET", "/prod/pets", KEY_A)).as("the burst").isEqualTo(4);
    assertThrottled(fixture.get("/prod/pets", KEY_A));

    fixture.clock.advance(Duration.ofMillis(499));
    assertThrottled(fixture.get("/prod/pets", KEY_A));
    fixture.clock.advance(Duration.ofMillis(1));
    assertThat(fixture.get("/prod/pets", KEY_A).status()).as("one token per 500 ms").isEqualTo(200);
    assertThrottled(fixture.get("/prod/pets", KEY_A));

    fixture.clock.advance(Duration.ofSeconds(10));
    assertThat(fixture.admitted(10, "GET", "/prod/pets", KEY_A)).as("refilled to the burst, no further").isEqualTo(4);
  }

  @Test
  void eachKeyHasItsOwnBucketInThePlan() {
    start(api -> api.stage("prod"), gateway -> gateway
        .usagePlan("basic", plan -> plan.stage("petstore", "prod").throttle(0, 2)
            .apiKey("a", KEY_A).apiKey("b", KEY_B)));

    assertThat(fixture.admitted(3, "GET", "/prod/pets", KEY_A)).isEqualTo(2);
    assertThat(fixture.admitted(3, "GET", "/prod/pets", KEY_B)).isEqualTo(2);
  }

  @Test
  void perRouteThrottleInThePlanIsCheckedBeforeThePlanDefault() {
    start(api -> api.stage("prod"), gateway -> gateway
        .usagePlan("basic", plan -> plan
            .stage("petstore", "prod", stage -> stage.throttle("POST /pets", 0, 1))
            .throttle(0, 5)
            .apiKey("a", KEY_A)));

    assertThat(fixture.admitted(3, "POST", "/prod/pets", KEY_A)).as("the route's bucket of 1").isEqualTo(1);
    assertThat(fixture.admitted(10, "GET", "/prod/pets", KEY_A))
        .as("the plan's bucket of 5, less the POST it admitted").isEqualTo(4);
  }

  @Test
  void stageDefaultGivesEachRouteItsOwnBucketAndARouteThrottleReplacesIt() {
    start(api -> api.stage("prod", stage -> stage.throttle(0, 2).throttle("POST /pets", 0, 1)), gateway -> gateway
        .usagePlan("basic", plan -> plan.stage("petstore", "prod").apiKey("a", KEY_A)));

    assertThat(fixture.admitted(5, "GET", "/prod/open", null)).as("no key needed for the stage limit").isEqualTo(2);
    assertThat(fixture.admitted(5, "GET", "/prod/pets", KEY_A)).as("another route, another bucket").isEqualTo(2);
    assertThat(fixture.admitted(5, "POST", "/prod/pets", KEY_A)).isEqualTo(1);
  }

  @Test
  void accountLimitAppliesToEveryRequestOfTheGateway() {
    start(api -> api.stage("prod").stage("test"), gateway -> gateway.accountThrottle(0, 3));

    assertThat(fixture.admitted(2, "GET", "/prod/open", null)).isEqualTo(2);
    assertThat(fixture.admitted(2, "GET", "/test/open", null)).as("one bucket across stages").isEqualTo(1);
    assertThrottled(fixture.get("/prod/open", null));
  }

  @Test
  void rateLimitHeadersAreOptInAndDescribeTheBucketClosestToEmpty() {
    start(api -> api.stage("prod", stage -> stage.throttle(1, 3)).rateLimitHeaders(), gateway -> gateway);

    GatewayResponse first = fixture.get("/prod/open", null);
    assertThat(first.headers().first("X-RateLimit-Limit")).isEqualTo("3");
    assertThat(first.headers().first("X-RateLimit-Remaining")).isEqualTo("2");
    assertThat(first.headers().first("X-RateLimit-Reset")).isEqualTo("1");
    fixture.get("/prod/open", null);
    fixture.get("/prod/open", null);

    GatewayResponse refused = fixture.get("/prod/open", null);
    assertThrottled(refused);
    assertThat(refused.headers().first("Retry-After")).isEqualTo("1");
    assertThat(refused.headers().first("X-RateLimit-Remaining")).isEqualTo("0");
    assertThat(refused.headers().first("X-RateLimit-Reset")).isEqualTo("3");
  }

  @Test
  void withoutRateLimitHeadersA429CarriesOnlyAwsHeaders() {
    start(api -> api.stage("prod", stage -> stage.throttle(0, 0)), gateway -> gateway);

    GatewayResponse refused = fixture.get("/prod/open", null);

    assertThrottled(refused);
    assertThat(refused.headers().contains("Retry-After")).isFalse();
    assertThat(refused.headers().contains("X-RateLimit-Limit")).isFalse();
  }

  @Test
  void concurrentClientsRacingOneBucketGetExactlyItsBurstThroughTheGateway() throws Exception {
    start(api -> api.stage("prod"), gateway -> gateway
        .usagePlan("basic", plan -> plan.stage("petstore", "prod").throttle(0, 100).apiKey("a", KEY_A)));

    int ok = Race.countTrue(1_000, () -> {
      int status = fixture.get("/prod/pets", KEY_A).status();
      assertThat(status).isIn(200, 429);
      return status == 200;
    });

    assertThat(ok).isEqualTo(100);
  }
}
