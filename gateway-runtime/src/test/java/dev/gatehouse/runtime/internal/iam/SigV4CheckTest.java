package dev.gatehouse.runtime.internal.iam;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.Headers;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Requests signed by {@link IndependentSigner} pass {@link SigV4Parser} and {@link SigV4Check}, and
 * stop passing when any signed part is changed; malformed attempts get API Gateway's messages.
 */
class SigV4CheckTest {
  private static final String KEY_ID = "AKIDEXAMPLE";
  private static final String SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
  private static final String HOST = "abc123.execute-api.eu-west-1.amazonaws.com";
  private static final String PATH = "/prod/pets/%C3%A4%20b";
  private static final byte[] BODY = "{\"name\":\"Rex\"}".getBytes(StandardCharsets.UTF_8);
  private static final IndependentSigner SIGNER = IndependentSigner.forKey(KEY_ID, SECRET).region("eu-west-1")
      .service("execute-api").at(Instant.parse("2024-03-01T10:15:30Z"));

  /** A request as the gateway would receive it. */
  private record Received(String method, String path, String rawQuery, Headers headers, byte[] body) {
    Received method(String method) {
      return new Received(method, path, rawQuery, headers, body);
    }

    Received path(String path) {
      return new Received(method, path, rawQuery, headers, body);
    }

    Received query(String rawQuery) {
      return new Received(method, path, rawQuery, headers, body);
    }

    Received header(String name, String value) {
      return new Received(method, path, rawQuery, headers.toBuilder().set(name, value).build(), body);
    }

    Received body(String text) {
      return new Received(method, path, rawQuery, headers, text.getBytes(StandardCharsets.UTF_8));
    }

    SigV4Parser.Parsed parse() {
      return SigV4Parser.parse(rawQuery, headers);
    }

    /** What a verifier wired as AWS documents it would decide: both the body and the signature. */
    boolean verifies() {
      SigV4Parser.Parsed parsed = parse();
      assertThat(parsed.kind()).as(parsed.message()).isEqualTo(SigV4Parser.Kind.PARSED);
      ByteBuffer buffer = ByteBuffer.wrap(body);
      return SigV4Check.bodyMatches(headers, buffer)
          && SigV4Check.signatureMatches(parsed.request(), method, path, rawQuery, headers, buffer, SECRET, true);
    }
  }

  private static Received signed(IndependentSigner signer, String method, String path, String rawQuery, byte[] body) {
    Map<String, List<String>> extra = Map.of("Content-Type", List.of("application/json"), "X-Trace", List.of("a", "b  c"));
    Headers.Builder headers = Headers.builder().add("Host", HOST).add("Content-Type", "application/json")
        .add("X-Trace", "a").add("X-Trace", "b  c");
    signer.signHeaders(method, HOST, path, rawQuery, extra, body).forEach(headers::add);
    return new Received(method, path, rawQuery, headers.build(), body);
  }

  private static Received signed() {
    return signed(SIGNER, "POST", PATH, "limit=2&name=a%2Fb", BODY);
  }

  private static Received presigned(String rawQuery) {
    String query = SIGNER.presign("GET", HOST, PATH, rawQuery, 300);
    return new Received("GET", PATH, query, Headers.builder().add("Host", HOST).build(), new byte[0]);
  }

  @Test
  void headerSignedRequestVerifies() {
    Received request = signed();
    SignedRequest parts = request.parse().request();

    assertThat(request.verifies()).isTrue();
    assertThat(parts.presigned()).isFalse();
    assertThat(parts.accessKeyId()).isEqualTo(KEY_ID);
    assertThat(parts.scope()).isEqualTo("20240301/eu-west-1/execute-api/aws4_request");
    assertThat(parts.amzDate()).isEqualTo("20240301T101530Z");
    assertThat(parts.signedHeaders()).containsExactly("content-type", "host", "x-amz-date", "x-trace");
    assertThat(parts.securityToken()).isNull();
  }

  @Test
  void presignedRequestVerifies() {
    Received request = presigned("limit=2");
    SignedRequest parts = request.parse().request();

    assertThat(request.verifies()).isTrue();
    assertThat(parts.presigned()).isTrue();
    assertThat(parts.expiresSeconds()).isEqualTo(300);
    assertThat(parts.signedHeaders()).containsExactly("host");
  }

  @Test
  void sessionTokenIsSignedAndRead() {
    Received request = signed(SIGNER.token("FQoGZXIvYXdzE//token+/="), "GET", PATH, null, new byte[0]);

    assertThat(request.verifies()).isTrue();
    assertThat(request.parse().request().securityToken()).isEqualTo("FQoGZXIvYXdzE//token+/=");
    assertThat(request.parse().request().toString()).doesNotContain("FQoGZXIvYXdzE");
    assertThat(request.header("X-Amz-Security-Token", "other").verifies()).isFalse();
  }

  @Test
  void presignedSessionTokenIsReadFromTheQuery() {
    String query = SIGNER.token("tok/en+=").presign("GET", HOST, PATH, null, 60);
    Received request = new Received("GET", PATH, query, Headers.builder().add("Host", HOST).build(), new byte[0]);

    assertThat(request.verifies()).isTrue();
    assertThat(request.parse().request().securityToken()).isEqualTo("tok/en+=");
  }

