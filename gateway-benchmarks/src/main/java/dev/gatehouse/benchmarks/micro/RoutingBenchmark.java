package dev.gatehouse.benchmarks.micro;

import dev.gatehouse.RouteKey;
import dev.gatehouse.runtime.internal.routing.PathDecoder;
import dev.gatehouse.runtime.internal.routing.RouteTable;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Routing as every request pays it: {@link PathDecoder#segments} on the raw path, then
 * {@link RouteTable#match} in a table of {@code routes} routes of one {@code kind}, for a request
 * that hits the last route added.
 *
 * <p>Route {@code i} lives under service {@code svc(i / 100)}, so a table of 10,000 routes has 100
 * first segments with 100 resources each, as a large API grouped by service does:
 *
 * <ul>
 *   <li>{@code literal}: {@code GET /svc{i/100}/r{i}/items}, request {@code GET /svc99/r9999/items}
 *   <li>{@code parameter}: {@code GET /svc{i/100}/r{i}/items/{id}}, request {@code .../items/42}
 *   <li>{@code greedy}: {@code ANY /svc{i/100}/r{i}/{proxy+}}, request {@code .../a/b/c} (the greedy
 *       value is joined back from three segments, and {@code GET} falls back to {@code ANY})
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 3, time = 1)
public class RoutingBenchmark {
  @Param({"1", "100", "10000"})
  public int routes;

  @Param({"literal", "parameter", "greedy"})
  public String kind;

  private RouteTable<String> table;
  private String method;
  private String rawPath;

  @Setup
  public void setUp() {
    List<Map.Entry<RouteKey, String>> entries = new ArrayList<>(routes);
    for (int i = 0; i < routes; i++) {
      String key = routeKey(kind, i);
      entries.add(new AbstractMap.SimpleImmutableEntry<>(RouteKey.parse(key), key));
    }
    table = RouteTable.of(entries);
    method = "GET";
    rawPath = requestPath(kind, routes - 1);
  }

  @Benchmark
  public RouteTable.Match<String> match() throws PathDecoder.MalformedPathException {
    return table.match(method, PathDecoder.segments(rawPath));
  }

  static String routeKey(String kind, int i) {
    String base = "/svc" + (i / 100) + "/r" + i;
    switch (kind) {
      case "literal":
        return "GET " + base + "/items";
      case "parameter":
        return "GET " + base + "/items/{id}";
      case "greedy":
        return "ANY " + base + "/{proxy+}";
      default:
        throw new IllegalArgumentException("kind: " + kind + " (expected: literal, parameter or greedy)");
    }
  }

  static String requestPath(String kind, int i) {
    String base = "/svc" + (i / 100) + "/r" + i;
    switch (kind) {
      case "literal":
        return base + "/items";
      case "parameter":
        return base + "/items/42";
      case "greedy":
        return base + "/a/b/c";
      default:
        throw new IllegalArgumentException("kind: " + kind + " (expected: literal, parameter or greedy)");
    }
  }
}
