package dev.gatehouse.runtime;

import static dev.gatehouse.runtime.LimitsFixture.KEY_A;
import static dev.gatehouse.runtime.LimitsFixture.KEY_B;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.ApiKey;
import dev.gatehouse.GatewayResponse;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ApiKeyGuardTest {
  private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");

  private final LimitsFixture fixture = new LimitsFixture(NOW, api -> api.stage("prod").stage("test"), gateway -> gateway
      .usagePlan("basic", plan -> plan.stage("petstore", "prod").apiKey(ApiKey.of("partner-a", KEY_A).withName("A")))
      .usagePlan("pro", plan -> plan.stage("petstore", "test")));

  @AfterEach
  void close() {
    fixture.close();
  }

  private static void assertForbidden(GatewayResponse response) {
    LimitsFixture.assertGatewayError(response, 403, "Forbidden", "ForbiddenException");
  }

  @Test
  void validKeyIsAdmittedAndItsIdButNeverItsValueReachesTheEvent() {
    GatewayResponse response = fixture.get("/prod/pets", KEY_A);

    assertThat(response.status()).isEqualTo(200);
    assertThat(fixture.events).singleElement().satisfies(event -> {
      assertThat(event.requestContext().identity().apiKeyId()).isEqualTo("partner-a");
      assertThat(event.requestContext().identity().apiKey()).isNull();
    });
  }

  @Test
  void missingEmptyUnknownOrWrongCaseKeyGets403InvalidApiKey() {
    assertForbidden(fixture.get("/prod/pets", null));
    assertForbidden(fixture.get("/prod/pets", ""));
    assertForbidden(fixture.get("/prod/pets", KEY_B));
    assertForbidden(fixture.get("/prod/pets", KEY_A.toUpperCase(java.util.Locale.ROOT)));
    assertThat(fixture.events).isEmpty();
  }

  @Test
  void keyOfAPlanThatDoesNotCoverTheStageGets403() {
    assertForbidden(fixture.get("/test/pets", KEY_A));
  }

  @Test
  void routeWithoutApiKeyRequiredIgnoresTheKeyAndCarriesNoKeyId() {
    assertThat(fixture.get("/prod/open", null).status()).isEqualTo(200);
    assertThat(fixture.get("/prod/open", "not-a-key").status()).isEqualTo(200);
    assertThat(fixture.events).allSatisfy(e -> assertThat(e.requestContext().identity().apiKeyId()).isNull());
  }

  @Test
  void disabledKeyIsRefusedAtOnceAndEnabledAgainWithoutRedeploy() {
    assertThat(fixture.get("/prod/pets", KEY_A).status()).isEqualTo(200);

    assertThat(fixture.gateway.apiKeys().disable("partner-a")).isTrue();
    assertForbidden(fixture.get("/prod/pets", KEY_A));

    assertThat(fixture.gateway.apiKeys().enable("partner-a")).isTrue();
    assertThat(fixture.get("/prod/pets", KEY_A).status()).isEqualTo(200);
  }

  @Test
  void keysAddedAndRemovedAtRunTimeTakeEffectOnTheNextRequest() {
    fixture.gateway.apiKeys().add(ApiKey.of("partner-b", KEY_B).withUsagePlans("pro"));

    assertThat(fixture.get("/test/pets", KEY_B).status()).isEqualTo(200);
    assertForbidden(fixture.get("/prod/pets", KEY_B));

    assertThat(fixture.gateway.apiKeys().remove("partner-b")).isTrue();
    assertForbidden(fixture.get("/test/pets", KEY_B));
    assertThat(fixture.gateway.apiKeys().list()).extracting(ApiKey::id).containsExactly("partner-a");
  }

  @Test
  void addingAKeyToAnUnknownPlanOrTwoPlansForOneStageFailsClearly() {
    assertThatThrownBy(() -> fixture.gateway.apiKeys().add(ApiKey.of("x", KEY_B).withUsagePlans("gold")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("apiKey \"x\": usagePlans: \"gold\" (expected: one of [basic, pro])");
    assertThatThrownBy(() -> fixture.gateway.apiKeys().add(ApiKey.of("y", KEY_A)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("apiKey \"y\": value: the same as key \"partner-a\"'s (expected: a value no other key has)");
  }

  @Test
  void keysDeclaredInTheDefinitionSurviveARedeployWithTheirRunTimeChanges() {
    fixture.gateway.apiKeys().disable("partner-a");

    fixture.gateway.redeploy(fixture.gateway.definition());

    assertForbidden(fixture.get("/prod/pets", KEY_A));
    assertThat(fixture.gateway.apiKeys().get("partner-a")).hasValueSatisfying(key -> {
      assertThat(key.enabled()).isFalse();
      assertThat(key.name()).isEqualTo("A");
      assertThat(key.value()).isNull();
    });
  }
}
