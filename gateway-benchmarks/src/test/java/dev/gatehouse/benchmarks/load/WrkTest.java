package dev.gatehouse.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class WrkTest {
  private static final String REPORT = """
      Running 8s test @ http://127.0.0.1:40123/prod/hello/world
        1 threads and 16 connections
        Thread Stats   Avg      Stdev     Max   +/- Stdev
          Latency   812.41us  301.27us   9.48ms   91.02%
          Req/Sec    19.71k     0.88k   21.02k    81.25%
        Latency Distribution
           50%  770.00us
           75%  880.00us
           90%    1.01ms
           99%    1.86ms
        157012 requests in 8.00s, 27.10MB read
        Non-2xx or 3xx responses: 3
        Socket errors: connect 0, read 2, write 0, timeout 1
      Requests/sec:  19626.50
      Transfer/sec:      3.39MB
      """;

  @Test
  void readsRequestsDurationPercentilesAndErrors() throws IOException {
    MaxLoadGenerator.Result result = Wrk.parse(REPORT);

    assertThat(result.requests()).isEqualTo(157_012);
    assertThat(result.seconds()).isCloseTo(8.0, within(1e-9));
    assertThat(result.throughput()).isCloseTo(19_626.5, within(0.01));
    assertThat(result.p50Micros()).isCloseTo(770.0, within(1e-9));
    assertThat(result.p99Micros()).isCloseTo(1_860.0, within(1e-9));
    assertThat(result.errors()).isEqualTo(6);
  }

  @Test
  void aCleanRunHasNoErrors() throws IOException {
    String clean = REPORT.replaceAll("(?m)^\\s*(Non-2xx|Socket errors).*\n", "");

    assertThat(Wrk.parse(clean).errors()).isZero();
  }

  @Test
  void report_withoutRequestCount() {
    assertThatThrownBy(() -> Wrk.parse("unable to connect to 127.0.0.1:1 Connection refused"))
        .isInstanceOf(IOException.class)
        .hasMessageStartingWith("no \"N requests in T\" line in wrk's report:");
  }

  @Test
  void theScriptSetsMethodHeadersAndBodyWithEscapes() {
    LoadRequest request = LoadRequest.get("/prod/x").header("Authorization", "Bearer \"t\"").body("POST", "{\"a\":\"é\"}\n");

    assertThat(Wrk.luaScript(request)).isEqualTo("""
        wrk.method = "POST"
        wrk.body = "{\\034a\\034:\\034\\195\\169\\034}\\010"
        wrk.headers["Authorization"] = "Bearer \\034t\\034"
        """);
  }

  @Test
  void aGetWithoutBodyLeavesTheBodyUnsetSoThatWrkSendsNoContentLength() {
    assertThat(Wrk.luaScript(LoadRequest.get("/prod/hello/world"))).isEqualTo("wrk.method = \"GET\"\n");
  }
}
