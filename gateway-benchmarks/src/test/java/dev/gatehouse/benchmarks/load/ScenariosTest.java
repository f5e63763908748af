package dev.gatehouse.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.Gateway;
import dev.gatehouse.GatewayRequest;
import dev.gatehouse.GatewayResponse;
import java.net.URI;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ScenariosTest {

  @Test
  void everyScenarioGivesTheTrivialAnswerInProcess() throws Exception {
    for (Scenario scenario : Scenarios.all()) {
      try (RunningServer backend = JdkServers.start(null, 2);
          Gateway gateway = scenario.gateway().build(scenario.backend() == Scenario.Backend.NONE ? null
              : URI.create("http://127.0.0.1:" + backend.port()))) {
        LoadRequest load = scenario.request().signedFor("127.0.0.1");
        GatewayRequest.Builder request = GatewayRequest.builder(load.method(), load.path())
            .header("Host", "127.0.0.1").sourceIp("127.0.0.1");
        load.headers().forEach(request::header);
        Set<String> requestIds = new HashSet<>();
        // twice: the load benchmark measures the repeated answer, a cache hit where the stage caches
        for (int i = 0; i < 2; i++) {
          GatewayResponse response = gateway.handle(request.build()).toCompletableFuture().get(10, TimeUnit.SECONDS);

          assertThat(response.status()).as(scenario.name()).isEqualTo(TrivialAnswer.STATUS);
          assertThat(response.bodyAsString()).as(scenario.name()).isEqualTo(TrivialAnswer.BODY);
          assertThat(response.headers().first("Content-Type")).as(scenario.name()).isEqualTo(TrivialAnswer.CONTENT_TYPE);
          requestIds.add(response.headers().first(TrivialAnswer.REQUEST_ID_HEADER));
        }
        assertThat(requestIds).as(scenario.name() + ": each answer has its own request id").hasSize(2);
      }
    }
  }

  @Test
  void cacheHitCallsTheFunctionOnceAndAnswersTheRestFromTheCache() throws Exception {
    try (Gateway gateway = Scenarios.named("cache-hit").gateway().build(null)) {
      for (int i = 0; i < 3; i++) {
        GatewayRequest.Builder request = GatewayRequest.builder("GET", Scenarios.HELLO.path())
            .header("Host", "127.0.0.1").sourceIp("127.0.0.1");
        Scenarios.HELLO.headers().forEach(request::header);
        gateway.handle(request.build()).toCompletableFuture().get(10, TimeUnit.SECONDS);
      }

      assertThat(gateway.cache("bench", Scenarios.STAGE).misses()).isEqualTo(1);
      assertThat(gateway.cache("bench", Scenarios.STAGE).hits()).isEqualTo(2);
    }
  }

  @Test
  void namesAreUniqueAndFindTheirScenario() {
    assertThat(new HashSet<>(Scenarios.all().stream().map(Scenario::name).toList())).hasSameSizeAs(Scenarios.all());
    assertThat(Scenarios.named("mock").description()).contains("mock");
  }

  @Test
  void scenario_unknown() {
    assertThatThrownBy(() -> Scenarios.named("cache-miss"))
        .hasMessage("scenario: \"cache-miss\" (expected: one of [function, function-blocking, mock, api-key-throttle, jwt,"
            + " observed, cache-hit, iam, http-proxy, http-proxy-jdk-client])");
  }
}
