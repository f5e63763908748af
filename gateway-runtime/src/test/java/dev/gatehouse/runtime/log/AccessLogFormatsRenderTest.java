package dev.gatehouse.runtime.log;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.Gateway;
import dev.gatehouse.GatewayRequest;
import dev.gatehouse.authorizer.Authorizers;
import dev.gatehouse.event.AuthorizerPolicy;
import dev.gatehouse.integration.Integrations;
import dev.gatehouse.log.AccessLogFormats;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

/** AWS's four formats render lines their parsers read, even when a value is hostile. */
class AccessLogFormatsRenderTest {
  /** Quotes, a backslash, markup, CR/LF, a tab, a comma, non-ASCII and an emoji. */
  private static final String HOSTILE = "say \"hi\" \\ </x> & 'q', \r\nX-Injected: 1\tü 日本 😀";

  private final Map<String, String> lines = new ConcurrentHashMap<>();
  private final CountDownLatch written = new CountDownLatch(4);
  private Gateway gateway;

  @AfterEach
  void close() {
    gateway.close();
  }

  /** One stage per format, each stage logging one request whose authorizer context holds {@code note}. */
  private void render(String clf, String json, String xml, String csv) throws Exception {
    gateway = Gateway.builder().restApi("petstore", api -> {
      Map<String, String> formats = Map.of("clf", clf, "json", json, "xml", xml, "csv", csv);
      formats.forEach((stage, format) -> api.stage(stage, s -> s.accessLog(log -> log.format(format)
          .sink((a, st, line) -> {
            lines.put(st, line);
            written.countDown();
          }))));
      api.authorizer(Authorizers.token("notes", event -> new AuthorizerPolicy("user-1",
              AuthorizerPolicy.allow("user-1", "*").policyDocument(), Map.of("note", HOSTILE), null)))
          .route("GET /pets", Integrations.mock(200, "[]"), route -> route.authorizer("notes"));
    }).build();
    for (String stage : List.of("clf", "json", "xml", "csv")) {
      assertThat(gateway.handle(GatewayRequest.builder("GET", "/" + stage + "/pets").header("Authorization", "t")
          .sourceIp("192.0.2.1").build()).toCompletableFuture().get(10, TimeUnit.SECONDS).status()).isEqualTo(200);
    }
    assertThat(written.await(10, TimeUnit.SECONDS)).isTrue();
    lines.values().forEach(line -> assertThat(line).doesNotContain("\r", "\n"));
  }

  private static Document xml(String line) throws Exception {
    return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(line)));
  }

  /** Splits a CSV line by RFC 4180: quoted fields, doubled quotes. */
  private static List<String> csv(String line) {
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
        field.append('"');
        i++;
      } else if (c == '"') {
        quoted = !quoted;
      } else if (c == ',' && !quoted) {
        fields.add(field.toString());
        field.setLength(0);
      } else {
        field.append(c);
      }
    }
    fields.add(field.toString());
    return fields;
  }

  @Test
  void awsFormatsRenderAndParse() throws Exception {
    render(AccessLogFormats.CLF, AccessLogFormats.JSON, AccessLogFormats.XML, AccessLogFormats.CSV);

    assertThat(lines.get("clf")).matches("192\\.0\\.2\\.1 - - \\[[^]]+ \\+0000] \"GET /pets HTTP/1\\.1\" 200 2 \\S+ \\S+");
    JsonNode json = new ObjectMapper().readTree(lines.get("json"));
    assertThat(json.size()).isEqualTo(11);
    assertThat(json.get("status").asText()).isEqualTo("200");
    assertThat(json.get("caller").asText()).isEqualTo("-");
    Document xml = xml(lines.get("xml"));
    assertThat(xml.getDocumentElement().getAttribute("id")).isNotBlank();
    assertThat(xml.getElementsByTagName("resourcePath").item(0).getTextContent()).isEqualTo("/pets");
    assertThat(csv(lines.get("csv"))).hasSize(11).element(7).isEqualTo("200");
  }

  @Test
  void hostileValuesAreEscapedForEachFormat() throws Exception {
    render(AccessLogFormats.CLF + " \"$context.authorizer.note\" $context.authorizer.note",
        AccessLogFormats.JSON.replace(" }", ", \"note\":\"$context.authorizer.note\" }"),
        AccessLogFormats.XML.replace("\">", "\" note=\"$context.authorizer.note\">")
            .replace(" </request>", " <note>$context.authorizer.note</note> </request>"),
        AccessLogFormats.CSV + ",$context.authorizer.note,\"$context.authorizer.note\"");

    assertThat(new ObjectMapper().readTree(lines.get("json")).get("note").asText()).isEqualTo(HOSTILE);
    Document xml = xml(lines.get("xml"));
    assertThat(xml.getElementsByTagName("note").item(0).getTextContent()).isEqualTo(HOSTILE);
    assertThat(xml.getDocumentElement().getAttribute("note")).isEqualTo(HOSTILE);
    String oneLine = HOSTILE.replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t");
    assertThat(csv(lines.get("csv"))).hasSize(13).endsWith(oneLine, oneLine);
    String quoted = HOSTILE.replace("\\", "\\\\").replace("\"", "\\\"").replace("\r", "\\r")
        .replace("\n", "\\n").replace("\t", "\\t");
    assertThat(lines.get("clf")).endsWith(" \"" + quoted + "\" " + oneLine);
  }
}
