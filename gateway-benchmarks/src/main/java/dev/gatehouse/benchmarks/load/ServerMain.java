package dev.gatehouse.benchmarks.load;

import dev.gatehouse.Gateway;
import java.io.IOException;
import java.net.URI;
import java.util.Objects;

/**
 * One benchmark server per process, started by the orchestrator (pinned to core 0 with
 * {@code taskset -c 0} where it exists):
 *
 * <pre>
 * java -cp benchmarks.jar dev.gatehouse.benchmarks.load.ServerMain \
 *     --variant jdk-gateway --scenario function [--threads 16] [--backend http://127.0.0.1:40123]
 * </pre>
 *
 * <p>Prints {@code ready port=N} on standard output once it accepts connections, then serves until
 * its standard input reaches end of file, which also happens when the orchestrator dies: no server
 * outlives its benchmark. Bare variants ignore {@code --scenario}.
 */
public final class ServerMain {
  /** What the server prints, followed by its port, when it accepts connections. */
  public static final String READY = "ready port=";
  static final int DEFAULT_THREADS = 16;

  private ServerMain() {}

  public static void main(String[] args) throws IOException {
    Variant variant = null;
    String scenario = null;
    int threads = DEFAULT_THREADS;
    URI backend = null;
    for (int i = 0; i < args.length; i++) {
      String value = i + 1 < args.length ? args[i + 1] : null;
      switch (args[i]) {
        case "--variant" -> variant = Variant.parse(required(args[i], value));
        case "--scenario" -> scenario = required(args[i], value);
        case "--threads" -> threads = Integer.parseInt(required(args[i], value));
        case "--backend" -> backend = URI.create(required(args[i], value));
        default -> throw new IllegalArgumentException("argument: \"" + args[i]
            + "\" (expected: --variant, --scenario, --threads or --backend, each with a value)");
      }
      i++;
    }
    if (variant == null) {
      throw new IllegalArgumentException("--variant: missing (expected: jdk-bare, jdk-gateway, jetty-bare or jetty-gateway)");
    }
    if (variant.throughGateway() && scenario == null) {
      throw new IllegalArgumentException("--scenario: missing (expected: a scenario for " + variant.label() + ")");
    }
    Scenario chosen = scenario != null ? Scenarios.named(scenario) : null;
    try (RunningServer server = start(variant, chosen, threads, backend)) {
      System.out.println(READY + server.port());
      System.out.flush();
      while (System.in.read() >= 0) {
        // Only the end of the input matters: it is the orchestrator's signal to stop.
      }
    }
  }

  /**
   * Starts {@code variant} in this process; the end-to-end test and {@link #main} share it.
   *
   * @param scenario the scenario whose gateway to serve; ignored, and may be {@code null}, for a
   *     bare variant
   * @param threads the server's handler threads, the same for bare and gateway
   * @param backend the backend's base URI for scenarios that call one, otherwise {@code null}
   */
  public static RunningServer start(Variant variant, Scenario scenario, int threads, URI backend) {
    Objects.requireNonNull(variant, "variant");
    Gateway gateway = null;
    if (variant.throughGateway()) {
      Objects.requireNonNull(scenario, "scenario");
      if (scenario.backend() != Scenario.Backend.NONE && backend == null) {
        throw new IllegalArgumentException("backend: missing (expected: a base URI for scenario \""
            + scenario.name() + "\", which calls a backend)");
      }
      gateway = scenario.gateway().build(scenario.backend() == Scenario.Backend.NONE ? null : backend);
    }
    return variant.server() == Variant.Server.JDK
        ? JdkServers.start(gateway, threads)
        : JettyServers.start(gateway, threads);
  }

  private static String required(String option, String value) {
    if (value == null) {
      throw new IllegalArgumentException(option + ": missing value");
    }
    return value;
  }
}
