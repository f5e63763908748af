package dev.gatehouse.examples;

import com.sun.net.httpserver.HttpServer;
import dev.gatehouse.Gateway;
import dev.gatehouse.GatewayResponse;
import dev.gatehouse.Headers;
import dev.gatehouse.QuotaPeriod;
import dev.gatehouse.event.ProxyResponseV1;
import dev.gatehouse.event.ProxyResponseV2;
import dev.gatehouse.integration.Integrations;
import dev.gatehouse.jdkserver.JdkHttpServerAdapter;
import dev.gatehouse.jdkserver.JdkWebSocketServer;
import dev.gatehouse.runtime.metrics.MicrometerMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The demo gateway: a petstore REST API (stage {@code prod}) and a shop HTTP API (stage
 * {@code $default}) on one JDK {@code HttpServer}, with a page at {@code /} to try each route.
 * Creating a pet needs the demo API key of the {@code demo} usage plan: 1 request per second with
 * bursts of 3, and 100 a day. The {@code chat} WebSocket API of {@link ChatExample} runs on the next
 * port, its {@code @connections} endpoint under {@code /ws} of the HTTP port; the IAM-guarded
 * {@code reports} API of {@link IamExample} is under {@code /iam}.
 *
 * <p>Run it with {@code mvn -q -pl gateway-examples exec:java} after an install; the port comes from
 * the first argument or {@code PORT}, 8080 by default.
 */
public final class DemoGateway {
  /** The demo's API key: a demo value, not a secret. */
  public static final String DEMO_API_KEY = "demo-key-0123456789abcdef";

  private DemoGateway() {}

  /** The demo's APIs, with a fresh metrics registry. */
  public static Gateway create(PetStore store) {
    return create(store, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
  }

  /** The demo's APIs; their metrics go to {@code metrics}, which {@code GET /metrics} shows in Prometheus's format. */
  public static Gateway create(PetStore store, PrometheusMeterRegistry metrics) {
    return Gateway.builder()
        .metrics(MicrometerMetrics.of(metrics))
        .restApi("petstore", api -> api
            .stage("prod", stage -> stage
                .variable("greeting", "Hello from the prod stage")
                .detailedMetrics())
            .rateLimitHeaders()
            .route("GET /pets", Integrations.function(store::list))
            .route("POST /pets", Integrations.function(store::create), route -> route.apiKeyRequired())
            .route("GET /pets/{id}", Integrations.function(store::get))
            .route("GET /ping", Integrations.mock(200, "{\"status\":\"ok\"}"))
            .route("ANY /legacy/{proxy+}", Integrations.function(event -> PetStore.json(200, Map.of(
                "method", event.httpMethod(),
                "proxy", event.pathParameters().get("proxy"),
                "greeting", event.stageVariables().get("greeting")))))
            .route("GET /slow", Integrations.function(event -> {
              Thread.sleep(2_000);
              return ProxyResponseV1.of(200, "{\"message\":\"too late\"}");
            }), route -> route.timeout(Duration.ofSeconds(1))))
        .usagePlan("demo", plan -> plan
            .stage("petstore", "prod")
            .throttle(1, 3)
            .quota(100, QuotaPeriod.DAY)
            .apiKey("demo", DEMO_API_KEY))
        .httpApi("shop", api -> api
            .route("GET /", Integrations.mock(200, Headers.of(Map.of("Content-Type", "text/html; charset=utf-8")),
                page()))
            .route("GET /hello/{name}", Integrations.functionV2(event ->
                Map.of("hello", event.pathParameters().get("name"), "requestId", event.requestContext().requestId())))
            .route("GET /cookies", Integrations.functionV2(event -> ProxyResponseV2.builder(200)
                .header("Content-Type", "application/json")
                .cookie("demo=gatehouse; Path=/; HttpOnly")
                .body("{\"cookiesYouSent\":" + (event.cookies() == null ? 0 : event.cookies().size()) + "}")
                .build()))
            .route("GET /time", Integrations.mock(request -> GatewayResponse.builder(200)
                .header("Content-Type", "application/json")
                .body("{\"requestTime\":\"" + request.context().requestTime() + "\"}")
                .build()))
            .route("GET /metrics", Integrations.mock(request -> GatewayResponse.builder(200)
                .header("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
                .body(metrics.scrape())
                .build())))
        .build();
  }

  public static void main(String[] args) throws IOException {
    // the JDK server reads these once, when it first starts: set them before creating it
    JdkHttpServerAdapter.recommendedSystemProperties().forEach((key, value) -> {
      if (System.getProperty(key) == null) {
        System.setProperty(key, value);
      }
    });
    int port = Integer.parseInt(args.length > 0 ? args[0] : System.getenv().getOrDefault("PORT", "8080"));
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
    ExecutorService threads = Executors.newFixedThreadPool(8);
    server.setExecutor(threads);
    Gateway gateway = create(new PetStore());
    JdkHttpServerAdapter.mount(server, "/", gateway);
    Gateway chat = ChatExample.chat(new ChatRoom());
    JdkHttpServerAdapter.mount(server, "/ws", chat);
    Gateway reports = IamExample.reports();
    JdkHttpServerAdapter.mount(server, "/iam", reports);
    server.start();
    JdkWebSocketServer webSockets = JdkWebSocketServer.start(new InetSocketAddress("127.0.0.1", port + 1), "/", chat);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      webSockets.close();
      server.stop(1);
      chat.close();
      reports.close();
      gateway.close();
      threads.shutdown();
    }));

    String base = "http://127.0.0.1:" + server.getAddress().getPort();
    System.out.println("Gatehouse demo is up. Open " + base + "/ to try every route, or:");
    for (String path : new String[] {"/prod/pets", "/prod/pets/1", "/prod/pets?type=dog&limit=1", "/prod/ping",
        "/prod/legacy/any/thing", "/prod/slow", "/prod/nowhere", "/hello/world", "/cookies", "/time", "/nowhere", "/metrics"}) {
      System.out.println("  curl -i '" + base + path + "'");
    }
    System.out.println("  curl -i -X POST '" + base + "/prod/pets' -H 'x-api-key: " + DEMO_API_KEY
        + "' -d '{\"type\":\"cat\",\"name\":\"Kit\",\"price\":900}'");
    String ws = "ws://127.0.0.1:" + webSockets.port();
    System.out.println("Chat: open the page in two tabs, or connect to " + ws + "/chat?name=ann and send");
    System.out.println("  {\"action\":\"sendMessage\",\"text\":\"hi\"}; as the admin (a demo token):");
    System.out.println("  curl -i -X POST '" + base + "/ws/chat/@connections/{connectionId}'"
        + " -H 'x-admin-token: demo-admin-token' -d '{\"notice\":\"hello\"}'");
    System.out.println("IAM (SigV4) with curl's signer and the demo key of " + IamExample.class.getSimpleName() + ":");
    System.out.println("  curl -i --aws-sigv4 'aws:amz:eu-west-1:execute-api'"
        + " --user AKIDANALYSTDEMO:demo-secret-not-for-production '" + base + "/iam/prod/daily'");
    System.out.println("Press Ctrl+C to stop.");
  }

  private static String page() {
    try (InputStream in = DemoGateway.class.getResourceAsStream("demo.html")) {
      if (in == null) {
        throw new IllegalStateException("demo.html is missing from the class path");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
