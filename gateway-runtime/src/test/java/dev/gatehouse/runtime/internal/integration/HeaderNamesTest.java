package dev.gatehouse.runtime.internal.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HeaderNamesTest {
  @ParameterizedTest
  @ValueSource(strings = {"Content-Type", "Content-type", "content-type", "CONTENT-TYPE", "X-Forwarded-For",
      "X-forwarded-for", "DNT", "Dnt", "X-Custom-Thing", "x-custom", "Ünïcode-Name", ""})
  void lowerCaseIsWhatToLowerCaseGives(String name) {
    assertThat(HeaderNames.lowerCase(name)).isEqualTo(name.toLowerCase(Locale.ROOT));
  }
}
