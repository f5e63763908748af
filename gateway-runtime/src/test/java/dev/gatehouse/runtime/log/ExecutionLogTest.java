package dev.gatehouse.runtime.log;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.Gateway;
import dev.gatehouse.GatewayRequest;
import dev.gatehouse.GatewayResponse;
import dev.gatehouse.event.ProxyResponseV1;
import dev.gatehouse.integration.Integrations;
import dev.gatehouse.log.ExecutionLogSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** AWS-style execution logs per stage: levels, data traces and their redaction. */
class ExecutionLogTest {
  private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
  private Gateway gateway;

  @AfterEach
  void close() {
    gateway.close();
  }

  private void start(Consumer<ExecutionLogSettings.Builder> log) {
    gateway = Gateway.builder().restApi("petstore", api -> api
            .stage("prod", stage -> stage.executionLog(settings -> {
              log.accept(settings);
              settings.sink((apiName, stageName, level, line) -> lines.add(level + " " + line));
            }))
            .route("POST /pets", Integrations.function(event -> ProxyResponseV1.builder(201)
                .header("Set-Cookie", "session=s3cr3t").body("{\"id\":7}").build()))
            .route("GET /broken", Integrations.function(event -> {
              throw new IllegalStateException("bug");
            })))
        .build();
  }

  private GatewayResponse send(GatewayRequest.Builder request) throws Exception {
    return gateway.handle(request.build()).toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  /** The lines of one request: they end with its completion line. */
  private List<String> requestLines() throws InterruptedException {
    List<String> found = new ArrayList<>();
    String line;
    do {
      line = lines.poll(10, TimeUnit.SECONDS);
      assertThat(line).as("an execution log line within 10 s").isNotNull();
      found.add(line);
    } while (!line.contains("Method completed with status"));
    return found;
  }

  @Test
  void infoLogsEveryRequestWithItsId() throws Exception {
    start(log -> log.level(ExecutionLogSettings.Level.INFO));

    GatewayResponse response = send(GatewayRequest.builder("POST", "/prod/pets").body("{}").sourceIp("10.0.0.1"));

    String id = "(" + response.headers().first("x-amzn-RequestId") + ") ";
    List<String> logged = requestLines();
    assertThat(logged).allMatch(line -> line.startsWith("INFO " + id));
    assertThat(logged.get(0)).endsWith("Starting execution for request: POST /prod/pets from 10.0.0.1");
    assertThat(logged).anyMatch(line -> line.endsWith("Route: POST /pets"));
    assertThat(logged).anyMatch(line -> line.contains("Integration answered with status 201 in "));
    assertThat(logged.get(logged.size() - 1)).contains("Method completed with status: 201");
  }

  @Test
  void errorLevelLogsOnlyFailedRequests() throws Exception {
    start(log -> log.level(ExecutionLogSettings.Level.ERROR));

    send(GatewayRequest.builder("POST", "/prod/pets").body("{}"));
    send(GatewayRequest.builder("GET", "/prod/broken"));

    List<String> logged = requestLines();
    assertThat(logged).allMatch(line -> line.startsWith("ERROR "));
    assertThat(logged).anyMatch(line -> line.contains("Route: GET /broken"));
    assertThat(logged).anyMatch(line -> line.contains("Gateway response type: BAD_GATEWAY with status: 502"));
    assertThat(lines.poll(200, TimeUnit.MILLISECONDS)).isNull();
  }

  @Test
  void dataTraceLogsRequestsAndResponsesWithSecretsRedacted() throws Exception {
    start(log -> log.level(ExecutionLogSettings.Level.INFO).dataTrace());

    send(GatewayRequest.builder("POST", "/prod/pets")
        .header("Authorization", "Bearer eyJhbGciOi.secret")
        .header("x-api-key", "key-value-0123456789")
        .header("Cookie", "session=abc")
        .header("X-Note", "line one\r\nInjected: yes")
        .body("{\"name\":\"Rex\"}"));

    String all = String.join("\n", requestLines());
    assertThat(all).contains("Method request headers: {Authorization=****, x-api-key=****, Cookie=****,"
        + " X-Note=line one\\r\\nInjected: yes}");
    assertThat(all).contains("Method request body before transformations: {\"name\":\"Rex\"}");
    assertThat(all).contains("Set-Cookie=****").contains("Method response body after transformations: {\"id\":7}");
    assertThat(all).doesNotContain("secret").doesNotContain("key-value").doesNotContain("session=");
  }

  @Test
  void longBodiesAreTruncatedAsAwsDoes() throws Exception {
    start(log -> log.level(ExecutionLogSettings.Level.INFO).dataTrace());

    send(GatewayRequest.builder("POST", "/prod/pets").body("x".repeat(5000)));

    assertThat(requestLines()).anyMatch(line -> line.endsWith(
        "Method request body before transformations: " + "x".repeat(1024) + " [TRUNCATED]"));
  }

  @Test
  void dataTraceBelowInfoFailsBuild() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Gateway.builder().restApi("petstore", api -> api
            .stage("prod", stage -> stage.executionLog(log -> log.level(ExecutionLogSettings.Level.ERROR).dataTrace()))
            .route("GET /pets", Integrations.mock(200))).definition())
        .hasMessage("restApi \"petstore\" › stage \"prod\": executionLog dataTrace: true (expected: with level INFO,"
            + " as AWS logs full requests only there; level is ERROR)");
    gateway = Gateway.builder().restApi("x", api -> api.stage("prod").route("GET /x", Integrations.mock(200))).build();
  }

  @Test
  void javadocExampleTurnsOnDataTraces() {
    gateway = Gateway.builder().restApi("petstore", api -> {
      // --- begin ExecutionLogSettings Javadoc
      api.stage("prod", stage -> stage.executionLog(log -> log
          .level(ExecutionLogSettings.Level.INFO)
          .dataTrace()));
      // --- end
      api.route("GET /pets", Integrations.mock(200));
    }).build();

    assertThat(gateway.definition().api("petstore").stage("prod").executionLog().dataTrace()).isTrue();
  }
}
