package dev.gatehouse.benchmarks.load;

import java.util.List;

/**
 * One whole load benchmark run, as written to {@code load.json} and read by the report.
 *
 * @param command the command that started the run, as the user typed it
 * @param jmhCommand the JMH command the runner used before the load run; {@code null} if none
 * @param date when it started, ISO-8601 UTC
 * @param environment the machine and JDK
 * @param placement where the processes ran (pinning)
 * @param generator the maximum-throughput generator used
 * @param reference the reference proxy of the HTTP scenarios as the report names it, such as
 *     {@code nginx/1.22.1 (/usr/sbin/nginx)}, or why its cell failed; {@code null} when nginx was
 *     not found or no scenario called a backend
 * @param clockTicksPerSecond {@code getconf CLK_TCK}, the unit of {@code /proc/<pid>/stat}
 * @param settings durations, rates and connections
 * @param scenarios the scenarios measured
 * @param cells the cells in the order they ran
 */
public record LoadRun(String command, String jmhCommand, String date, Environment environment, String placement, String generator,
    String reference, long clockTicksPerSecond, LoadSettings settings, List<ScenarioInfo> scenarios, List<CellResult> cells) {

  public LoadRun {
    scenarios = List.copyOf(scenarios);
    cells = List.copyOf(cells);
  }

  /**
   * What BENCHMARKS.md says about a scenario.
   *
   * @param comparedWith the scenario this one is also reported against, or {@code null}
   * @param backend whether its gateway calls a backend; {@link Scenario.Backend#NONE} in files
   *     written before it was recorded
   */
  public record ScenarioInfo(String name, String description, String request, String comparedWith,
      Scenario.Backend backend) {

    public ScenarioInfo {
      if (backend == null) {
        backend = Scenario.Backend.NONE;
      }
    }

    public ScenarioInfo(String name, String description, String request) {
      this(name, description, request, null, Scenario.Backend.NONE);
    }

    public ScenarioInfo(String name, String description, String request, String comparedWith) {
      this(name, description, request, comparedWith, Scenario.Backend.NONE);
    }

    static ScenarioInfo of(Scenario scenario) {
      return new ScenarioInfo(scenario.name(), scenario.description(), scenario.request().label(),
          scenario.comparedWith(), scenario.backend());
    }
  }
}
