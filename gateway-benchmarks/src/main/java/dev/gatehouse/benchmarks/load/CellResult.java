package dev.gatehouse.benchmarks.load;

import java.util.List;
import java.util.Optional;

/**
 * Everything measured on one server process: a variant, and for a gateway variant its scenario.
 *
 * @param server {@code jdk} or {@code jetty}
 * @param variant {@code jdk-bare}, {@code jdk-gateway}, ...
 * @param scenario the scenario's name; {@code null} for a bare baseline
 * @param request the request's label; a gateway cell's baseline is a bare cell with the same one
 * @param phases the phases in the order they ran
 */
public record CellResult(String server, String variant, String scenario, String request, List<PhaseResult> phases) {

  public CellResult {
    phases = List.copyOf(phases);
  }

  /** Whether this is a bare baseline. */
  public boolean bare() {
    return scenario == null;
  }

  /** The phase called {@code name}, if it ran. */
  public Optional<PhaseResult> phase(String name) {
    return phases.stream().filter(phase -> phase.name().equals(name)).findFirst();
  }
}
