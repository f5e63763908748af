package dev.gatehouse.runtime.internal.iam;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every case of AWS's SigV4 signing test suite (aws-c-auth {@code tests/aws-signing-test-suite/v4})
 * in both forms, an Authorization header and a presigned query, checked step by step: parse the
 * signed request, canonical request, string to sign, signature, then the whole check with the
 * right and a wrong secret.
 */
class SigV4TestSuiteTest {
  static List<String> cases() throws IOException {
    return SigV4Suites.v4Cases();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void authorizationHeader(String name) throws IOException {
    check(name, "header-");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void presignedQuery(String name) throws IOException {
    check(name, "query-");
  }

  private static void check(String name, String form) throws IOException {
    SigV4Suites.assumePresent(SigV4Suites.V4);
    Path dir = SigV4Suites.V4.resolve(name);
    JsonNode context = new ObjectMapper().readTree(dir.resolve("context.json").toFile());
    String accessKey = context.at("/credentials/access_key_id").asText();
    String secret = context.at("/credentials/secret_access_key").asText();
    String token = context.at("/credentials/token").asText(null);
    String date = context.get("timestamp").asText().substring(0, 10).replace("-", "");
    String region = context.get("region").asText();
    String service = context.get("service").asText();
    boolean normalize = context.get("normalize").asBoolean();
    String canonicalExpected = text(dir, form + "canonical-request.txt");

    HttpRequestFile request = HttpRequestFile.read(dir.resolve(form + "signed-request.txt"));
    SigV4Parser.Parsed parsed = SigV4Parser.parse(request.rawQuery(), request.headers());
    assertThat(parsed.kind()).as(parsed.message()).isEqualTo(SigV4Parser.Kind.PARSED);
    SignedRequest parts = parsed.request();
    assertThat(parts.presigned()).isEqualTo(form.equals("query-"));
    assertThat(parts.accessKeyId()).isEqualTo(accessKey);
    assertThat(parts.scope()).isEqualTo(date + "/" + region + "/" + service + "/aws4_request");
    assertThat(String.join(";", parts.signedHeaders()))
        .isEqualTo(canonicalExpected.split("\n")[canonicalExpected.split("\n").length - 2]);
    assertThat(parts.securityToken()).isEqualTo(token);
    if (parts.presigned()) {
      assertThat(parts.expiresSeconds()).isEqualTo(context.get("expiration_in_seconds").asInt());
    }

    String rawQuery = request.rawQuery();
    if (parts.presigned() && context.path("omit_session_token").asBoolean()) {
      // the suite's client appends the token after signing (as AWS IoT expects), so it is not in
      // the canonical query; execute-api signs it, so the verifier itself never leaves it out
      rawQuery = withoutParameter(rawQuery, "X-Amz-Security-Token");
    }
    String canonical = CanonicalRequest.of(request.method(), request.path(), rawQuery, request.headers(),
        parts.signedHeaders(), SigV4Check.payloadHash(request.headers(), request.body()), normalize, parts.presigned());
    assertThat(canonical).isEqualTo(canonicalExpected);

    String stringToSign = SigV4.stringToSign(parts.amzDate(), parts.scope(), canonical);
    assertThat(stringToSign).isEqualTo(text(dir, form + "string-to-sign.txt"));

    String signature = SigV4.signatureHex(SigV4.signingKey(secret, parts.scopeDate(), region, service), stringToSign);
    assertThat(signature).isEqualTo(text(dir, form + "signature.txt")).isEqualTo(parts.signature());

    ByteBuffer body = request.body();
    int position = body.position();
    assertThat(SigV4Check.bodyMatches(request.headers(), body)).isTrue();
    assertThat(SigV4Check.signatureMatches(parts, request.method(), request.path(), rawQuery, request.headers(), body,
        secret, normalize)).isTrue();
    assertThat(SigV4Check.signatureMatches(parts, request.method(), request.path(), rawQuery, request.headers(), body,
        secret + "x", normalize)).isFalse();
    assertThat(body.position()).isEqualTo(position);
  }

  private static String withoutParameter(String rawQuery, String name) {
    return Stream.of(rawQuery.split("&")).filter(piece -> !piece.startsWith(name + "="))
        .collect(Collectors.joining("&"));
  }

  /** The file's text; a single trailing newline, if an editor added one, is not part of it. */
  private static String text(Path dir, String file) throws IOException {
    String text = Files.readString(dir.resolve(file), StandardCharsets.UTF_8);
    return text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
  }
}
