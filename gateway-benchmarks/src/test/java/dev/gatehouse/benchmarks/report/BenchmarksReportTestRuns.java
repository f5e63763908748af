package dev.gatehouse.benchmarks.report;

import static dev.gatehouse.benchmarks.report.Cells.cell;

import dev.gatehouse.benchmarks.load.LoadRun;
import java.util.List;

/** A small load run for the report tests that need one on disk. */
final class BenchmarksReportTestRuns {
  static final LoadRun RUN = Cells.run(List.of(
      cell("jdk", null, 20_000, 20.0, 100),
      cell("jdk", "function", 19_000, 21.5, 120),
      cell("jdk", null, 18_000, 22.0, 80)));

  private BenchmarksReportTestRuns() {}
}
