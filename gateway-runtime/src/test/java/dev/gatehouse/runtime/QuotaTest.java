package dev.gatehouse.runtime;

import static dev.gatehouse.runtime.LimitsFixture.KEY_A;
import static dev.gatehouse.runtime.LimitsFixture.KEY_B;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.GatewayResponse;
import dev.gatehouse.Quota;
import dev.gatehouse.QuotaPeriod;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QuotaTest {
  private LimitsFixture fixture;

  @AfterEach
  void close() {
    fixture.close();
  }

  private LimitsFixture start(Instant now, Quota quota, boolean headers) {
    fixture = new LimitsFixture(now, api -> {
      api.stage("prod");
      if (headers) {
        api.rateLimitHeaders();
      }
    }, gateway -> gateway.usagePlan("basic", plan -> plan.stage("petstore", "prod").quota(quota)
        .apiKey("a", KEY_A).apiKey("b", KEY_B)));
    return fixture;
  }

  private static void assertQuotaExceeded(GatewayResponse response) {
    LimitsFixture.assertGatewayError(response, 429, "Limit Exceeded", "LimitExceededException");
  }

  /**
   * The quota runs out just before the period boundary and is whole again just after it, in UTC:
   * days at midnight, weeks on Monday at midnight, months on the 1st at midnight.
   */
  @ParameterizedTest
  @CsvSource({
      "DAY,   2026-11-24T23:59:59Z, 2026-11-25T00:00:00Z",
      "WEEK,  2026-11-29T23:59:59Z, 2026-11-30T00:00:00Z",
      "MONTH, 2026-11-30T23:59:59Z, 2026-12-01T00:00:00Z"})
  void quotaIsExhaustedUntilThePeriodBoundaryInUtc(QuotaPeriod period, Instant lastSecond, Instant boundary) {
    start(Instant.parse("2026-11-24T10:00:00Z"), Quota.of(3, period), false);
    assertThat(fixture.admitted(3, "GET", "/prod/pets", KEY_A)).isEqualTo(3);
    assertQuotaExceeded(fixture.get("/prod/pets", KEY_A));

    fixture.clock.set(lastSecond);
    assertQuotaExceeded(fixture.get("/prod/pets", KEY_A));
    fixture.clock.set(boundary);
    assertThat(fixture.admitted(4, "GET", "/prod/pets", KEY_A)).isEqualTo(3);
  }

  @Test
  void eachKeyHasItsOwnQuotaAndRefusedRequestsDoNotCount() {
    start(Instant.parse("2026-11-24T10:00:00Z"), Quota.of(2, QuotaPeriod.DAY), false);

    assertThat(fixture.admitted(5, "GET", "/prod/pets", KEY_A)).isEqualTo(2);
    assertThat(fixture.admitted(5, "GET", "/prod/pets", KEY_B)).isEqualTo(2);
    assertThat(fixture.events).hasSize(4);
  }

  @Test
  void offsetIsSubtractedInTheFirstPeriodOnly() {
    start(Instant.parse("2026-11-17T10:00:00Z"), Quota.of(10, QuotaPeriod.MONTH).withOffset(7), false);

    assertThat(fixture.admitted(10, "GET", "/prod/pets", KEY_A)).as("November: 10 - 7").isEqualTo(3);
    fixture.clock.set(Instant.parse("2026-12-01T00:00:00Z"));
    assertThat(fixture.admitted(12, "GET", "/prod/pets", KEY_A)).as("December: the whole limit").isEqualTo(10);
  }

  @Test
  void quotaRefusalCarriesRetryAfterUntilTheNextPeriodWhenHeadersAreOn() {
    start(Instant.parse("2026-11-24T23:00:00Z"), Quota.of(1, QuotaPeriod.DAY), true);
    fixture.get("/prod/pets", KEY_A);

    GatewayResponse refused = fixture.get("/prod/pets", KEY_A);

    assertQuotaExceeded(refused);
    assertThat(refused.headers().first("Retry-After")).isEqualTo("3600");
    assertThat(refused.headers().first("X-RateLimit-Limit")).isEqualTo("1");
    assertThat(refused.headers().first("X-RateLimit-Remaining")).isEqualTo("0");
  }

  @Test
  void zeroQuotaRefusesEveryKeyedRequestButNotOpenRoutes() {
    start(Instant.parse("2026-11-24T10:00:00Z"), Quota.of(0, QuotaPeriod.DAY), false);

    assertQuotaExceeded(fixture.get("/prod/pets", KEY_A));
    assertThat(fixture.get("/prod/open", KEY_A).status()).isEqualTo(200);
    fixture.clock.advance(Duration.ofDays(1));
    assertQuotaExceeded(fixture.get("/prod/pets", KEY_A));
  }
}
