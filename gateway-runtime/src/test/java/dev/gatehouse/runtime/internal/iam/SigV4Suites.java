package dev.gatehouse.runtime.internal.iam;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Where AWS's SigV4 test suites are ({@code ../shared/vectors}, or {@code -Dgatehouse.vectors}), their
 * case names, and the skip every suite test makes when the folder is absent.
 */
final class SigV4Suites {
  private static final Path VECTORS = Path.of(System.getProperty("gatehouse.vectors", "../shared/vectors"));
  /** aws-c-auth's suite: one folder per case. */
  static final Path V4 = VECTORS.resolve("sigv4/aws-c-auth/tests/aws-signing-test-suite/v4");
  /** AWS's 2015 suite: {@code .req}/{@code .creq}/{@code .sts}/{@code .authz}/{@code .sreq} per case. */
  static final Path CLASSIC = VECTORS.resolve("sigv4/classic-2015/aws-sig-v4-test-suite");
  /** The one case name listed when a suite is absent, so that its test reports the skip. */
  private static final String ABSENT = "(suite not found)";

  private SigV4Suites() {}

  /** The aws-c-auth cases, sorted. */
  static List<String> v4Cases() throws IOException {
    if (!Files.isDirectory(V4)) {
      return List.of(ABSENT);
    }
    try (Stream<Path> dirs = Files.list(V4)) {
      return dirs.filter(Files::isDirectory).map(dir -> dir.getFileName().toString()).sorted()
          .collect(Collectors.toList());
    }
  }

  /** The 2015 cases, as paths relative to the suite (some sit in sub-folders), sorted. */
  static List<String> classicCases() throws IOException {
    if (!Files.isDirectory(CLASSIC)) {
      return List.of(ABSENT);
    }
    try (Stream<Path> files = Files.walk(CLASSIC)) {
      return files.filter(file -> file.toString().endsWith(".sreq"))
          .map(file -> CLASSIC.relativize(file.getParent()).toString().replace('\\', '/')).sorted()
          .collect(Collectors.toList());
    }
  }

  /** Skips the calling test, with the reason, when {@code suite} is not there. */
  static void assumePresent(Path suite) {
    assumeTrue(Files.isDirectory(suite), "SigV4 test suite not found at " + suite.toAbsolutePath()
        + " (set -Dgatehouse.vectors=...; these tests need ../shared/vectors beside the project)");
  }
}
