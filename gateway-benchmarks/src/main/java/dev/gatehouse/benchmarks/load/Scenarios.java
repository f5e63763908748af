package dev.gatehouse.benchmarks.load;

import dev.gatehouse.Gateway;
import dev.gatehouse.event.ProxyEventV1;
import dev.gatehouse.event.ProxyResponseV1;
import dev.gatehouse.integration.Integration;
import dev.gatehouse.integration.Integrations;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The scenarios of the load benchmark. A new one (API key and throttle, JWT, cache hit, HTTP proxy,
 * WebSocket) is one more entry in {@link #ALL}: a name, a line, a gateway and a request; the
 * orchestrator measures it against its bare baseline on every server without further changes.
 */
public final class Scenarios {
  /** A demo value, not a secret: the key the {@code api-key-throttle} scenario's plan declares. */
  static final String API_KEY = "bench-demo-key-0123456789";

  /**
   * Every scenario here sends this request unless it needs another one. It carries an API key
   * that only the {@code api-key-throttle} route reads: one request for every scenario keeps them
   * all against one bare baseline, which ignores the header.
   */
  static final LoadRequest HELLO = LoadRequest.get("/prod/hello/" + TrivialAnswer.NAME).header("x-api-key", API_KEY);

  /**
   * Far above what one machine serves: the account bucket costs every scenario its token, as it
   * costs every gateway, but never refuses. AWS's default of 10,000 per second would throttle the
   * load benchmark itself.
   */
  private static final double NEVER_REFUSING = 1e9;

  private static final List<Scenario> ALL = List.of(
      new Scenario("function",
          "REST API, stage prod, GET /prod/hello/{name} -> async function answering 200 {\"hello\":name}",
          Scenario.Backend.NONE,
          backend -> hello(Integrations.asyncFunction(event -> CompletableFuture.completedFuture(answer(event)))),
          HELLO),
      new Scenario("function-blocking",
          "the same with a blocking function (Integrations.function) on the default handler executor",
          Scenario.Backend.NONE,
          backend -> hello(Integrations.function(Scenarios::answer)),
          HELLO),
      new Scenario("mock",
          "the same route with a fixed mock answer (Integrations.mock)",
          Scenario.Backend.NONE,
          backend -> hello(Integrations.mock(TrivialAnswer.STATUS, TrivialAnswer.BODY)),
          HELLO),
      new Scenario("api-key-throttle",
          "the function route with apiKeyRequired(): x-api-key checked, then the usage plan's bucket for the key,"
              + " the stage's bucket and the account bucket (none ever empty)",
          Scenario.Backend.NONE,
          backend -> Gateway.builder()
              .restApi("bench", api -> api
                  .stage("prod", stage -> stage.throttle(NEVER_REFUSING, (long) NEVER_REFUSING))
                  .route("GET /hello/{name}",
                      Integrations.asyncFunction(event -> CompletableFuture.completedFuture(answer(event))),
                      route -> route.apiKeyRequired()))
              .usagePlan("bench", plan -> plan.stage("bench", "prod")
                  .throttle(NEVER_REFUSING, (long) NEVER_REFUSING)
                  .apiKey("bench", API_KEY))
              .accountThrottle(NEVER_REFUSING, (long) NEVER_REFUSING)
              .build(),
          HELLO,
          "function"));

  private Scenarios() {}

  /** Every scenario, in the order the orchestrator runs them. */
  public static List<Scenario> all() {
    return ALL;
  }

  /**
   * The scenario called {@code name}.
   *
   * @throws IllegalArgumentException naming the known scenarios if there is none
   */
  public static Scenario named(String name) {
    List<String> names = new ArrayList<>();
    for (Scenario scenario : ALL) {
      if (scenario.name().equals(name)) {
        return scenario;
      }
      names.add(scenario.name());
    }
    throw new IllegalArgumentException("scenario: \"" + name + "\" (expected: one of " + names + ")");
  }

  /** The REST API of the hello scenarios: stage {@code prod}, one route to {@code integration}. */
  private static Gateway hello(Integration integration) {
    return Gateway.builder()
        .restApi("bench", api -> api
            .stage("prod")
            .route("GET /hello/{name}", integration))
        .accountThrottle(NEVER_REFUSING, (long) NEVER_REFUSING)
        .build();
  }

  private static ProxyResponseV1 answer(ProxyEventV1 event) {
    return ProxyResponseV1.of(TrivialAnswer.STATUS, TrivialAnswer.body(event.pathParameters().get("name")));
  }
}
