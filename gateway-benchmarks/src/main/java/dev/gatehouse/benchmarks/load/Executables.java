package dev.gatehouse.benchmarks.load;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Finds programs on the {@code PATH}, such as {@code wrk} and {@code taskset}. */
final class Executables {
  private Executables() {}

  /** The executable called {@code name} on the {@code PATH}, if any. */
  static Optional<Path> find(String name) {
    return find(name, List.of());
  }

  /**
   * The executable called {@code name} on the {@code PATH}, or else in one of {@code more}: a
   * user's {@code PATH} often lacks {@code /usr/sbin}, where Debian puts daemons such as nginx.
   */
  static Optional<Path> find(String name, List<Path> more) {
    List<Path> dirs = new ArrayList<>();
    String path = System.getenv("PATH");
    if (path != null) {
      for (String dir : path.split(File.pathSeparator)) {
        if (!dir.isEmpty()) {
          dirs.add(Path.of(dir));
        }
      }
    }
    dirs.addAll(more);
    for (Path dir : dirs) {
      Path candidate = dir.resolve(name);
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }
}
