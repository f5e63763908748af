package dev.gatehouse.benchmarks.load;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Measures one cell: starts the server process, warms it up, finds its maximum throughput with the
 * closed-loop generator, then measures open-loop latency at one connection and at each fraction of
 * that maximum, reading the server's CPU time around every measured phase.
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
   * Runs one cell.
   *
   * @param scenario the scenario for a gateway variant; {@code null} for a bare one
   * @param request the request to send: the scenario's, or for a bare cell the one it is the
   *     baseline of
   */
  CellResult run(Variant variant, Scenario scenario, LoadRequest request, int index) throws IOException,
      InterruptedException {
    String name = scenario != null ? scenario.name() : null;
    Path log = logs.resolve(String.format("%02d-%s%s.log", index, variant.label(), name != null ? "-" + name : ""));
    URI cellBackend = scenario != null && scenario.backend() != Scenario.Backend.NONE ? backend : null;
    try (ServerProcess server = ServerProcess.start(variant, name, settings.serverThreads(), cellBackend,
        settings.heap(), taskset, log)) {
      InetSocketAddress target = new InetSocketAddress("127.0.0.1", server.port());
      check(target, request, server);
      warmUp(target, request, server);
      // The open-loop client's own code warms up here, not in the first measured phase.
      openLoop(target, request, settings.unloadedRate(), Math.min(1, settings.unloadedSeconds()), 1);
      List<PhaseResult> phases = new ArrayList<>();
      PhaseResult max = max(target, request, server);
      phases.add(max);
      if (max.requests() == 0) {
        throw new IOException("no answers at all from " + variant.label() + "; end of its log:\n" + server.logTail());
      }
      phases.add(measureOpen(PhaseResult.UNLOADED, target, request, settings.unloadedRate(),
          settings.unloadedSeconds(), 1, server));
      for (double fraction : settings.fractions()) {
        phases.add(measureOpen(PhaseResult.fractionName(fraction), target, request, fraction * max.throughput(),
            settings.fractionSeconds(), settings.connections(), server));
      }
      return new CellResult(variant.server().label(), variant.label(), name, request.label(), phases);
    }
  }

  /**
   * Closed-loop load until the server's JIT is done: the settings' warm-up time with the server on
   * both cores (see {@link Taskset#spreadServer}), then, pinned again, slices of
   * {@link LoadSettings#WARMUP_SLICE_SECONDS} seconds until two in a row agree within
   * {@link LoadSettings#WARMUP_STEADY}, at most {@link LoadSettings#WARMUP_MAX_SLICES} of them.
   */
  private void warmUp(InetSocketAddress target, LoadRequest request, ServerProcess server)
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
  private static void check(InetSocketAddress target, LoadRequest request, ServerProcess server) throws IOException {
    try (RawHttpConnection connection = new RawHttpConnection(target, 10_000)) {
      int status = connection.exchange(request.toHttp11(target.getHostString() + ":" + target.getPort()), request.method());
      if (status != TrivialAnswer.STATUS) {
        throw new IOException(request.label() + " answered " + status + " (expected: " + TrivialAnswer.STATUS
            + "); end of the server's log:\n" + server.logTail());
      }
    }
  }

  private PhaseResult max(InetSocketAddress target, LoadRequest request, ServerProcess server)
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
      double seconds, int connections, ServerProcess server) throws IOException {
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
