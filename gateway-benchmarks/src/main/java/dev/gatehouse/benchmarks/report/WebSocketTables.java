package dev.gatehouse.benchmarks.report;

import dev.gatehouse.benchmarks.websocket.ServerRun;
import dev.gatehouse.benchmarks.websocket.WebSocketRun;
import dev.gatehouse.benchmarks.websocket.WebSocketSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/**
 * BENCHMARKS.md's WebSocket section: the gateway against the bare Java-WebSocket server measured in
 * the same run, echo round trips and fan-out, or one line on why there is no WebSocket run.
 */
final class WebSocketTables {
  private static final String BARE = "bare";
  private static final String GATEWAY = "gateway";

  private WebSocketTables() {}

  /** The whole section, its heading included. */
  static String section(Optional<WebSocketRun> run, String absence) {
    StringBuilder md = new StringBuilder("## WebSocket\n\n");
    if (run.isEmpty()) {
      return md.append("WebSocket results absent: ").append(absence).append(".\n\n").toString();
    }
    WebSocketRun r = run.get();
    WebSocketSettings s = r.settings();
    List<ServerRun> bare = r.runs().stream().filter(x -> x.variant().equals(BARE)).toList();
    List<ServerRun> gateway = r.runs().stream().filter(x -> x.variant().equals(GATEWAY)).toList();
    md.append("Written by `").append(r.command()).append("` at ").append(r.date()).append(".\n\n");
    if (s.smoke()) {
      md.append("**Smoke run (`--quick`)**: too few round trips and rounds to quote.\n\n");
    }
    md.append(String.format(Locale.ROOT, "The gateway (`JdkWebSocketServer`, WebSocket API with route selection on "
        + "`$request.body.action`; route `echo` an async function whose answer the route response sends back; "
        + "`$connect`/`$disconnect` functions keep the connection IDs; fan-out through "
        + "`gateway.connections(api, stage).post(id, text)`) against a bare Java-WebSocket `WebSocketServer`, the "
        + "same library without the gateway (`onMessage` sends the message back; fan-out is `conn.send` to each "
        + "connection), both with %d decoder threads and `TCP_NODELAY`. Order: bare, gateway, bare, one fresh server "
        + "JVM each (`-Xms%s -Xmx%s -XX:+UseSerialGC`); *bare* is the mean of the bare runs. Placement: %s. "
        + "Clients: %s. Loopback only.%n%n", WebSocketSettings.DECODER_THREADS, s.heap(), s.heap(), r.placement(), r.client()))
        .append(String.format(Locale.ROOT, "Per server: %s clients connect; warm-up (%s echo round trips on each of "
            + "%d clients, %d fan-out rounds); then **echo, 1 client**: %s round trips, closed loop (the next "
            + "`{\"action\":\"echo\",...}` leaves when the previous answer is in), latency from the send to the whole "
            + "answer; **echo, %d clients**: %s round trips each, all at once; **fan-out**: %d rounds, each timed from "
            + "just before the server is told to send one message to every connection until the last of the %s "
            + "clients has it (the command reaches the server JVM on its standard input, the same for both). "
            + "Every client must get every message exactly once; a lost, duplicated or foreign message, a failed "
            + "send, a broken connection or a phase past %d s fails the run rather than recording a figure. "
            + "*CPU*: the server process's user + system time (`/proc/<pid>/stat`, JIT compiler threads left out) "
            + "over the phase, per round trip or per message delivered.%n%n",
            Markdown.whole(s.fanOutClients()), Markdown.whole(s.warmupRoundTripsPerClient()), s.concurrentClients(),
            s.fanOutWarmupRounds(), Markdown.whole(s.singleRoundTrips()), s.concurrentClients(),
            Markdown.whole(s.concurrentRoundTripsPerClient()), s.fanOutRounds(), Markdown.whole(s.fanOutClients()),
            s.phaseTimeoutSeconds()))
        .append("*gateway / bare*: higher is better for round trips/s (as *throughput × bare* in the load tables); ")
        .append("lower is better for latency, fan-out time and CPU (as *p50 ×*). *bare runs' spread*: (max - min) / ")
        .append("mean of the bare runs, how much the machine moved during the run.\n\n");
    if (bare.isEmpty() || gateway.isEmpty()) {
      return md.append("The run lacks a bare or a gateway server; no ratios.\n\n").append(runs(r)).append('\n').toString();
    }
    int n = s.concurrentClients();
    String clients = Markdown.whole(s.fanOutClients());
    List<List<String>> rows = new ArrayList<>();
    rows.add(row("echo, 1 client: p50 µs", bare, gateway, x -> x.single().p50Micros()));
    rows.add(row("echo, 1 client: p99 µs", bare, gateway, x -> x.single().p99Micros()));
    rows.add(row("echo, " + n + " clients: round trips/s", bare, gateway, x -> x.concurrent().roundTripsPerSecond()));
    rows.add(row("echo, " + n + " clients: p50 µs", bare, gateway, x -> x.concurrent().p50Micros()));
    rows.add(row("echo, " + n + " clients: p99 µs", bare, gateway, x -> x.concurrent().p99Micros()));
    rows.add(row("echo, " + n + " clients: server CPU µs per round trip", bare, gateway,
        x -> x.concurrent().serverCpuMicros()));
    rows.add(row("fan-out to " + clients + " clients: median ms", bare, gateway, x -> x.fanOut().medianMillis()));
    rows.add(row("fan-out to " + clients + " clients: server CPU µs per message", bare, gateway,
        x -> x.fanOut().serverCpuMicros()));
    return md.append(Markdown.table(List.of("measurement", "bare", "gateway", "gateway / bare", "bare runs' spread"), rows))
        .append("\nEvery server in the order it ran:\n\n").append(runs(r)).append('\n').toString();
  }

