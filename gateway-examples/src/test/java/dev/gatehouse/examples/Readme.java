package dev.gatehouse.examples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The repository's README and the example classes it shows, for the tests that keep them equal. */
final class Readme {
  static final Path ROOT = Path.of(System.getProperty("maven.multiModuleProjectDirectory", ".."));

  private Readme() {}

  static String text() throws IOException {
    return Files.readString(ROOT.resolve("README.md"));
  }

  /** The first {@code java} code block after {@code heading} (the file's first for {@code null}). */
  static String javaBlockAfter(String heading) throws IOException {
    String readme = text();
    int section = heading == null ? 0 : readme.indexOf(heading);
    if (section < 0) {
      throw new AssertionError("README.md has no heading \"" + heading + "\"");
    }
    int start = readme.indexOf("```java\n", section) + "```java\n".length();
    return readme.substring(start, readme.indexOf("```", start));
  }

  /** The source of an example class as the README should show it: without its package line. */
  static String exampleWithoutPackage(String simpleName) throws IOException {
    String source = Files.readString(
        ROOT.resolve("gateway-examples/src/main/java/dev/gatehouse/examples/" + simpleName + ".java"));
    String header = "package dev.gatehouse.examples;\n\n";
    if (!source.startsWith(header)) {
      throw new AssertionError(simpleName + ".java does not start with " + header.strip());
    }
    return source.substring(header.length());
  }
}
