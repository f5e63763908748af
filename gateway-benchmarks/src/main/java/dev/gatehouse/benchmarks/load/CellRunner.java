package dev.gatehouse.benchmarks.load;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Measures one cell: starts its process (a server, bare or with a gateway, or the reference proxy),
 * warms it up, finds its maximum throughput with the closed-loop generator, then measures open-loop
 * latency at one connection and at each fraction of that maximum, reading the process's CPU time
 * around every measured phase. Every cell, whatever its process, goes through the same phases.
 */
final class CellRunner {

  private final LoadSettings settings;
  private final MaxLoadGenerator generator;
  private final Taskset taskset;
  private final long clockTicks;
  private final URI backend;
  private final Path logs;

  /**
   * @param backend the backend's URI, handed to every gateway variant; {@code null} without one
   * @param logs the directory for the servers' logs
   */
  CellRunner(LoadSettings settings, MaxLoadGenerator generator, Taskset taskset, long clockTicks, URI backend,
      Path logs) {
    this.settings = settings;
    this.generator = generator;
    this.taskset = taskset;
    this.clockTicks = clockTicks;
    this.backend = backend;
    this.logs = logs;
  }

  /**
   * Runs one cell of a server: its bare baseline, or a scenario's gateway.
   *
   * @param scenario the scenario for a gateway variant; {@code null} for a bare one
   * @param request the request to send: the scenario's, or for a bare cell the one it is the
   *     baseline of
   */
  CellResult run(Variant variant, Scenario scenario, LoadRequest request, int index) throws IOException,
      InterruptedException {
    String name = scenario != null ? scenario.name() : null;
    Path log = log(index, variant.label() + (name != null ? "-" + name : ""));
    URI cellBackend = scenario != null && scenario.backend() != Scenario.Backend.NONE ? backend : null;
    return measure(variant.server().label(), variant.label(),
        scenario != null ? CellResult.Role.GATEWAY : CellResult.Role.BARE, name, request,
        () -> ServerProcess.start(variant, name, settings.serverThreads(), cellBackend, settings.heap(), taskset, log));
  }

  /**
   * Runs the reference cell: nginx proxying {@code request} to the same backend as the gateway's
   * HTTP proxy cells, placed and measured as a server is.
   *
   * @param nginx the nginx executable
   */
  CellResult runNginx(Path nginx, LoadRequest request, int index) throws IOException, InterruptedException {
    if (backend == null) {
      throw new IllegalStateException("backend: missing (expected: the backend the nginx cell proxies to)");
    }
    Path log = log(index, NginxProcess.LABEL);
    return measure(NginxProcess.LABEL, NginxProcess.LABEL, CellResult.Role.REFERENCE, null, request,
        () -> NginxProcess.start(nginx, backend, taskset, log));
  }

  private Path log(int index, String cell) {
    return logs.resolve(String.format("%02d-%s.log", index, cell));
  }

  /** Starts a cell's process; the cell's phases are the same whatever it is. */
  @FunctionalInterface
  private interface Launcher {
    MeasuredProcess start() throws IOException, InterruptedException;
  }

  private CellResult measure(String server, String variant, CellResult.Role role, String scenario,
      LoadRequest request, Launcher launcher) throws IOException, InterruptedException {
    try (MeasuredProcess process = launcher.start()) {
      InetSocketAddress target = new InetSocketAddress("127.0.0.1", process.port());
      check(target, request, process);
      warmUp(target, request, process);
      // The open-loop client's own code warms up here, not in the first measured phase.
      openLoop(target, request, settings.unloadedRate(), Math.min(1, settings.unloadedSeconds()), 1);
      List<PhaseResult> phases = new ArrayList<>();
      PhaseResult max = max(target, request, process);
      phases.add(max);
      if (max.requests() == 0) {
        throw new IOException("no answers at all from " + variant + "; end of its log:\n" + process.logTail());
      }
      phases.add(measureOpen(PhaseResult.UNLOADED, target, request, settings.unloadedRate(),
          settings.unloadedSeconds(), 1, process));
      for (double fraction : settings.fractions()) {
        phases.add(measureOpen(PhaseResult.fractionName(fraction), target, request, fraction * max.throughput(),
            settings.fractionSeconds(), settings.connections(), process));
      }
      return new CellResult(server, variant, role, scenario, request.label(), phases);
    }
  }

