package dev.gatehouse.benchmarks.websocket;

import dev.gatehouse.benchmarks.load.Environment;
import java.util.List;

/**
 * One whole WebSocket benchmark run, as written to {@code websocket.json} and read by the report.
 *
 * @param command the command that started the run
 * @param date when it started, ISO-8601 UTC
 * @param environment the machine and JDK
 * @param placement where the servers and clients ran (pinning, or in-process)
 * @param client the client library
 * @param settings counts and limits
 * @param runs the servers in the order they ran: bare, gateway, bare
 */
public record WebSocketRun(String command, String date, Environment environment, String placement, String client,
    WebSocketSettings settings, List<ServerRun> runs) {

  public WebSocketRun {
    runs = List.copyOf(runs);
  }
}
