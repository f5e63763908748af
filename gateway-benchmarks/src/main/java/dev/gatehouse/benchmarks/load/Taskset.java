package dev.gatehouse.benchmarks.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Where each process runs: the server alone on core 0, and the orchestrator (with the open-loop
 * client and any backend) and wrk on core 1, so that the generator never takes the server's CPU.
 * Without {@code taskset} nothing is pinned and the report says so.
 */
public final class Taskset {
  static final int SERVER_CORE = 0;
  static final int GENERATOR_CORE = 1;
  /** Placements tried before giving up; see {@link #place}. */
  private static final int PLACE_ATTEMPTS = 5;

  private final Optional<Path> taskset;

  private Taskset(Optional<Path> taskset) {
    this.taskset = taskset;
  }

  /**
   * Uses {@code taskset} from the {@code PATH} when there is one and the machine has two cores.
   *
   * @param cores the machine's cores, counted from {@code /proc/cpuinfo}: this JVM's own
   *     {@code availableProcessors()} is 1 once it has been pinned
   */
  public static Taskset detect(int cores) {
    return new Taskset(cores >= 2 ? Executables.find("taskset") : Optional.empty());
  }

  /** Pins nothing. */
  public static Taskset none() {
    return new Taskset(Optional.empty());
  }

  public boolean pins() {
    return taskset.isPresent();
  }

  /** The command prefix that starts a program on the server's core; empty without taskset. */
  public List<String> serverPrefix() {
    return prefix(SERVER_CORE);
  }

  /** The command prefix that starts a program on the generator's core; empty without taskset. */
  List<String> generatorPrefix() {
    return prefix(GENERATOR_CORE);
  }

  private List<String> prefix(int core) {
    return taskset.map(path -> List.of(path.toString(), "-c", Integer.toString(core))).orElse(List.of());
  }

  /**
   * Moves every thread of this JVM to the generator's core. Threads started later inherit it, so
   * the open-loop client and the backend run there too.
   */
  public void pinThisProcessToGeneratorCore() throws IOException, InterruptedException {
    place(ProcessHandle.current().pid(), Integer.toString(GENERATOR_CORE));
  }

  /**
   * Lets every thread of the server use both cores, for its warm-up: on its own core the JIT gets
   * only what the saturated request threads leave it, and the gateway, with far more code than
   * the bare server, would be measured while still compiling.
   */
  public void spreadServer(long pid) throws IOException, InterruptedException {
    place(pid, SERVER_CORE + "," + GENERATOR_CORE);
  }

  /** Puts every thread of the server back on its own core, before anything is measured. */
  public void pinServer(long pid) throws IOException, InterruptedException {
    place(pid, Integer.toString(SERVER_CORE));
  }

  /**
   * Places every thread of {@code pid}. {@code taskset -a} lists the threads, then places them one
   * by one, and stops at the first that has exited in between ("No such process"). A server whose
   * threads come and go (the gateway on the JDK's HttpClient starts hundreds a second) loses that
   * race now and then, so a failed placement is tried again on a fresh listing.
   */
  private void place(long pid, String cores) throws IOException, InterruptedException {
    if (taskset.isEmpty()) {
      return;
    }
    String output = "";
    for (int attempt = 0; attempt < PLACE_ATTEMPTS; attempt++) {
      Process process = new ProcessBuilder(taskset.get().toString(), "-a", "-p", "-c", cores, Long.toString(pid))
          .redirectErrorStream(true).start();
      output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      } else if (process.exitValue() == 0) {
        return;
      }
    }
    throw new IOException("taskset could not place process " + pid + " on cores " + cores + " in " + PLACE_ATTEMPTS
        + " attempts; the last said: " + output.strip().lines().reduce((first, last) -> last).orElse("nothing"));
  }

  /** How BENCHMARKS.md describes the placement. */
  public String description() {
    return pins()
        ? "server pinned to core " + SERVER_CORE + " (taskset -c " + SERVER_CORE + "); load generator, "
            + "orchestrator and backend on core " + GENERATOR_CORE
        : "not pinned (taskset absent or fewer than 2 cores): server and generator share the cores";
  }
}
