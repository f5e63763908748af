package dev.gatehouse.runtime.internal.iam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The test signer reproduces AWS's own signatures for the unsigned requests of the aws-c-auth
 * suite, so tests that trust it to sign trust something checked against AWS and not against the
 * verifier.
 */
class IndependentSignerTest {

  static List<String> cases() throws IOException {
    return SigV4Suites.v4Cases();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void signsLikeAwsInTheAuthorizationHeader(String name) throws IOException {
    Case c = load(name);
    // the suite's client adds the token after signing; this signer always signs it, as execute-api needs
    assumeFalse(c.context.path("omit_session_token").asBoolean(), "token added after signing");
    IndependentSigner signer = c.signer();
    if (c.context.get("sign_body").asBoolean()) {
      signer = signer.contentSha256();
    }
    Map<String, List<String>> headers = new LinkedHashMap<>(c.request.headers().toMultiMap());
    headers.keySet().removeIf(header -> header.equalsIgnoreCase("host"));
    Map<String, String> added = signer.signHeaders(c.request.method(), c.request.headers().first("Host"),
        c.request.path(), c.request.rawQuery(), headers, bytes(c.request.body()));

    assertThat(added.get("Authorization")).endsWith("Signature=" + text(c.dir, "header-signature.txt"));
    assertThat(added.get("Authorization")).isEqualTo(
        HttpRequestFile.read(c.dir.resolve("header-signed-request.txt")).headers().first("Authorization"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void presignsLikeAws(String name) throws IOException {
    Case c = load(name);
    assumeFalse(c.context.path("omit_session_token").asBoolean(), "token added after signing");
    // presign signs Host alone and an empty body, so only the cases that sign nothing else apply
    assumeTrue(c.request.headers().size() == 1 && !c.context.get("sign_body").asBoolean(), "signs more than Host");
    String query = c.signer().presign(c.request.method(), c.request.headers().first("Host"), c.request.path(),
        c.request.rawQuery(), c.context.get("expiration_in_seconds").asInt());

    assertThat(query).endsWith("&X-Amz-Signature=" + text(c.dir, "query-signature.txt"));
    SigV4Parser.Parsed parsed = SigV4Parser.parse(query, c.request.headers());
    assertThat(parsed.request().signature()).isEqualTo(text(c.dir, "query-signature.txt"));
  }

  private record Case(Path dir, JsonNode context, HttpRequestFile request) {
    IndependentSigner signer() {
      return IndependentSigner.forKey(context.at("/credentials/access_key_id").asText(),
              context.at("/credentials/secret_access_key").asText())
          .token(context.at("/credentials/token").asText(null))
          .region(context.get("region").asText())
          .service(context.get("service").asText())
          .at(Instant.parse(context.get("timestamp").asText()))
          .normalizePath(context.get("normalize").asBoolean());
    }
  }

  private static Case load(String name) throws IOException {
    SigV4Suites.assumePresent(SigV4Suites.V4);
    Path dir = SigV4Suites.V4.resolve(name);
    return new Case(dir, new ObjectMapper().readTree(dir.resolve("context.json").toFile()),
        HttpRequestFile.read(dir.resolve("request.txt")));
  }

  private static byte[] bytes(ByteBuffer buffer) {
    byte[] bytes = new byte[buffer.remaining()];
    buffer.duplicate().get(bytes);
    return bytes;
  }

  private static String text(Path dir, String file) throws IOException {
    String text = Files.readString(dir.resolve(file), StandardCharsets.UTF_8);
    return text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
  }
}
