package dev.gatehouse.log;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.log.AccessLogTemplate.Escaping;
import dev.gatehouse.log.AccessLogTemplate.Part;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Parsing splits text from variables and reads each variable's escaping from its place. */
class AccessLogTemplateTest {

  private static AccessLogTemplate parse(String format) {
    List<String> problems = new ArrayList<>();
    AccessLogTemplate template = AccessLogTemplate.parse(format, problems);
    assertThat(problems).isEmpty();
    return template;
  }

  private static List<Escaping> escapings(String format) {
    return parse(format).parts().stream().filter(p -> p.variable() != null).map(Part::escaping).toList();
  }

  @Test
  void splitsTextAndVariables() {
    assertThat(parse("[$context.requestId] $context.status. $$context.x").parts()).containsExactly(
        new Part("[", null, null), new Part(null, "requestId", Escaping.PLAIN), new Part("] ", null, null),
        new Part(null, "status", Escaping.PLAIN), new Part(". $", null, null), new Part(null, "x", Escaping.PLAIN));
  }

  @Test
  void readsDottedNames() {
    assertThat(parse("$context.requestId $context.authorizer.claims.sub").variables())
        .containsExactly("requestId", "authorizer.claims.sub");
  }

  @Test
  void plainFormatEscapesInsideQuotesOnly() {
    assertThat(escapings(AccessLogFormats.CLF)).containsExactly(Escaping.PLAIN, Escaping.PLAIN, Escaping.PLAIN,
        Escaping.PLAIN, Escaping.QUOTED, Escaping.QUOTED, Escaping.QUOTED, Escaping.PLAIN, Escaping.PLAIN,
        Escaping.PLAIN, Escaping.PLAIN);
  }

  @Test
  void jsonXmlAndCsvFormatsAreRecognised() {
    assertThat(escapings(AccessLogFormats.JSON)).containsOnly(Escaping.JSON);
    assertThat(escapings(AccessLogFormats.XML)).containsOnly(Escaping.XML);
    assertThat(escapings(AccessLogFormats.CSV)).containsOnly(Escaping.CSV);
    assertThat(escapings("$context.requestId,\"$context.identity.userAgent\""))
        .containsExactly(Escaping.CSV, Escaping.CSV_QUOTED);
  }
}
