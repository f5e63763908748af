package dev.gatehouse.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.Gateway;
import dev.gatehouse.GatewayRequest;
import dev.gatehouse.GatewayResponse;
import dev.gatehouse.integration.Integrations;
import dev.gatehouse.testing.Backend;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** X-Ray's {@code X-Amzn-Trace-Id} and W3C's {@code traceparent} reach the backends; {@code $context.xrayTraceId}. */
class TracePropagationTest {
  private static final String ROOT = "1-5f84c7a9-0123456789abcdef01234567";
  private static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

  private Backend backend;
  private Gateway gateway;

  @BeforeEach
  void start() throws Exception {
    backend = Backend.start();
    backend.answerAlways(Backend.Answer.of(200, "ok"));
    gateway = Gateway.builder().httpApi("orders", api -> api
            .route("GET /proxied", Integrations.http(backend.url() + "/proxied"))
            .route("GET /mapped", Integrations.httpMapped(backend.url() + "/mapped", http -> {}))
            .route("GET /trace", Integrations.mock(request -> GatewayResponse.builder(200)
                .body(request.context().xrayTraceId()).build())))
        .build();
  }

  @AfterEach
  void stop() {
    gateway.close();
    backend.close();
  }

  private GatewayResponse get(String path, String... headers) throws Exception {
    GatewayRequest.Builder request = GatewayRequest.builder("GET", path);
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return gateway.handle(request.build()).toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Test
  void clientsTraceHeaderReachesTheBackendWhole() throws Exception {
    get("/proxied", "X-Amzn-Trace-Id", "Root=" + ROOT + ";Parent=53995c3f42cd8ad8;Sampled=1");

    assertThat(backend.takeRequest().header("X-Amzn-Trace-Id"))
        .isEqualTo("Root=" + ROOT + ";Parent=53995c3f42cd8ad8;Sampled=1");
  }

  @Test
  void requestWithoutATraceGetsANewRootThatTheBackendSees() throws Exception {
    get("/proxied");
    get("/proxied");

    String first = backend.takeRequest().header("X-Amzn-Trace-Id");
    String second = backend.takeRequest().header("X-Amzn-Trace-Id");
    assertThat(first).matches("Root=1-[0-9a-f]{8}-[0-9a-f]{24}");
    assertThat(second).matches("Root=1-[0-9a-f]{8}-[0-9a-f]{24}").isNotEqualTo(first);
  }

  @Test
  void malformedTraceHeaderIsReplaced() throws Exception {
    get("/proxied", "X-Amzn-Trace-Id", "Root=<script>;Sampled=1");

    assertThat(backend.takeRequest().header("X-Amzn-Trace-Id")).matches("Root=1-[0-9a-f]{8}-[0-9a-f]{24}");
  }

  @Test
  void mappedIntegrationGetsTheTraceHeadersToo() throws Exception {
    get("/mapped", "X-Amzn-Trace-Id", "Root=" + ROOT, "traceparent", TRACEPARENT, "X-Other", "not passed");

    Backend.Recorded request = backend.takeRequest();
    assertThat(request.header("X-Amzn-Trace-Id")).isEqualTo("Root=" + ROOT);
    assertThat(request.header("traceparent")).isEqualTo(TRACEPARENT);
    assertThat(request.header("X-Other")).isNull();
  }

  @Test
  void malformedTraceparentIsNotForwarded() throws Exception {
    get("/proxied", "traceparent", "00-nothex-xx-01");

    assertThat(backend.takeRequest().header("traceparent")).isNull();
  }

  @Test
  void contextCarriesTheTraceRoot() throws Exception {
    assertThat(get("/trace", "X-Amzn-Trace-Id", "Root=" + ROOT).bodyAsString()).isEqualTo(ROOT);
    assertThat(get("/trace").bodyAsString()).matches("1-[0-9a-f]{8}-[0-9a-f]{24}");
  }
}
