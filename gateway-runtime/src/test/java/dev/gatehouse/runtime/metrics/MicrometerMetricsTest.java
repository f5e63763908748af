package dev.gatehouse.runtime.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.Gateway;
import dev.gatehouse.GatewayRequest;
import dev.gatehouse.GatewayResponse;
import dev.gatehouse.QuotaPeriod;
import dev.gatehouse.event.ProxyResponseV1;
import dev.gatehouse.integration.Integrations;
import dev.gatehouse.metrics.MetricsSink;
import dev.gatehouse.metrics.RequestMetrics;
import dev.gatehouse.metrics.WebSocketMetrics;
import dev.gatehouse.testing.MemoryChannel;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** AWS's metric names and dimensions in a real Micrometer registry. */
class MicrometerMetricsTest {
  /** A demo value, not a secret. */
  private static final String KEY = "metrics-demo-key-0123456";

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private Gateway gateway;

  @AfterEach
  void close() {
    if (gateway != null) {
      gateway.close();
    }
  }

  private void start(boolean detailed) {
    gateway = Gateway.builder()
        .metrics(MicrometerMetrics.of(registry))
        .restApi("petstore", api -> api
            .stage("prod", stage -> {
              stage.throttle("GET /limited", 0, 1).cache(cache -> {});
              if (detailed) {
                stage.detailedMetrics();
              }
            })
            .route("GET /pets", Integrations.mock(200, "[]"))
            .route("GET /missing", Integrations.mock(404, "{}"))
            .route("GET /broken", Integrations.function(event -> {
              throw new IllegalStateException("bug");
            }))
            .route("GET /limited", Integrations.mock(200))
            .route("GET /keyed", Integrations.mock(200), route -> route.apiKeyRequired()))
        .usagePlan("plan", plan -> plan.stage("petstore", "prod").quota(1, QuotaPeriod.DAY).apiKey("k", KEY))
        .build();
  }

