package dev.gatehouse.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.gatehouse.Gateway;
import dev.gatehouse.jdkserver.JdkHttpServerAdapter;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every route the demo page offers answers as the page says, over a real server. */
class DemoGatewayTest {
  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final ExecutorService threads = Executors.newFixedThreadPool(4);
  private Gateway gateway;
  private HttpServer server;

  @BeforeEach
  void start() throws Exception {
    gateway = DemoGateway.create(new PetStore());
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(threads);
    JdkHttpServerAdapter.mount(server, "/", gateway);
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
    threads.shutdownNow();
    gateway.close();
  }

  @ParameterizedTest(name = "{0} {1} -> {2}")
  @CsvSource(delimiter = '|', value = {
      "GET   | /prod/pets                  | 200 | \"name\":\"Rex\"",
      "GET   | /prod/pets?type=fish&limit=1 | 200 | [{\"id\":3,\"type\":\"fish\",\"name\":\"Nemo\",\"price\":499}]",
      "GET   | /prod/pets/2                | 200 | {\"id\":2,\"type\":\"cat\",\"name\":\"Tom\",\"price\":12999}",
      "GET   | /prod/pets/99               | 404 | no pet 99",
      "GET   | /prod/pets?limit=x          | 400 | limit must be a number",
      "GET   | /prod/ping                  | 200 | {\"status\":\"ok\"}",
      "PATCH | /prod/legacy/any/deep/path  | 200 | \"proxy\":\"any/deep/path\"",
      "GET   | /prod/slow                  | 504 | {\"message\":\"Endpoint request timed out\"}",
      "GET   | /prod/nowhere               | 403 | {\"message\":\"Missing Authentication Token\"}",
      "GET   | /hello/world                | 200 | \"hello\":\"world\"",
      "GET   | /time                       | 200 | requestTime",
      "GET   | /nowhere                    | 404 | {\"message\":\"Not Found\"}",
      "GET   | /                           | 200 | <title>Gatehouse demo</title>",
  })
  void routeAnswersAsThePageSays(String method, String path, int status, String bodyPart) throws Exception {
    HttpResponse<String> response = send(HttpRequest.newBuilder(uri(path)).method(method, HttpRequest.BodyPublishers.noBody()));

    assertThat(response.statusCode()).isEqualTo(status);
    assertThat(response.body()).contains(bodyPart);
  }

  @Test
  void createdPetCanBeRead() throws Exception {
    HttpResponse<String> created = send(HttpRequest.newBuilder(uri("/prod/pets"))
        .header("x-api-key", DemoGateway.DEMO_API_KEY)
        .POST(HttpRequest.BodyPublishers.ofString("{\"type\":\"cat\",\"name\":\"Kit\",\"price\":900}")));

    assertThat(created.statusCode()).isEqualTo(201);
    assertThat(created.body()).isEqualTo("{\"id\":4,\"type\":\"cat\",\"name\":\"Kit\",\"price\":900}");
    assertThat(send(HttpRequest.newBuilder(uri("/prod/pets/4")).GET()).body()).contains("Kit");
  }

  @Test
  void malformedPetGets400() throws Exception {
    assertThat(send(HttpRequest.newBuilder(uri("/prod/pets")).header("x-api-key", DemoGateway.DEMO_API_KEY)
        .POST(HttpRequest.BodyPublishers.ofString("{nope"))).statusCode()).isEqualTo(400);
  }

  @Test
  void creatingAPetNeedsTheDemoKeyAndItsPlanThrottlesAfterABurstOfThree() throws Exception {
    HttpRequest.Builder withoutKey = HttpRequest.newBuilder(uri("/prod/pets"))
        .POST(HttpRequest.BodyPublishers.ofString("{\"type\":\"cat\",\"name\":\"Kit\",\"price\":900}"));
    assertThat(send(withoutKey).statusCode()).isEqualTo(403);

    HttpResponse<String> first = send(withoutKey.copy().header("x-api-key", DemoGateway.DEMO_API_KEY));
    assertThat(first.statusCode()).isEqualTo(201);
    assertThat(first.headers().firstValue("X-RateLimit-Limit")).hasValue("3");
    // the plan refills one token a second on the system clock: within a few more calls the burst is spent
    int status = 0;
    for (int i = 0; i < 20 && status != 429; i++) {
      status = send(withoutKey.copy().header("x-api-key", DemoGateway.DEMO_API_KEY)).statusCode();
    }
    assertThat(status).isEqualTo(429);
  }

  @Test
  void cookieRouteSetsACookie() throws Exception {
    HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/cookies")).header("Cookie", "a=1; b=2").GET());

    assertThat(response.body()).isEqualTo("{\"cookiesYouSent\":2}");
    assertThat(response.headers().firstValue("Set-Cookie")).hasValue("demo=gatehouse; Path=/; HttpOnly");
  }

  @Test
  void metricsPageShowsAwsMetricsInPrometheusFormat() throws Exception {
    send(HttpRequest.newBuilder(uri("/prod/pets/2")).GET());
    send(HttpRequest.newBuilder(uri("/prod/nowhere")).GET());

    String page = send(HttpRequest.newBuilder(uri("/metrics")).GET()).body();

    assertThat(page).contains("gatehouse_count_total{ApiName=\"petstore\",Method=\"GET\",Resource=\"/pets/{id}\","
        + "Stage=\"prod\"} 1.0");
    // no route matched: a detailed stage's meters still carry Method, and Resource is "-"
    assertThat(page).contains("gatehouse_4xx_error_total{ApiName=\"petstore\",Method=\"GET\",Resource=\"-\","
        + "Stage=\"prod\"} 1.0");
    assertThat(page).contains("gatehouse_latency_seconds_count");
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return client.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
  }
}
