package dev.gatehouse.benchmarks.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * nginx as the reference cell's process: reverse proxy to the backend with a generated
 * {@link NginxConfig} in a directory of its own, started with the servers' {@link Taskset} prefix,
 * in one process (no master), so that its pid is the worker that serves. Closing it stops nginx
 * with {@code SIGTERM} (nginx's fast shutdown), kills it if it lingers and deletes the directory.
 */
final class NginxProcess implements MeasuredProcess {
  /** The reference cell's server and variant in the results. */
  static final String LABEL = "nginx";
  /** Where Debian's nginx packages put it, often not on a user's {@code PATH}. */
  static final List<Path> SBIN = List.of(Path.of("/usr/sbin"), Path.of("/usr/local/sbin"));
  private static final String HOST = "127.0.0.1";
  private static final long START_TIMEOUT_SECONDS = 10;
  private static final long STOP_TIMEOUT_SECONDS = 10;

  private final Process process;
  private final int port;
  private final Path log;
  private final Path dir;
  /** Unlike a server JVM, nginx does not stop when the orchestrator's pipe closes: this stops it. */
  private final Thread orphanGuard;

  private NginxProcess(Process process, int port, Path log, Path dir) {
    this.process = process;
    this.port = port;
    this.log = log;
    this.dir = dir;
    this.orphanGuard = new Thread(process::destroyForcibly, "nginx-orphan-guard");
    Runtime.getRuntime().addShutdownHook(orphanGuard);
  }

  /** nginx on the {@code PATH}, or else in {@link #SBIN}. */
  static Optional<Path> find() {
    return Executables.find("nginx", SBIN);
  }

  /** {@code nginx/1.22.1 (/usr/sbin/nginx)}, from {@code nginx -v}; the path alone if it says nothing. */
  static String describe(Path nginx) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(nginx.toString(), "-v").redirectErrorStream(true).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    if (!process.waitFor(5, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
    String prefix = "nginx version: ";
    return out.startsWith(prefix) ? out.substring(prefix.length()) + " (" + nginx + ")" : nginx.toString();
  }

  /**
   * Starts nginx proxying to {@code backend} and waits until it listens.
   *
   * @param log the cell's log: nginx's error log and its standard output and error
   * @throws IOException with the end of the log if it does not come up, or if the process started
   *     is not the one serving (see {@link #checkAlone})
   */
  static NginxProcess start(Path nginx, URI backend, Taskset taskset, Path log) throws IOException,
      InterruptedException {
    Path absoluteLog = log.toAbsolutePath();
    Files.createDirectories(absoluteLog.getParent());
    Path dir = Files.createTempDirectory("gatehouse-nginx-");
    Process process = null;
    try {
      int port = freePort();
      Path conf = Files.writeString(dir.resolve("nginx.conf"), NginxConfig.render(dir, absoluteLog, port, backend),
          StandardCharsets.UTF_8);
      List<String> command = new ArrayList<>(taskset.serverPrefix());
      // -e: where nginx logs before it has read the configuration, instead of its built-in path.
      command.addAll(List.of(nginx.toString(), "-p", dir + "/", "-c", conf.toString(), "-e", absoluteLog.toString()));
      process = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(absoluteLog.toFile())).start();
      awaitListening(process, port, absoluteLog);
      checkAlone(process);
      return new NginxProcess(process, port, absoluteLog, dir);
    } catch (IOException | InterruptedException | RuntimeException e) {
      if (process != null) {
        stop(process);
      }
      deleteTree(dir);
      throw e;
    }
  }

  /**
   * A port free a moment ago. Another process may take it before nginx binds it; nginx then exits
   * with "bind() failed" in the log, and {@link #start} fails with it.
   */
  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
      return socket.getLocalPort();
    }
  }

  /** nginx prints nothing when it is ready: connecting is the only sign. */
  private static void awaitListening(Process process, int port, Path log) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_TIMEOUT_SECONDS);
    while (true) {
      if (!process.isAlive()) {
        throw new IOException("nginx exited with " + process.exitValue() + " before it listened on port " + port
            + "; end of " + log + ":\n" + Processes.tail(log));
      }
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress(HOST, port), 200);
        return;
      } catch (IOException e) {
        // not listening yet
      }
      if (System.nanoTime() > deadline) {
        throw new IOException("nginx did not listen on port " + port + " within " + START_TIMEOUT_SECONDS
            + " s; end of " + log + ":\n" + Processes.tail(log));
      }
      Thread.sleep(20);
    }
  }

  /**
   * Checks, in {@code /proc}, that the pid whose CPU the cell reads is the process that serves:
   * taskset has become nginx (the same pid, {@code comm} {@code nginx}), and nginx has forked no
   * worker to hand the work to ({@code master_process off}).
   */
  private static void checkAlone(Process process) throws IOException {
    Path comm = Path.of("/proc", Long.toString(process.pid()), "comm");
    String name = Files.isRegularFile(comm) ? Files.readString(comm, StandardCharsets.US_ASCII).trim() : "(gone)";
    long children = process.children().count();
    if (!name.equals("nginx") || children > 0 || !process.isAlive()) {
      throw new IOException("process " + process.pid() + ": " + name + " with " + children
          + " child processes (expected: nginx serving alone, master_process off)");
    }
  }

  @Override
  public int port() {
    return port;
  }

  @Override
  public long pid() {
    return process.pid();
  }

  @Override
  public String logTail() {
    return Processes.tail(log);
  }

  /** The directory of its configuration, pid file and temp paths; deleted by {@link #close}. */
  Path directory() {
    return dir;
  }

  @Override
  public void close() {
    try {
      Runtime.getRuntime().removeShutdownHook(orphanGuard);
    } catch (IllegalStateException e) {
      // The JVM is shutting down: the guard stops nginx anyway.
    }
    stop(process);
    deleteTree(dir);
  }

  /** {@code SIGTERM}, nginx's fast shutdown; a kill if it has not exited within the timeout. */
  private static void stop(Process process) {
    process.destroy();
    try {
      if (!process.waitFor(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> {
        try {
          Files.deleteIfExists(path);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (IOException | UncheckedIOException e) {
      // A leftover directory in /tmp costs nothing; the run's figures are intact.
      System.err.println("warning: could not delete " + dir + ": " + e.getMessage());
    }
  }
}
