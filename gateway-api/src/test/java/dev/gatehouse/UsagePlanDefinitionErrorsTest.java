package dev.gatehouse;

import static dev.gatehouse.DefinitionAssertions.OK;
import static dev.gatehouse.DefinitionAssertions.assertProblems;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UsagePlanDefinitionErrorsTest {
  private static final String VALUE_A = "demo-key-value-aaaaaaaaaa";
  private static final String VALUE_B = "demo-key-value-bbbbbbbbbb";

  private static GatewayBuilder petstore() {
    return Gateway.builder().restApi("petstore", api -> api
        .stage("prod")
        .stage("test")
        .route("GET /pets", OK, route -> route.apiKeyRequired())
        .route("POST /pets", OK));
  }

  @Test
  void negativeRateOrBurstAndBurstBelowOneWithAPositiveRate() {
    assertProblems(petstore()
            .accountThrottle(-1, 10)
            .usagePlan("basic", plan -> plan.stage("petstore", "prod").throttle(5, 0)),
        "accountThrottle.rateLimit: -1.0 (expected: a finite number of requests per second >= 0)",
        "usagePlan \"basic\": throttle.burstLimit: 0 (expected: >= 1 with a positive rateLimit)");
    assertProblems(Gateway.builder().restApi("petstore", api -> api
            .stage("prod", stage -> stage.throttle(10, -5).throttle("GET /pets", Double.NaN, 1))
            .route("GET /pets", OK)),
        "restApi \"petstore\" › stage \"prod\": throttle.burstLimit: -5 (expected: >= 0)",
        "restApi \"petstore\" › stage \"prod\": throttle \"GET /pets\".rateLimit: NaN "
            + "(expected: a finite number of requests per second >= 0)");
  }

  @Test
  void zeroRateWithZeroBurstIsAValidClosedBucket() {
    assertThat(petstore().accountThrottle(0, 0).definition().accountThrottle()).isEqualTo(Throttle.of(0, 0));
  }

  @Test
  void unknownApiStageOrRouteInAPlan() {
    assertProblems(petstore().usagePlan("basic", plan -> plan
            .stage("shop", "prod")
            .stage("petstore", "staging")
            .stage("petstore", "prod", stage -> stage.throttle("DELETE /pets", 1, 1))),
        "usagePlan \"basic\": stage api: \"shop\" (expected: one of [petstore])",
        "usagePlan \"basic\" › stage \"petstore/staging\": stage: \"staging\" "
            + "(expected: one of [prod, test] of restApi \"petstore\")",
        "usagePlan \"basic\" › stage \"petstore/prod\": throttle route: \"DELETE /pets\" "
            + "(expected: a route key of restApi \"petstore\": [GET /pets, POST /pets])");
  }

  @Test
  void stageThrottleForARouteTheApiDoesNotHave() {
    assertProblems(Gateway.builder().restApi("petstore", api -> api
            .stage("prod", stage -> stage.throttle("GET /cats", 1, 1))
            .route("GET /pets", OK)),
        "restApi \"petstore\" › stage \"prod\": throttle route: \"GET /cats\" "
            + "(expected: a route key of this API: [GET /pets])");
  }

  @Test
  void duplicateKeyValuesAndOneIdWithTwoValues() {
    assertProblems(petstore()
            .usagePlan("basic", plan -> plan.stage("petstore", "prod")
                .apiKey("a", VALUE_A)
                .apiKey("b", VALUE_A))
            .usagePlan("pro", plan -> plan.stage("petstore", "test").apiKey("a", VALUE_B)),
        "usagePlan \"basic\" › apiKey \"b\": value: the same as key \"a\"'s (expected: a value no other key has)",
        "usagePlan \"pro\" › apiKey \"a\": value: differs from the value declared before for this ID "
            + "(expected: one value per key ID)");
  }

  @Test
  void aKeyInTwoPlansForOneStage() {
    assertProblems(petstore()
            .usagePlan("basic", plan -> plan.stage("petstore", "prod").apiKey("a", VALUE_A))
            .usagePlan("pro", plan -> plan.stage("petstore", "prod").apiKey("a", VALUE_A)),
        "apiKey \"a\": usagePlans: [basic, pro] (expected: at most one plan per API stage; \"basic\" and \"pro\" "
            + "both cover \"petstore/prod\")");
  }

  @Test
  void keyValuesOutsideAwsBoundsNeverAppearInTheMessage() {
    assertProblems(petstore().usagePlan("basic", plan -> plan.stage("petstore", "prod")
            .apiKey("short", "too-short")
            .apiKey("bad id", VALUE_A)),
        "usagePlan \"basic\" › apiKey \"short\": value: 9 characters "
            + "(expected: 20 to 128 printable ASCII characters, no spaces)",
        "usagePlan \"basic\" › apiKey \"bad id\": id: \"bad id\" (expected: [A-Za-z0-9._-]{1,128})");
  }

  @Test
  void quotaOffsetAboveTheLimitAndNegativeLimit() {
    assertProblems(petstore().usagePlan("basic", plan -> plan.stage("petstore", "prod")
            .quota(Quota.of(100, QuotaPeriod.DAY).withOffset(101))),
        "usagePlan \"basic\": quota.offset: 101 (expected: 0 to the limit, 100)");
    assertProblems(petstore().usagePlan("basic", plan -> plan.stage("petstore", "prod")
            .quota(-1, QuotaPeriod.WEEK)),
        "usagePlan \"basic\": quota.limit: -1 (expected: >= 0)");
  }

  @Test
  void planWithoutStagesAndDuplicatePlanNames() {
    assertProblems(petstore()
            .usagePlan("basic", plan -> {})
            .usagePlan("gold", plan -> plan.stage("petstore", "prod"))
            .usagePlan("gold", plan -> plan.stage("petstore", "test")),
        "usagePlan \"basic\": stages: [] (expected: at least one API stage)",
        "usagePlan \"gold\": name: \"gold\" (expected: a usage plan name not declared before)");
  }

  @Test
  void definitionRoundTripsThroughToBuilder() {
    GatewayDefinition definition = petstore()
        .accountThrottle(100, 50)
        .usagePlan("basic", plan -> plan
            .stage("petstore", "prod", stage -> stage.throttle("GET /pets", 5, 10))
            .throttle(10, 20)
            .quota(Quota.of(1_000, QuotaPeriod.MONTH).withOffset(400))
            .apiKey("a", VALUE_A))
        .definition();

    GatewayDefinition again = definition.toBuilder().definition();

    assertThat(again.usagePlans()).isEqualTo(definition.usagePlans());
    assertThat(again.accountThrottle()).isEqualTo(Throttle.of(100, 50));
    assertThat(again.apiKeys()).singleElement().satisfies(key -> {
      assertThat(key.id()).isEqualTo("a");
      assertThat(key.usagePlans()).containsExactly("basic");
    });
    assertThat(again.api("petstore").route("GET /pets").apiKeyRequired()).isTrue();
  }

  @Test
  void apiKeyToStringNeverShowsTheValue() {
    assertThat(ApiKey.of("a", VALUE_A).toString()).doesNotContain(VALUE_A).contains("****");
  }
}
