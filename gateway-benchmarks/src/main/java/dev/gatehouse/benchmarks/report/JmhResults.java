package dev.gatehouse.benchmarks.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads JMH's {@code -rf json} output generically: whatever benchmarks it holds, each with its
 * parameters, primary score and, with {@code -prof gc}, the normalised allocation rate.
 */
public final class JmhResults {
  /** The secondary metric of {@code -prof gc} that gives bytes allocated per operation. */
  static final String ALLOC_NORM = "gc.alloc.rate.norm";

  private JmhResults() {}

  /**
   * The results in {@code file}, or empty if the file does not exist or is empty (JMH creates the
   * file before its first benchmark, so a run that failed at once leaves an empty one).
   */
  public static Optional<List<JmhResult>> read(Path file) throws IOException {
    if (!Files.isRegularFile(file) || Files.size(file) == 0) {
      return Optional.empty();
    }
    return Optional.of(parse(Files.readString(file)));
  }

  /**
   * Parses JMH's JSON: an array of results.
   *
   * @throws IOException if the text is not JSON or not an array of JMH results
   */
  public static List<JmhResult> parse(String json) throws IOException {
    JsonNode root = new ObjectMapper().readTree(json);
    if (root == null || !root.isArray()) {
      throw new IOException("JMH results: not a JSON array (expected: the output of -rf json)");
    }
    List<JmhResult> results = new ArrayList<>();
    for (JsonNode entry : root) {
      JsonNode primary = entry.path("primaryMetric");
      if (!entry.hasNonNull("benchmark") || !primary.hasNonNull("score")) {
        throw new IOException("JMH results: an entry without benchmark or primaryMetric.score: " + entry);
      }
      Map<String, String> params = new LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> param : entry.path("params").properties()) {
        params.put(param.getKey(), param.getValue().asText());
      }
      results.add(new JmhResult(entry.get("benchmark").asText(), entry.path("mode").asText(""), params,
          primary.get("score").asDouble(), number(primary.path("scoreError")),
          primary.path("scoreUnit").asText(""), allocation(entry.path("secondaryMetrics"))));
    }
    return results;
  }

  /**
   * {@code gc.alloc.rate.norm} in bytes per operation. JMH has spelled it with and without a
   * leading middle dot over the years, so the name is matched by its end.
   */
  private static double allocation(JsonNode secondary) {
    for (Map.Entry<String, JsonNode> metric : secondary.properties()) {
      if (metric.getKey().endsWith(ALLOC_NORM)) {
        return number(metric.getValue().path("score"));
      }
    }
    return Double.NaN;
  }

  /** A number; JMH writes {@code "NaN"} as a string where it has none. */
  private static double number(JsonNode node) {
    if (node.isNumber()) {
      return node.asDouble();
    }
    try {
      return node.isTextual() ? Double.parseDouble(node.asText()) : Double.NaN;
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }
}
