package dev.gatehouse.benchmarks.load;

import java.util.List;
import java.util.Optional;

/**
 * Everything measured on one process: a server's variant and, for a gateway variant, its scenario;
 * or the reference proxy.
 *
 * @param server {@code jdk} or {@code jetty}; {@code nginx} for the reference
 * @param variant {@code jdk-bare}, {@code jdk-gateway}, ...; {@code nginx} for the reference
 * @param role what the cell is compared as; absent from files written before it existed, where a
 *     cell without a scenario was bare and every other one a gateway
 * @param scenario the scenario's name; {@code null} for a bare baseline and for the reference
 * @param request the request's label; a gateway cell's baseline is a bare cell with the same one
 * @param phases the phases in the order they ran
 */
public record CellResult(String server, String variant, Role role, String scenario, String request,
    List<PhaseResult> phases) {

  /** What a cell is compared as. */
  public enum Role {
    /** The bare server answering by itself: the baseline of that server's gateway cells. */
    BARE,
    /** A scenario's gateway on a server. */
    GATEWAY,
    /**
     * Another program doing a scenario's job, such as nginx proxying to the same backend: the
     * gateway is compared with it, but it is never a baseline nor a gateway cell.
     */
    REFERENCE
  }

  public CellResult {
    if (role == null) {
      role = scenario == null ? Role.BARE : Role.GATEWAY;
    }
    phases = List.copyOf(phases);
  }

  /** A server's cell: bare without a scenario, a gateway with one. */
  public CellResult(String server, String variant, String scenario, String request, List<PhaseResult> phases) {
    this(server, variant, scenario == null ? Role.BARE : Role.GATEWAY, scenario, request, phases);
  }

  /** Whether this is a bare baseline. */
  public boolean bare() {
    return role == Role.BARE;
  }

  /** The phase called {@code name}, if it ran. */
  public Optional<PhaseResult> phase(String name) {
    return phases.stream().filter(phase -> phase.name().equals(name)).findFirst();
  }
}
