package dev.gatehouse.benchmarks.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.benchmarks.load.Taskset;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark's machinery in a tiny configuration: structure and counts, never timings. */
class WebSocketBenchmarkSmokeTest {
  private static final WebSocketSettings TINY = WebSocketSettings.tiny();

  @Test
  void aTinyRunMeasuresBareGatewayBareWithEveryRoundTripAndRound() throws Exception {
    WebSocketRun run = WebSocketBenchmark.run(TINY, "test", "in-process", BenchServer::start);

    assertThat(run.runs()).extracting(ServerRun::variant).containsExactly("bare", "gateway", "bare");
    for (ServerRun server : run.runs()) {
      assertThat(server.single().clients()).isEqualTo(1);
      assertThat(server.single().roundTrips()).isEqualTo(TINY.singleRoundTrips());
      assertThat(server.concurrent().clients()).isEqualTo(TINY.concurrentClients());
      assertThat(server.concurrent().roundTrips())
          .isEqualTo((long) TINY.concurrentClients() * TINY.concurrentRoundTripsPerClient());
      assertThat(server.single().p50Micros()).isPositive().isLessThanOrEqualTo(server.single().p99Micros());
      assertThat(server.fanOut().clients()).isEqualTo(TINY.fanOutClients());
      assertThat(server.fanOut().rounds()).isEqualTo(TINY.fanOutRounds());
      assertThat(server.fanOut().roundMillis()).hasSize(TINY.fanOutRounds());
      assertThat(server.fanOut().minMillis()).isPositive().isLessThanOrEqualTo(server.fanOut().maxMillis());
      assertThat(server.fanOut().serverCpuMicros()).as("in process: no CPU of the server's own").isNaN();
    }
  }

  @Test
  void theResultsReadBackFromJson() throws Exception {
    WebSocketRun run = WebSocketBenchmark.run(TINY, "test", "in-process", BenchServer::start);
    ObjectMapper json = new ObjectMapper();

    WebSocketRun read = json.readValue(json.writeValueAsString(run), WebSocketRun.class);

    assertThat(read.runs()).hasSize(3);
    assertThat(read.settings()).isEqualTo(TINY);
    assertThat(read.runs().get(1).fanOut().roundMillis()).isEqualTo(run.runs().get(1).fanOut().roundMillis());
  }

  @Test
  void aServerProcessCountsItsConnectionsAndFansOutToThem(@TempDir Path dir) throws Exception {
    try (WebSocketServerProcess server = WebSocketServerProcess.start(WebSocketVariant.GATEWAY, "64m",
        Taskset.none(), dir.resolve("gateway.log"))) {
      ServerRun measured = WebSocketBenchmark.measure(WebSocketVariant.GATEWAY, server, TINY);

      assertThat(measured.fanOut().rounds()).isEqualTo(TINY.fanOutRounds());
      assertThat(measured.fanOut().serverCpuMicros()).as("its own process: its CPU is measured").isNotNaN();
      assertThat(measured.concurrent().serverCpuMicros()).isNotNaN();
    }
  }
}