  /**
   * Closed-loop load until the server's JIT is done: the settings' warm-up time with the server on
   * both cores (see {@link Taskset#spreadServer}), then, pinned again, slices of
   * {@link LoadSettings#WARMUP_SLICE_SECONDS} seconds until two in a row agree within
   * {@link LoadSettings#WARMUP_STEADY}, at most {@link LoadSettings#WARMUP_MAX_SLICES} of them.
   */
  private void warmUp(InetSocketAddress target, LoadRequest request, MeasuredProcess server)
      throws IOException, InterruptedException {
    taskset.spreadServer(server.pid());
    try {
      generator.run(target, request, LoadSettings.seconds(settings.warmupSeconds()), settings.connections());
    } finally {
      taskset.pinServer(server.pid());
    }
    if (settings.smoke()) {
      return;
    }
    double previous = 0;
    for (int slice = 0; slice < LoadSettings.WARMUP_MAX_SLICES; slice++) {
      double rate = generator.run(target, request, Duration.ofSeconds(LoadSettings.WARMUP_SLICE_SECONDS),
          settings.connections()).throughput();
      if (previous > 0 && Math.abs(rate - previous) <= LoadSettings.WARMUP_STEADY * previous) {
        return;
      }
      previous = rate;
    }
  }

  /** One request first: a cell that answers 404 or 500 would be measured fast and wrong. */
  private static void check(InetSocketAddress target, LoadRequest request, MeasuredProcess server) throws IOException {
    try (RawHttpConnection connection = new RawHttpConnection(target, 10_000)) {
      int status = connection.exchange(request.toHttp11(target.getHostString() + ":" + target.getPort()), request.method());
      if (status != TrivialAnswer.STATUS) {
        throw new IOException(request.label() + " answered " + status + " (expected: " + TrivialAnswer.STATUS
            + "); end of the server's log:\n" + server.logTail());
      }
    }
  }

  private PhaseResult max(InetSocketAddress target, LoadRequest request, MeasuredProcess server)
      throws IOException, InterruptedException {
    Cpu before = Cpu.read(server.pid());
    MaxLoadGenerator.Result result = generator.run(target, request, LoadSettings.seconds(settings.maxSeconds()),
        settings.connections());
    Cpu after = Cpu.read(server.pid());
    return new PhaseResult(PhaseResult.MAX, 0, settings.connections(), result.seconds(), result.requests(),
        result.throughput(), result.errors(), 0, result.p50Micros(), result.p99Micros(),
        ProcStat.microsPerRequest(before.process().minus(before.jit()), after.process().minus(after.jit()),
            result.requests(), clockTicks),
        ProcStat.microsPerRequest(before.jit(), after.jit(), result.requests(), clockTicks));
  }

  private PhaseResult measureOpen(String phase, InetSocketAddress target, LoadRequest request, double rate,
      double seconds, int connections, MeasuredProcess server) throws IOException {
    Cpu before = Cpu.read(server.pid());
    OpenLoopClient.Result result = openLoop(target, request, rate, seconds, connections);
    Cpu after = Cpu.read(server.pid());
    return new PhaseResult(phase, rate, connections, result.elapsedNanos() / 1e9, result.completed(),
        result.throughput(), result.non2xx() + result.errors(), result.unsent(), result.percentileMicros(50),
        result.percentileMicros(99),
        ProcStat.microsPerRequest(before.process().minus(before.jit()), after.process().minus(after.jit()),
            result.completed(), clockTicks),
        ProcStat.microsPerRequest(before.jit(), after.jit(), result.completed(), clockTicks));
  }

  /** The server's CPU time, and the part of it its JIT compilers took. */
  private record Cpu(ProcStat process, ProcStat jit) {
    static Cpu read(long pid) throws IOException {
      // Microseconds apart: far below the clock tick that both are counted in.
      ProcStat jit = ProcStat.readCompilers(pid);
      return new Cpu(ProcStat.read(pid), jit);
    }
  }

  private OpenLoopClient.Result openLoop(InetSocketAddress target, LoadRequest request, double rate, double seconds,
      int connections) throws IOException {
    Schedule schedule = new Schedule(rate, LoadSettings.seconds(seconds), settings.maxRequestsPerPhase());
    return OpenLoopClient.run(target, request, schedule, connections, LoadSettings.GRACE, LoadSettings.READ_TIMEOUT);
  }
}
