package dev.gatehouse.benchmarks.report;

import dev.gatehouse.benchmarks.load.CellResult;
import dev.gatehouse.benchmarks.load.LoadRun;
import dev.gatehouse.benchmarks.load.PhaseResult;
import dev.gatehouse.benchmarks.load.Scenario;
import dev.gatehouse.benchmarks.load.Scenarios;
import java.util.ArrayList;
import java.util.List;

/**
 * The load benchmark's tables: the ratios to the bare baselines, the HTTP proxy against nginx, then
 * every cell's own figures.
 */
final class LoadTables {
  /** Marks a phase that fell behind its rate; the method section explains it. */
  static final String BEHIND = "⚠ got";
  static final String BEHIND_RATIO = "⚠";

  /** µs per request of JIT compiling below which the table leaves it out. */
  static final double JIT_WORTH_MENTION = 0.5;

  private LoadTables() {}


  /** The phase names of the open-loop runs, in order: unloaded, then each fraction. */
  static List<String> openLoopPhases(LoadRun run) {
    List<String> phases = new ArrayList<>(List.of(PhaseResult.UNLOADED));
    run.settings().fractions().forEach(fraction -> phases.add(PhaseResult.fractionName(fraction)));
    return phases;
  }

  /** CPU per request, and the JIT compilers' share when it is worth a mention. */
  private static String cpu(PhaseResult phase) {
    String jit = phase.jitMicrosPerRequest() >= JIT_WORTH_MENTION
        ? " (+" + Markdown.amount(phase.jitMicrosPerRequest()) + " JIT)" : "";
    return Markdown.amount(phase.cpuMicrosPerRequest()) + jit;
  }

  /**
   * The scenarios this run measured; then, when the build has scenarios the run lacks, which ones, so
   * that a report written from older results does not read as if they had been left out of the tables.
   */
  static String scenarios(LoadRun run) {
    List<List<String>> rows = new ArrayList<>();
    run.scenarios().forEach(s -> rows.add(List.of("`" + s.name() + "`", s.description(), "`" + s.request() + "`")));
    List<String> absent = new ArrayList<>();
    for (Scenario scenario : Scenarios.all()) {
      if (run.scenarios().stream().noneMatch(info -> info.name().equals(scenario.name()))) {
        absent.add("`" + scenario.name() + "`");
      }
    }
    String table = Markdown.table(List.of("scenario", "what the gateway does", "request"), rows);
    return absent.isEmpty() ? table : table + "\nAbsent from this run, though this build has them: "
        + String.join(", ", absent) + " (the results predate them, or `--scenarios` left them out).\n";
  }

  /**
   * Scenarios that add a feature to another scenario, against that scenario on the same server in
   * the same run; empty when there are none.
   */
  static String againstScenarios(LoadRun run, List<Comparison> comparisons) {
    List<List<String>> rows = new ArrayList<>();
    for (LoadRun.ScenarioInfo info : run.scenarios()) {
      if (info.comparedWith() == null) {
        continue;
      }
      for (Comparison c : comparisons) {
        if (!c.scenario().equals(info.name())) {
          continue;
        }
        comparisons.stream()
            .filter(base -> base.server().equals(c.server()) && base.scenario().equals(info.comparedWith()))
            .findFirst()
            .ifPresent(base -> rows.add(List.of(c.server(), "`" + c.scenario() + "`", "`" + base.scenario() + "`",
                Markdown.ratio(c.throughputRatio() / base.throughputRatio()),
                Markdown.signed(c.addedCpuMicros() - base.addedCpuMicros()))));
      }
    }
    if (rows.isEmpty()) {
      return "";
    }
    return "Scenarios that add a feature, against the scenario without it (same server, same run):\n\n"
        + Markdown.table(List.of("server", "scenario", "compared with", "throughput ×", "added CPU µs/req"), rows)
        + "\n";
  }

