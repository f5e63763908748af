package dev.gatehouse.benchmarks.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The machine and JDK a run measured, for BENCHMARKS.md.
 *
 * @param cpuModel the first {@code model name} of {@code /proc/cpuinfo}
 * @param cores the {@code processor} entries of {@code /proc/cpuinfo}
 * @param javaVersion {@code java.version}
 * @param vm {@code java.vm.name} and {@code java.vm.version}
 * @param os {@code os.name}, {@code os.version} and {@code os.arch}
 */
public record Environment(String cpuModel, int cores, String javaVersion, String vm, String os) {

  /** This machine and JVM; the servers run on the same {@code java}. */
  public static Environment current() {
    List<String> cpuinfo;
    try {
      cpuinfo = Files.readAllLines(Path.of("/proc/cpuinfo"), StandardCharsets.UTF_8);
    } catch (IOException e) {
      cpuinfo = List.of();
    }
    return fromCpuinfo(cpuinfo);
  }

  static Environment fromCpuinfo(List<String> cpuinfo) {
    String model = null;
    int processors = 0;
    for (String line : cpuinfo) {
      int colon = line.indexOf(':');
      if (colon < 0) {
        continue;
      }
      String key = line.substring(0, colon).trim();
      if (key.equals("processor")) {
        processors++;
      } else if (key.equals("model name") && model == null) {
        model = line.substring(colon + 1).trim();
      }
    }
    return new Environment(model != null ? model : "unknown (no model name in /proc/cpuinfo)",
        processors > 0 ? processors : Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.version"),
        System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version"),
        System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
  }
}