  private GatewayResponse get(String path, String... headers) throws Exception {
    GatewayRequest.Builder request = GatewayRequest.builder("GET", path);
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return gateway.handle(request.build()).toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  private double count(String name, Tags tags) {
    var counter = registry.find(name).tags(tags).counter();
    return counter == null ? 0 : counter.count();
  }

  private static final Tags STAGE = Tags.of("ApiName", "petstore", "Stage", "prod");

  @Test
  void countsAndErrorsCarryApiNameAndStage() throws Exception {
    start(false);

    get("/prod/pets");
    get("/prod/missing");
    get("/prod/broken");

    assertThat(count(MicrometerMetrics.COUNT, STAGE)).isEqualTo(3);
    assertThat(count(MicrometerMetrics.CLIENT_ERRORS, STAGE)).isEqualTo(1);
    assertThat(count(MicrometerMetrics.SERVER_ERRORS, STAGE)).isEqualTo(1);
    assertThat(registry.find(MicrometerMetrics.COUNT).tagKeys("Method").counter()).isNull();
    assertThat(registry.find(MicrometerMetrics.LATENCY).tags(STAGE).timer().count()).isEqualTo(3);
  }

  @Test
  void detailedStagesAddMethodAndResource() throws Exception {
    start(true);

    get("/prod/pets");

    assertThat(count(MicrometerMetrics.COUNT, STAGE.and("Method", "GET", "Resource", "/pets"))).isEqualTo(1);
  }

  @Test
  void cacheHitsAndMissesAndIntegrationLatencyOnMissesOnly() throws Exception {
    start(false);

    get("/prod/pets");
    get("/prod/pets");

    assertThat(count(MicrometerMetrics.CACHE_MISSES, STAGE)).isEqualTo(1);
    assertThat(count(MicrometerMetrics.CACHE_HITS, STAGE)).isEqualTo(1);
    assertThat(registry.find(MicrometerMetrics.INTEGRATION_LATENCY).tags(STAGE).timer().count()).isEqualTo(1);
  }

  @Test
  void throttledAndQuotaRefusalsAreCounted() throws Exception {
    start(false);

    get("/prod/limited");
    get("/prod/limited");
    get("/prod/keyed", "x-api-key", KEY);
    get("/prod/keyed", "x-api-key", KEY);

    assertThat(count(MicrometerMetrics.THROTTLED, STAGE)).isEqualTo(1);
    assertThat(count(MicrometerMetrics.QUOTA_EXCEEDED, STAGE)).isEqualTo(1);
    assertThat(count(MicrometerMetrics.CLIENT_ERRORS, STAGE)).isEqualTo(2);
  }

  @Test
  void requestsReachingNoApiAreCountedWithoutDimensionsOfAnApi() throws Exception {
    start(false);

    get("/nowhere/at/all");

    assertThat(count(MicrometerMetrics.CLIENT_ERRORS, Tags.of("ApiName", "-", "Stage", "-"))).isEqualTo(1);
  }

  @Test
  void webSocketConnectsMessagesAndErrors() throws Exception {
    gateway = Gateway.builder().metrics(MicrometerMetrics.of(registry))
        .webSocketApi("chat", ws -> ws.stage("prod")
            .routeSelectionExpression("$request.body.action")
            .route("echo", Integrations.webSocketFunction(event -> ProxyResponseV1.of(200, event.body())),
                route -> route.routeResponse())
            .route("boom", Integrations.webSocketFunction(event -> {
              throw new IllegalStateException("bug");
            })))
        .build();
    MemoryChannel client = MemoryChannel.connect(gateway, GatewayRequest.builder("GET", "/prod")
        .header("Upgrade", "websocket").build());

    client.receive("{\"action\":\"echo\"}");
    client.next();
    client.receive("{\"action\":\"nothing\"}");
    client.next();
    client.receive("{\"action\":\"boom\"}");
    client.next();

    Tags chat = Tags.of("ApiName", "chat", "Stage", "prod");
    assertThat(count(MicrometerMetrics.CONNECTS, chat.and("Route", "$connect"))).isEqualTo(1);
    assertThat(count(MicrometerMetrics.MESSAGES, chat.and("Route", "echo"))).isEqualTo(1);
    assertThat(count(MicrometerMetrics.WEBSOCKET_CLIENT_ERRORS, chat.and("Route", "-"))).isEqualTo(1);
    assertThat(count(MicrometerMetrics.INTEGRATION_ERRORS, chat.and("Route", "boom"))).isEqualTo(1);
  }

  /** A sink of the application's own: reports reach it through the observer queue. */
  private Gateway gatewayReportingTo(MetricsSink sink) {
    return Gateway.builder()
        .metrics(sink)
        .restApi("petstore", api -> api.stage("prod").route("GET /pets", Integrations.function(event ->
            ProxyResponseV1.of(200, "[]"))))
        .build();
  }

  @Test
  void throwingSinkNeitherFailsNorChangesAnswers() throws Exception {
    CountDownLatch reached = new CountDownLatch(3);
    gateway = gatewayReportingTo(new MetricsSink() {
      @Override
      public void request(RequestMetrics metrics) {
        reached.countDown();
        throw new IllegalStateException("sink bug");
      }

      @Override
      public void webSocket(WebSocketMetrics metrics) {}
    });

    for (int i = 0; i < 3; i++) {
      GatewayResponse response = get("/prod/pets");
      assertThat(response.status()).isEqualTo(200);
      assertThat(response.bodyAsString()).isEqualTo("[]");
    }
    assertThat(reached.await(10, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void blockingSinkDelaysNoRequest() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch reports = new CountDownLatch(20);
    gateway = gatewayReportingTo(new MetricsSink() {
      @Override
      public void request(RequestMetrics metrics) {
        try {
          release.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        reports.countDown();
      }

      @Override
      public void webSocket(WebSocketMetrics metrics) {}
    });

    // the sink holds its first report until released: every request is answered meanwhile
    for (int i = 0; i < 20; i++) {
      assertThat(get("/prod/pets").status()).isEqualTo(200);
    }
    assertThat(reports.getCount()).isEqualTo(20);
    release.countDown();

    assertThat(reports.await(10, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void javadocExampleRecordsIntoTheRegistry() throws Exception {
    // --- begin MicrometerMetrics Javadoc
    MeterRegistry registry = new SimpleMeterRegistry();
    Gateway gateway = Gateway.builder()
        .metrics(MicrometerMetrics.of(registry))
        .restApi("petstore", api -> api
            .stage("prod", stage -> stage.detailedMetrics())
            .route("GET /pets", Integrations.mock(200, "[]")))
        .build();
    // --- end
    try (gateway) {
      gateway.handle(GatewayRequest.builder("GET", "/prod/pets").build()).toCompletableFuture().get(10, TimeUnit.SECONDS);
      assertThat(registry.find(MicrometerMetrics.COUNT).counter().count()).isEqualTo(1);
      dev.gatehouse.GatewayBuilder builder =
      // --- begin MetricsSink Javadoc
      Gateway.builder()
          .metrics(MicrometerMetrics.of(new SimpleMeterRegistry()))
          .restApi("petstore", api -> api.stage("prod", stage -> stage.detailedMetrics()));
      // --- end
      assertThat(builder.definition().metrics()).isInstanceOf(MicrometerMetrics.class);
      assertThat(builder.definition().api("petstore").stage("prod").detailedMetrics()).isTrue();
    }
  }
}