  /** The HTTP proxy cells against nginx, at max; only those with an nginx cell to compare with. */
  static String againstNginx(List<ProxyComparison> proxies) {
    List<List<String>> rows = new ArrayList<>();
    for (ProxyComparison p : proxies) {
      if (p.withNginx()) {
        rows.add(List.of(p.server(), "`" + p.scenario() + "`", Markdown.whole(p.gatewayThroughput()),
            Markdown.whole(p.nginxThroughput()), Markdown.ratio(p.throughputRatio()),
            Markdown.amount(p.gatewayCpuMicros()), Markdown.amount(p.nginxCpuMicros())));
      }
    }
    return Markdown.table(List.of("server", "scenario", "gateway max req/s", "nginx max req/s", "gateway / nginx",
        "gateway CPU µs/req at max", "nginx CPU µs/req at max"), rows);
  }

  static String ratios(LoadRun run, List<Comparison> comparisons) {
    List<String> header = new ArrayList<>(List.of("server", "scenario", "throughput × bare", "added CPU µs/req"));
    for (String phase : openLoopPhases(run)) {
      header.add(phase + " p50 ×");
      header.add(phase + " p99 ×");
    }
    header.add("bare runs' spread");
    List<List<String>> rows = new ArrayList<>();
    for (Comparison c : comparisons) {
      List<String> row = new ArrayList<>(List.of(c.server(), "`" + c.scenario() + "`",
          Markdown.ratio(c.throughputRatio()), Markdown.signed(c.addedCpuMicros())));
      for (String phase : openLoopPhases(run)) {
        String mark = c.latency(phase).fellBehind() ? " " + BEHIND_RATIO : "";
        row.add(Markdown.ratio(c.latency(phase).p50Ratio()) + mark);
        row.add(Markdown.ratio(c.latency(phase).p99Ratio()) + mark);
      }
      row.add(Markdown.percent(c.bareSpread()) + " (" + c.baselineRuns() + " runs)");
      rows.add(row);
    }
    return Markdown.table(header, rows);
  }

  private static String scenarioColumn(CellResult cell) {
    return switch (cell.role()) {
      case BARE -> "(bare)";
      case GATEWAY -> "`" + cell.scenario() + "`";
      case REFERENCE -> "(reference)";
    };
  }

  static String cells(LoadRun run) {
    List<String> header = new ArrayList<>(List.of("#", "variant", "scenario", "max req/s", "max p50 / p99 µs",
        "CPU µs/req at max"));
    for (String phase : openLoopPhases(run)) {
      header.add(phase + " p50 / p99 µs");
    }
    header.add("CPU µs/req at " + openLoopPhases(run).get(openLoopPhases(run).size() - 1));
    header.add("errors / unsent");
    List<List<String>> rows = new ArrayList<>();
    int index = 1;
    for (CellResult cell : run.cells()) {
      PhaseResult max = cell.phase(PhaseResult.MAX).orElse(null);
      List<String> row = new ArrayList<>(List.of(Integer.toString(index++), cell.variant(),
          scenarioColumn(cell),
          max != null ? Markdown.whole(max.throughput()) : Markdown.NONE,
          max != null ? Markdown.pair(max.p50Micros(), max.p99Micros()) : Markdown.NONE,
          max != null ? cpu(max) : Markdown.NONE));
      PhaseResult last = null;
      for (String phase : openLoopPhases(run)) {
        PhaseResult result = cell.phase(phase).orElse(null);
        row.add(result == null ? Markdown.NONE : Markdown.pair(result.p50Micros(), result.p99Micros())
            + (result.targetRate() > 0 && !phase.equals(PhaseResult.UNLOADED)
                ? " @ " + Markdown.whole(result.targetRate()) + "/s" : "")
            + (result.fellBehind() ? " " + BEHIND + " " + Markdown.whole(result.throughput()) + "/s" : ""));
        last = result;
      }
      row.add(last != null ? cpu(last) : Markdown.NONE);
      long errors = cell.phases().stream().mapToLong(PhaseResult::errors).sum();
      long unsent = cell.phases().stream().mapToLong(PhaseResult::unsent).sum();
      row.add(errors + " / " + unsent);
      rows.add(row);
    }
    return Markdown.table(header, rows);
  }
}
