package dev.gatehouse.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.ApiKey;
import dev.gatehouse.Gateway;
import dev.gatehouse.Quota;
import dev.gatehouse.QuotaPeriod;
import dev.gatehouse.StageDefinition;
import dev.gatehouse.Throttle;
import dev.gatehouse.UsagePlanDefinition;
import dev.gatehouse.integration.Integration;
import dev.gatehouse.integration.Integrations;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Javadoc examples of API keys, usage plans, throttles and quotas, written out and run. */
class LimitsExamplesTest {
  private final Integration pets = Integrations.mock(200, "[]");

  @Test
  void usagePlanDefinitionClassExample() {
    // --- begin UsagePlanDefinition class Javadoc
    Gateway gateway = Gateway.builder()
        .restApi("petstore", api -> api.stage("prod")
            .route("GET /pets", pets, route -> route.apiKeyRequired()))
        .usagePlan("basic", plan -> plan
            .stage("petstore", "prod", stage -> stage.throttle("GET /pets", 5, 10))
            .throttle(10, 20)
            .quota(10_000, QuotaPeriod.DAY)
            .apiKey("demo", "demo-key-value-not-a-secret"))    // a demo value
        .build();
    // --- end
    try (gateway) {
      assertThat(Requests.call(gateway, Requests.get("/prod/pets").header("x-api-key", "demo-key-value-not-a-secret"))
          .status()).isEqualTo(200);
    }
  }

  @Test
  void apiKeyAndApiKeysClassExamples() {
    Gateway gateway = Gateway.builder()
        .restApi("petstore", api -> api.stage("prod").route("GET /pets", pets, route -> route.apiKeyRequired()))
        .usagePlan("basic", plan -> plan.stage("petstore", "prod"))
        .build();
    try (gateway) {
      // --- begin ApiKey class Javadoc
      ApiKey key = ApiKey.of("partner-7", "demo-value-not-a-secret-0000000001")   // demo value
          .withName("Partner 7")
          .withUsagePlans("basic");
      gateway.apiKeys().add(key);              // at run time, no redeploy
      gateway.apiKeys().disable("partner-7");
      // --- end
      assertThat(gateway.apiKeys().get("partner-7")).hasValueSatisfying(k -> assertThat(k.enabled()).isFalse());
      gateway.apiKeys().remove("partner-7");

      // --- begin ApiKeys class Javadoc
      gateway.apiKeys().add(ApiKey.of("partner-7", "demo-value-not-a-secret-0000000001")  // demo value
          .withUsagePlans("basic"));
      gateway.apiKeys().disable("partner-7");   // its next request gets 403
      // --- end
      assertThat(Requests.call(gateway,
          Requests.get("/prod/pets").header("x-api-key", "demo-value-not-a-secret-0000000001")).status())
          .isEqualTo(403);
    }
  }

  @Test
  void quotaThrottleAndStageExamples() {
    List<UsagePlanDefinition> plans = new ArrayList<>();
    Gateway.builder().restApi("petstore", api -> {
      api.route("GET /pets", pets).route("POST /pets", pets);
      // --- begin StageDefinition class Javadoc
      api.stage("prod", stage -> stage
          .variable("petsUrl", "http://127.0.0.1:9000")
          .throttle(1_000, 2_000)                     // every route: 1,000 rps, burst 2,000
          .throttle("POST /pets", 10, 20));           // this route: 10 rps, burst 20
      // --- end
    }).usagePlan("basic", plan -> {
      plan.stage("petstore", "prod");
      // --- begin Quota class Javadoc
      plan.quota(10_000, QuotaPeriod.MONTH);
      plan.quota(Quota.of(10_000, QuotaPeriod.MONTH).withOffset(4_000));
      // --- end
    }).definition().usagePlans().forEach(plans::add);

    assertThat(plans).singleElement().extracting(UsagePlanDefinition::quota)
        .isEqualTo(new Quota(10_000, QuotaPeriod.MONTH, 4_000));

    StageDefinition.Builder stage = StageDefinition.builder("prod");
    // --- begin Throttle class Javadoc
    stage.throttle(1_000, 2_000);         // 1,000 requests per second steady, bursts of 2,000
    Throttle.of(0, 0);                    // refuses every request
    // --- end
    assertThat(stage.build().throttle()).isEqualTo(Throttle.of(1_000, 2_000));
  }
}
