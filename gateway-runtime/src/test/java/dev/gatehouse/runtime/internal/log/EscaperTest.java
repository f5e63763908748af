package dev.gatehouse.runtime.internal.log;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.log.AccessLogTemplate.Escaping;
import org.junit.jupiter.api.Test;

/** Each escaping keeps a value on one line and valid in its format. */
class EscaperTest {

  private static String escape(String value, Escaping escaping) {
    StringBuilder out = new StringBuilder();
    Escaper.append(out, value, escaping);
    return out.toString();
  }

  @Test
  void unpairedSurrogateBecomesReplacementInEveryFormat() {
    for (Escaping escaping : Escaping.values()) {
      assertThat(escape("a\uD800b😀", escaping)).isEqualTo("a\uFFFDb😀");
    }
  }

  @Test
  void controlCharactersNeverReachTheLineRaw() {
    assertThat(escape("a\u0001\u007f", Escaping.JSON)).isEqualTo("a\\u0001\u007f");
    assertThat(escape("a\u0001\n", Escaping.XML)).isEqualTo("a\uFFFD&#10;");
    assertThat(escape("a\u0001\u007f\r", Escaping.PLAIN)).isEqualTo("a\\x01\\x7f\\r");
  }

  @Test
  void csvQuotesOnlyWhenNeeded() {
    assertThat(escape("plain text", Escaping.CSV)).isEqualTo("plain text");
    assertThat(escape("a,b", Escaping.CSV)).isEqualTo("\"a,b\"");
    assertThat(escape("say \"hi\"", Escaping.CSV)).isEqualTo("\"say \"\"hi\"\"\"");
    assertThat(escape("say \"hi\"", Escaping.CSV_QUOTED)).isEqualTo("say \"\"hi\"\"");
  }
}
