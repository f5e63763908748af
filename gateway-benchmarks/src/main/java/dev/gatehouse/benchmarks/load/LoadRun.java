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
 * @param clockTicksPerSecond {@code getconf CLK_TCK}, the unit of {@code /proc/<pid>/stat}
 * @param settings durations, rates and connections
 * @param scenarios the scenarios measured
 * @param cells the cells in the order they ran
 */
public record LoadRun(String command, String jmhCommand, String date, Environment environment, String placement, String generator,
    long clockTicksPerSecond, LoadSettings settings, List<ScenarioInfo> scenarios, List<CellResult> cells) {

  public LoadRun {
    scenarios = List.copyOf(scenarios);
    cells = List.copyOf(cells);
  }

  /**
   * What BENCHMARKS.md says about a scenario.
   *
   * @param comparedWith the scenario this one is also reported against, or {@code null}
   */
  public record ScenarioInfo(String name, String description, String request, String comparedWith) {

    public ScenarioInfo(String name, String description, String request) {
      this(name, description, request, null);
    }

    static ScenarioInfo of(Scenario scenario) {
      return new ScenarioInfo(scenario.name(), scenario.description(), scenario.request().label(),
          scenario.comparedWith());
    }
  }
}
