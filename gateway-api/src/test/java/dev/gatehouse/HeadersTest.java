package dev.gatehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HeadersTest {
  private final Headers headers = Headers.builder()
      .add("Accept", "text/html")
      .add("X-Request-Id", "7")
      .add("accept", "text/plain")
      .add("ACCEPT", "*/*")
      .build();

  @Test
  void firstAndLastIgnoreCase() {
    assertThat(headers.first("accept")).isEqualTo("text/html");
    assertThat(headers.last("Accept")).isEqualTo("*/*");
    assertThat(headers.first("x-request-id")).isEqualTo("7");
    assertThat(headers.last("X-REQUEST-ID")).isEqualTo("7");
  }

  @Test
  void allReturnsEveryValueInOrderIgnoringCase() {
    assertThat(headers.all("aCcEpT")).containsExactly("text/html", "text/plain", "*/*");
  }

  @Test
  void containsIgnoresCase() {
    assertThat(headers.contains("x-request-id")).isTrue();
    assertThat(headers.contains("X-Missing")).isFalse();
  }

  @Test
  void absentFieldGivesNullOrEmpty() {
    assertThat(headers.first("Cookie")).isNull();
    assertThat(headers.last("Cookie")).isNull();
    assertThat(headers.all("Cookie")).isEmpty();
  }

  @Test
  void fieldsKeepTheirOrderAndSpelling() {
    List<String> seen = new ArrayList<>();
    headers.forEach((name, value) -> seen.add(name + ": " + value));

    assertThat(seen).containsExactly("Accept: text/html", "X-Request-Id: 7", "accept: text/plain", "ACCEPT: */*");
    assertThat(headers.size()).isEqualTo(4);
    assertThat(headers).hasToString("Headers[Accept: text/html, X-Request-Id: 7, accept: text/plain, ACCEPT: */*]");
  }

  @Test
  void multiMapGroupsIgnoringCaseUnderTheFirstSpelling() {
    assertThat(headers.toMultiMap()).containsExactly(
        entry("Accept", List.of("text/html", "text/plain", "*/*")),
        entry("X-Request-Id", List.of("7")));
  }

  @Test
  void ofKeepsTheMapOrder() {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("Zeta", "1");
    fields.put("Alpha", "2");
    fields.put("Mid", "3");

    List<String> names = new ArrayList<>();
    Headers.of(fields).forEach((name, value) -> names.add(name));

    assertThat(names).containsExactly("Zeta", "Alpha", "Mid");
  }

  @Test
  void setReplacesEveryFieldOfTheNameWithOneAtTheEnd() {
    Headers replaced = headers.toBuilder().set("accept", "application/json").build();

    assertThat(replaced.all("Accept")).containsExactly("application/json");
    assertThat(replaced).hasToString("Headers[X-Request-Id: 7, accept: application/json]");
  }

  @Test
  void removeDropsEveryFieldOfTheNameIgnoringCase() {
    Headers.Builder builder = headers.toBuilder().remove("ACCEPT");

    assertThat(builder.contains("Accept")).isFalse();
    assertThat(builder.contains("x-request-id")).isTrue();
    assertThat(builder.build()).hasToString("Headers[X-Request-Id: 7]");
  }

  @Test
  void toBuilderLeavesTheOriginalAlone() {
    headers.toBuilder().add("Cookie", "a=1").remove("Accept").build();

    assertThat(headers.size()).isEqualTo(4);
    assertThat(headers.contains("Cookie")).isFalse();
  }

  @Test
  void emptyHasNoFields() {
    assertThat(Headers.empty().isEmpty()).isTrue();
    assertThat(Headers.empty().size()).isZero();
    assertThat(Headers.empty().toMultiMap()).isEmpty();
    assertThat(Headers.builder().build()).isEqualTo(Headers.empty());
    assertThat(headers.isEmpty()).isFalse();
  }

  @Test
  void equalFieldsInEqualOrderAreEqual() {
    Headers same = Headers.builder()
        .add("Accept", "text/html")
        .add("X-Request-Id", "7")
        .add("accept", "text/plain")
        .add("ACCEPT", "*/*")
        .build();

    assertThat(same).isEqualTo(headers).hasSameHashCodeAs(headers);
    assertThat(same.toBuilder().remove("X-Request-Id").add("X-Request-Id", "7").build()).isNotEqualTo(headers);
  }

  @Test
  void valuesHandedOutAreUnmodifiable() {
    assertThatThrownBy(() -> headers.all("Accept").add("x"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> headers.toMultiMap().put("Cookie", List.of()))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> headers.toMultiMap().get("Accept").add("x"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void add_nullName() {
    assertThatThrownBy(() -> Headers.builder().add(null, "x"))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("header name");
  }

  @Test
  void add_nullValue() {
    assertThatThrownBy(() -> Headers.builder().add("Accept", null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("header Accept value");
  }
}