  private static List<String> row(String label, List<ServerRun> bare, List<ServerRun> gateway,
      ToDoubleFunction<ServerRun> figure) {
    double b = mean(bare, figure);
    double g = mean(gateway, figure);
    double min = bare.stream().mapToDouble(figure).min().orElse(Double.NaN);
    double max = bare.stream().mapToDouble(figure).max().orElse(Double.NaN);
    String spread = bare.size() < 2 ? Markdown.NONE : Markdown.percent((max - min) / b);
    return List.of(label, Markdown.amount(b), Markdown.amount(g), Markdown.ratio(g / b), spread);
  }

  private static double mean(List<ServerRun> runs, ToDoubleFunction<ServerRun> figure) {
    return runs.stream().mapToDouble(figure).average().orElse(Double.NaN);
  }

  private static String runs(WebSocketRun r) {
    List<List<String>> rows = new ArrayList<>();
    for (int i = 0; i < r.runs().size(); i++) {
      ServerRun x = r.runs().get(i);
      rows.add(List.of(Integer.toString(i + 1), x.variant(), Markdown.pair(x.single().p50Micros(), x.single().p99Micros()),
          Markdown.whole(x.concurrent().roundTripsPerSecond()),
          Markdown.pair(x.concurrent().p50Micros(), x.concurrent().p99Micros()),
          Markdown.amount(x.concurrent().serverCpuMicros()),
          Markdown.amount(x.fanOut().medianMillis()) + " (" + Markdown.amount(x.fanOut().minMillis()) + "–"
              + Markdown.amount(x.fanOut().maxMillis()) + ")",
          Markdown.amount(x.fanOut().serverCpuMicros())));
    }
    int n = r.settings().concurrentClients();
    return Markdown.table(List.of("#", "server", "echo 1 client p50 / p99 µs", "echo " + n + " clients round trips/s",
        "echo " + n + " clients p50 / p99 µs", "CPU µs per round trip", "fan-out median (fastest–slowest) ms",
        "CPU µs per message"), rows);
  }
}
