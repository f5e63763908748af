package dev.gatehouse.benchmarks.load;

import dev.gatehouse.Gateway;
import java.net.URI;
import java.util.Objects;

/**
 * One thing the load benchmark measures through the gateway, as data: a name, what it is, how to
 * build the gateway, and the request to send. Its bare baseline is the same request answered by
 * the bare server, which always gives {@link TrivialAnswer}; a scenario's gateway must give that
 * answer too.
 *
 * @param name the name used on the command line and in the tables, such as {@code function}
 * @param description one line for BENCHMARKS.md
 * @param backend whether the gateway calls a backend server, which the orchestrator then starts
 * @param gateway builds the gateway; receives the backend's base URI, or {@code null} without one
 * @param request the request sent, with its path after the mount point
 * @param comparedWith another scenario this one is also reported against, such as {@code function}
 *     for a feature added to the function route; {@code null} for the bare baseline only
 */
public record Scenario(
    String name, String description, Backend backend, GatewayFactory gateway, LoadRequest request,
    String comparedWith) {

  public Scenario {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(backend, "backend");
    Objects.requireNonNull(gateway, "gateway");
    Objects.requireNonNull(request, "request");
  }

  /** A scenario reported against the bare baseline only. */
  public Scenario(String name, String description, Backend backend, GatewayFactory gateway, LoadRequest request) {
    this(name, description, backend, gateway, request, null);
  }

  /** Whether a scenario's gateway calls a backend. */
  public enum Backend {
    /** The gateway answers by itself (function or mock integrations). */
    NONE,
    /**
     * The gateway calls an HTTP backend: a bare JDK server giving {@link TrivialAnswer}, started by
     * the orchestrator on the load generator's core.
     */
    HTTP
  }

  /** Builds a scenario's gateway in the server process. */
  @FunctionalInterface
  public interface GatewayFactory {
    /**
     * A new gateway.
     *
     * @param backend the backend's base URI, such as {@code http://127.0.0.1:40123}; {@code null}
     *     when the scenario declares {@link Backend#NONE}
     */
    Gateway build(URI backend);
  }
}
