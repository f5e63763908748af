package dev.gatehouse.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The servers and the open-loop client together, in this JVM, over loopback, for about a second
 * each. No timing is asserted: this machine's speed is not the test's business.
 */
class ServerSmokeTest {
  private static final Scenario FUNCTION = Scenarios.named("function");

  @ParameterizedTest
  @EnumSource(Variant.class)
  void theOpenLoopClientGetsEveryAnswer(Variant variant) throws Exception {
    try (RunningServer server = ServerMain.start(variant, FUNCTION, 4, null)) {
      Schedule schedule = new Schedule(200, Duration.ofMillis(600), 1_000);

      OpenLoopClient.Result result = OpenLoopClient.run(new InetSocketAddress("127.0.0.1", server.port()),
          FUNCTION.request(), schedule, 2, Duration.ofSeconds(5), Duration.ofSeconds(5));

      assertThat(result.scheduled()).isEqualTo(120);
      assertThat(result.completed()).isEqualTo(120);
      assertThat(result.non2xx() + result.errors() + result.unsent()).isZero();
      assertThat(result.latency().getTotalCount()).isEqualTo(120);
      assertThat(result.percentileMicros(99)).isPositive();
    }
  }

  @Test
  void bareServersAndEveryScenarioPutTheSameAnswerOnTheWire() throws Exception {
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    for (Variant.Server kind : Variant.Server.values()) {
      Answer bare = fetch(client, Variant.of(kind, false), FUNCTION).get(1);
      for (Scenario scenario : Scenarios.all()) {
        List<Answer> gateway = fetch(client, Variant.of(kind, true), scenario);

        assertThat(gateway).as(kind + " " + scenario.name()).containsExactly(bare, bare);
      }
      assertThat(bare.status()).isEqualTo(TrivialAnswer.STATUS);
      assertThat(bare.body()).isEqualTo(TrivialAnswer.BODY);
    }
  }

  @Test
  void theClosedLoopClientCountsAnswersForTheFallbackWithoutWrk() throws Exception {
    try (RunningServer server = ServerMain.start(Variant.JDK_BARE, null, 4, null)) {
      MaxLoadGenerator.Result result = new ClosedLoopClient(500, Duration.ofSeconds(5))
          .run(new InetSocketAddress("127.0.0.1", server.port()), Scenarios.HELLO, Duration.ofMillis(500), 2);

      assertThat(result.requests()).isPositive().isLessThanOrEqualTo(500);
      assertThat(result.errors()).isZero();
    }
  }

  /** Status, body, Content-Type and the set of header names (values vary: dates, request ids). */
  private record Answer(int status, String body, String contentType, Set<String> headerNames) {}

  /**
   * The scenario's answer to its request sent twice to one server: the load benchmark measures the
   * repeated answer, which is not the first one where a cache is involved ({@code cache-hit} misses
   * first, then answers from its store).
   */
  private static List<Answer> fetch(HttpClient client, Variant variant, Scenario scenario) throws Exception {
    boolean needsBackend = scenario.backend() != Scenario.Backend.NONE && variant.throughGateway();
    try (RunningServer backend = needsBackend ? JdkServers.start(null, 2) : null;
        RunningServer server = ServerMain.start(variant, scenario, 4,
            backend == null ? null : URI.create("http://127.0.0.1:" + backend.port()))) {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + scenario.request().path()))
              .timeout(Duration.ofSeconds(10));
      // The JDK's client sends Host as host:port, the value a signed scenario must sign.
      scenario.request().signedFor("127.0.0.1:" + server.port()).headers().forEach(request::header);
      List<Answer> answers = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        Set<String> names = new TreeSet<>();
        response.headers().map().keySet().forEach(name -> names.add(name.toLowerCase(Locale.ROOT)));
        answers.add(new Answer(response.statusCode(), response.body(),
            response.headers().firstValue("content-type").orElse(null), names));
      }
      return answers;
    }
  }
}
