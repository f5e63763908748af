package dev.gatehouse.benchmarks.websocket;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * One WebSocket benchmark server per process, started by {@link WebSocketBenchmark} (pinned to
 * core 0 with {@code taskset -c 0} where it exists):
 *
 * <pre>
 * java -cp benchmarks.jar dev.gatehouse.benchmarks.websocket.WebSocketServerMain --variant gateway
 * </pre>
 *
 * <p>Prints {@code ready port=N} once it accepts connections, then obeys one command per line of
 * standard input: {@code count} answers {@code count N}; {@code fanout <text>} sends the text to
 * every connection and answers {@code fanned <sent> <failed> <first failure>}. The end of the input,
 * which also comes when the orchestrator dies, stops it.
 */
public final class WebSocketServerMain {
  /** What the server prints, followed by its port, when it accepts connections. */
  public static final String READY = "ready port=";
  static final String COUNT = "count";
  static final String FAN_OUT = "fanout ";

  private WebSocketServerMain() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    if (args.length != 2 || !args[0].equals("--variant")) {
      throw new IllegalArgumentException("arguments: " + String.join(" ", args) + " (expected: --variant bare|gateway)");
    }
    WebSocketVariant variant = WebSocketVariant.parse(args[1]);
    try (BenchServer server = BenchServer.start(variant);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
      answer(READY + server.port());
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (line.equals(COUNT)) {
          answer(COUNT + " " + server.connections());
        } else if (line.startsWith(FAN_OUT)) {
          answer(server.fanOut(line.substring(FAN_OUT.length())).line());
        } else {
          answer("error unknown command: " + line);
        }
      }
    }
  }

  private static void answer(String line) {
    System.out.println(line);
    System.out.flush();
  }
}
