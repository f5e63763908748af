package dev.gatehouse.runtime.internal.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.RouteKey;
import java.util.AbstractMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RouteTableTest {
  private static final List<String> KEYS = List.of(
      "GET /pets",
      "GET /pets/{id}",
      "GET /pets/mine",
      "DELETE /pets/{petId}",
      "ANY /pets/{id}",
      "GET /pets/{id}/toys/{toy}",
      "GET /files/{proxy+}",
      "GET /files/readme",
      "ANY /legacy/{proxy+}",
      "POST /legacy/special",
      "GET /",
      "$default");

  private static final RouteTable<String> TABLE = RouteTable.of(KEYS.stream()
      .map(key -> new AbstractMap.SimpleImmutableEntry<>(RouteKey.parse(key), key))
      .collect(Collectors.toList()));

  @ParameterizedTest(name = "{0} {1} -> {2} {3}")
  @CsvSource(delimiter = '|', value = {
      "GET    | /pets                 | GET /pets                 | ",
      "GET    | /pets/mine            | GET /pets/mine            | ",
      "GET    | /pets/7               | GET /pets/{id}            | 7",
      "DELETE | /pets/7               | DELETE /pets/{petId}      | 7",
      "PUT    | /pets/7               | ANY /pets/{id}            | 7",
      "PUT    | /pets/mine            | ANY /pets/{id}            | mine",
      "GET    | /pets/7/toys/ball     | GET /pets/{id}/toys/{toy} | 7,ball",
      "GET    | /files/readme         | GET /files/readme         | ",
      "GET    | /files/a              | GET /files/{proxy+}       | a",
      "GET    | /files/a/b/c          | GET /files/{proxy+}       | a/b/c",
      "POST   | /files/a              | $default                  | ",
      "GET    | /files                | $default                  | ",
      "POST   | /legacy/special       | POST /legacy/special      | ",
      "GET    | /legacy/special       | ANY /legacy/{proxy+}      | special",
      "PATCH  | /legacy/x/y           | ANY /legacy/{proxy+}      | x/y",
      "GET    | /                     | GET /                     | ",
      "POST   | /                     | $default                  | ",
      "GET    | /nothing/here         | $default                  | ",
  })
  void routeFollowsLiteralThenParameterThenGreedyThenDefault(
      String method, String path, String expectedKey, String expectedValues) {
    RouteTable.Match<String> match = TABLE.match(method, segments(path));

    assertThat(match).isNotNull();
    assertThat(match.route()).isEqualTo(expectedKey);
    assertThat(String.join(",", match.parameterValues())).isEqualTo(expectedValues == null ? "" : expectedValues);
  }

  @ParameterizedTest
  @CsvSource({"GET,/pets/7/unknown", "POST,/pets", "GET,/files"})
  void withoutDefaultRouteUnmatchedRequestsFindNothing(String method, String path) {
    RouteTable<String> table = RouteTable.of(Stream.of("GET /pets", "GET /pets/{id}", "GET /files/{proxy+}")
        .map(key -> (Map.Entry<RouteKey, String>) new AbstractMap.SimpleImmutableEntry<>(RouteKey.parse(key), key))
        .collect(Collectors.toList()));

    assertThat(table.match(method, segments(path))).isNull();
  }

  private static List<String> segments(String path) {
    try {
      return PathDecoder.segments(path);
    } catch (PathDecoder.MalformedPathException e) {
      throw new AssertionError(e);
    }
  }
}