  @Test
  void wrongSecretFails() {
    Received request = signed();
    SignedRequest parts = request.parse().request();

    assertThat(SigV4Check.signatureMatches(parts, request.method(), request.path(), request.rawQuery(),
        request.headers(), ByteBuffer.wrap(request.body()), SECRET + "x", true)).isFalse();
  }

  @Test
  void changedMethodFails() {
    assertThat(signed().method("PUT").verifies()).isFalse();
  }

  @Test
  void changedPathFails() {
    assertThat(signed().path("/prod/pets/%C3%A4%20c").verifies()).isFalse();
    // the same path encoded differently on the wire is a different signed path at execute-api
    assertThat(signed().path("/prod/pets/\u00e4%20b").verifies()).isFalse();
  }

  @Test
  void changedQueryValueFails() {
    assertThat(signed().query("limit=3&name=a%2Fb").verifies()).isFalse();
  }

  @Test
  void addedQueryParameterFails() {
    assertThat(signed().query("limit=2&name=a%2Fb&admin=true").verifies()).isFalse();
  }

  @Test
  void reorderedOrReencodedQueryStillVerifies() {
    // the canonical query is sorted and re-encoded, so these are the same signed query
    assertThat(signed().query("name=a/b&limit=2").verifies()).isTrue();
    assertThat(signed().query("name=%61%2fb&limit=2").verifies()).isTrue();
  }

  @Test
  void changedSignedHeaderFails() {
    assertThat(signed().header("Content-Type", "text/plain").verifies()).isFalse();
    assertThat(signed().header("Host", "evil.example.com").verifies()).isFalse();
    assertThat(signed().header("X-Amz-Date", "20240301T101531Z").verifies()).isFalse();
  }

  @Test
  void unsignedHeaderMayChange() {
    assertThat(signed().header("X-Forwarded-For", "10.0.0.1").verifies()).isTrue();
  }

  @Test
  void changedBodyFailsWhenItsHashIsImplied() {
    Received request = signed().body("{\"name\":\"Max\"}");

    assertThat(SigV4Check.bodyMatches(request.headers(), ByteBuffer.wrap(request.body()))).isTrue();
    assertThat(request.verifies()).isFalse();
  }

  @Test
  void changedBodyFailsWhenItsHashIsDeclared() {
    Received request = signed(SIGNER.contentSha256(), "POST", PATH, null, BODY);
    Received tampered = request.body("{\"name\":\"Max\"}");
    SignedRequest parts = tampered.parse().request();

    assertThat(request.verifies()).isTrue();
    assertThat(SigV4Check.bodyMatches(tampered.headers(), ByteBuffer.wrap(tampered.body()))).isFalse();
    // the signature covers only the declared hash, which is why a caller checks the body as well
    assertThat(SigV4Check.signatureMatches(parts, tampered.method(), tampered.path(), null, tampered.headers(),
        ByteBuffer.wrap(tampered.body()), SECRET, true)).isTrue();
    assertThat(tampered.verifies()).isFalse();
  }

  @Test
  void unsignedPayloadAcceptsAnyBody() {
    Received request = signed(SIGNER.unsignedPayload(), "POST", PATH, null, BODY);

    assertThat(request.verifies()).isTrue();
    assertThat(request.body("anything else").verifies()).isTrue();
    assertThat(SigV4Check.payloadHash(request.headers(), ByteBuffer.wrap(BODY))).isEqualTo(SigV4.UNSIGNED_PAYLOAD);
  }

  @Test
  void presignedChangedQueryFails() {
    Received request = presigned("limit=2");

    assertThat(request.query(request.rawQuery().replace("limit=2", "limit=3")).verifies()).isFalse();
    assertThat(request.query(request.rawQuery() + "&admin=true").verifies()).isFalse();
    assertThat(request.query(request.rawQuery().replace("X-Amz-Expires=300", "X-Amz-Expires=600")).verifies()).isFalse();
  }

  @Test
  void pathIsNormalizedOnlyWhenAsked() {
    Received request = signed(SIGNER, "GET", "/prod/./pets//a/../b", null, new byte[0]);
    SignedRequest parts = request.parse().request();

    assertThat(request.verifies()).isTrue();
    assertThat(SigV4Check.signatureMatches(parts, "GET", request.path(), null, request.headers(),
        ByteBuffer.allocate(0), SECRET, false)).isFalse();
  }

  @Test
  void bodyBufferPositionIsKept() {
    ByteBuffer body = ByteBuffer.wrap(BODY);
    body.position(2);

    assertThat(SigV4.sha256Hex(body)).isEqualTo(SigV4.sha256Hex("name\":\"Rex\"}"));
    assertThat(body.position()).isEqualTo(2);
  }

  @Test
  void noAttemptIsMissing() {
    assertThat(SigV4Parser.parse(null, Headers.empty()).kind()).isEqualTo(SigV4Parser.Kind.MISSING);
    assertThat(SigV4Parser.parse("limit=2&X-Amz-Date=20240301T101530Z", Headers.of(Map.of("Host", HOST))).kind())
        .isEqualTo(SigV4Parser.Kind.MISSING);
  }
}
