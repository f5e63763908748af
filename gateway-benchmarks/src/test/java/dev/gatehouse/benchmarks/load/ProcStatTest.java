package dev.gatehouse.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ProcStatTest {
  /** A real line of /proc/<pid>/stat: utime 1523, stime 187. */
  private static final String JAVA = "4242 (java) S 4200 4242 4200 34816 4242 1077936192 14385 0 3 0 1523 187 0 0 "
      + "20 0 19 0 7311 8994447360 30211 18446744073709551615 1 1 0 0 0 0 0 4096 16796879 0 0 0 17 0 0 0 0 0 0";

  @Test
  void readsUserAndSystemTicks() {
    ProcStat stat = ProcStat.parse(JAVA);

    assertThat(stat.userTicks()).isEqualTo(1523);
    assertThat(stat.systemTicks()).isEqualTo(187);
    assertThat(stat.totalTicks()).isEqualTo(1710);
  }

  @Test
  void countsFieldsFromTheLastParenthesisBecauseTheNameMayHoldSpacesAndParentheses() {
    ProcStat stat = ProcStat.parse("77 (a b) (c)) R 1 77 77 0 -1 4194304 100 0 0 0 42 7 0 0 20 0 1 0 5 1000 10");

    assertThat(stat.userTicks()).isEqualTo(42);
    assertThat(stat.systemTicks()).isEqualTo(7);
  }

  @Test
  void dividesTheTicksOfAnIntervalByItsRequests() {
    ProcStat before = new ProcStat(1_000, 200);
    ProcStat after = new ProcStat(1_300, 260);

    // 360 ticks at 100 per second = 3.6 s of CPU, over 150,000 requests = 24 µs each.
    assertThat(ProcStat.microsPerRequest(before, after, 150_000, 100)).isCloseTo(24.0, within(1e-9));
    assertThat(ProcStat.microsPerRequest(before, after, 0, 100)).isNaN();
  }

  @Test
  void readsThisProcessAndItsJitCompilerThreads() throws Exception {
    ProcStat process = ProcStat.read(ProcessHandle.current().pid());
    ProcStat compilers = ProcStat.readCompilers(ProcessHandle.current().pid());

    assertThat(process.totalTicks()).isPositive();
    assertThat(compilers.totalTicks()).isBetween(0L, process.totalTicks());
    assertThat(ProcStat.clockTicksPerSecond()).isPositive();
  }

  @Test
  void aProcessWithoutJvmCompilerThreadsHasNoJitTime() throws Exception {
    // The reference cell measures nginx: its JIT columns must read zero, not fail.
    Process sleep = new ProcessBuilder("sleep", "30").start();
    try {
      assertThat(ProcStat.readCompilers(sleep.pid())).isEqualTo(new ProcStat(0, 0));
    } finally {
      sleep.destroyForcibly().waitFor();
    }
  }

  @Test
  void knowsHotSpotsCompilerThreadsByTheirTruncatedNames() {
    assertThat(ProcStat.isCompiler("812 (C2 CompilerThre) S 1 2 3")).isTrue();
    assertThat(ProcStat.isCompiler("813 (C1 CompilerThre) S 1 2 3")).isTrue();
    assertThat(ProcStat.isCompiler("814 (jetty-12) S 1 2 3")).isFalse();
    assertThat(ProcStat.isCompiler("815 (VM Thread) S 1 2 3")).isFalse();
  }

  @Test
  void subtractsOneTimeFromAnother() {
    assertThat(new ProcStat(500, 80).minus(new ProcStat(120, 5))).isEqualTo(new ProcStat(380, 75));
  }

  @Test
  void stat_withoutName() {
    assertThatThrownBy(() -> ProcStat.parse("garbage"))
        .hasMessage("stat: \"garbage\" (expected: pid (comm) state ...)");
  }

  @Test
  void stat_tooShort() {
    assertThatThrownBy(() -> ProcStat.parse("1 (x) S 1 2 3"))
        .hasMessage("stat: 6 fields (expected: at least 15)");
  }
}
