package dev.gatehouse.runtime.internal.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PathDecoderTest {
  @Test
  void segmentsAreDecodedOnce() throws Exception {
    assertThat(PathDecoder.segments("/prod/pets/a%20b/%E2%82%AC/%2541"))
        .containsExactly("prod", "pets", "a b", "€", "%41");
  }

  @Test
  void dotSegmentsAreRemovedAfterDecoding() throws Exception {
    assertThat(PathDecoder.segments("/prod/legacy/../pets/./7")).containsExactly("prod", "pets", "7");
    assertThat(PathDecoder.segments("/prod/legacy/%2e%2e/pets/%2E/7")).containsExactly("prod", "pets", "7");
  }

  @Test
  void emptySegmentsCollapse() throws Exception {
    assertThat(PathDecoder.segments("//prod///pets/")).containsExactly("prod", "pets");
    assertThat(PathDecoder.segments("/")).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"/", "/prod", "/prod/pets/7", "/prod/a%20b", "/prod//pets/", "/prod/./x/../pets", "//",
      "/%70rod/pets"})
  void decodedPathIsTheSegmentsJoinedAndTheRawPathItselfWhenNothingChanged(String raw) throws Exception {
    List<String> segments = PathDecoder.segments(raw);

    String path = PathDecoder.path(raw, segments);

    assertThat(path).isEqualTo(PathDecoder.join(segments, 0));
    if (path.equals(raw)) {
      assertThat(path).isSameAs(raw);
    }
    for (int from = 0; from <= segments.size(); from++) {
      assertThat(PathDecoder.after(path, segments, from)).isEqualTo(PathDecoder.join(segments, from));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"/..", "/prod/../..", "/%2e%2e/etc/passwd", "/prod/%2E%2E/%2e%2e/x"})
  void climbingAboveTheRootIsRefused(String raw) {
    assertThatThrownBy(() -> PathDecoder.segments(raw)).isInstanceOf(PathDecoder.MalformedPathException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/prod/a%2fb", "/prod/a%2Fb", "/prod/%00", "/prod/..%5cadmin", "/prod/a\\b", "/prod/a%zz", "/prod/a%4", "/prod/%C3%28",
      "relative", ""})
  void encodedSlashBackslashNulBrokenEscapesAndBadUtf8AreRefused(String raw) {
    assertThatThrownBy(() -> PathDecoder.segments(raw)).isInstanceOf(PathDecoder.MalformedPathException.class);
  }

  @Test
  void queryKeepsRepeatsAndOrderAndDecodesPlus() throws Exception {
    Map<String, List<String>> query = QueryParser.parse("b=2&a=1&b=3&flag&q=a+b%26c&empty=");

    assertThat(query).containsExactly(
        Map.entry("b", List.of("2", "3")),
        Map.entry("a", List.of("1")),
        Map.entry("flag", List.of("")),
        Map.entry("q", List.of("a b&c")),
        Map.entry("empty", List.of("")));
  }

  @Test
  void malformedQueryEscapeIsRefused() {
    assertThatThrownBy(() -> QueryParser.parse("a=%G1")).isInstanceOf(QueryParser.MalformedQueryException.class);
  }
}
