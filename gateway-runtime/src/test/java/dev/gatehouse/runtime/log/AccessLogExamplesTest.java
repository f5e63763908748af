package dev.gatehouse.runtime.log;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.Gateway;
import dev.gatehouse.GatewayDefinition;
import dev.gatehouse.integration.Integrations;
import dev.gatehouse.log.AccessLogFormats;
import dev.gatehouse.log.AccessLogSink;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The access log's Javadoc examples, compiled (JavadocExamplesTest checks they are here). */
class AccessLogExamplesTest {

  @Test
  void settingsAndSinkExamples() {
    // --- begin AccessLogSink interface Javadoc
    List<String> lines = new CopyOnWriteArrayList<>();
    AccessLogSink sink = (api, stage, line) -> lines.add(api + "/" + stage + " " + line);
    // --- end
    GatewayDefinition definition = Gateway.builder().restApi("petstore", api -> {
      // --- begin AccessLogSettings record Javadoc
      api.stage("prod", stage -> stage.accessLog(log -> log
          .format(AccessLogFormats.JSON)));
      api.stage("beta", stage -> stage.accessLog(log -> log
          .format("$context.requestId $context.status $context.responseLatency")
          .sink(sink)));
      // --- end
      api.route("GET /pets", Integrations.mock(200));
    }).definition();

    assertThat(definition.apis().get(0).stage("beta").accessLog().sink()).isSameAs(sink);
    assertThat(lines).isEmpty();
  }
}
