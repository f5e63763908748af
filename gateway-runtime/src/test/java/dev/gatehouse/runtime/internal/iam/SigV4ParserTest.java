package dev.gatehouse.runtime.internal.iam;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.Headers;
import org.junit.jupiter.api.Test;

/** Malformed SigV4 attempts, in a header or a query, get API Gateway's messages, naming the part. */
class SigV4ParserTest {
  private static final String CREDENTIAL = "AKIDEXAMPLE/20150830/us-east-1/execute-api/aws4_request";
  private static final String SIGNATURE = "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31";
  private static final String AUTHORIZATION = "AWS4-HMAC-SHA256 Credential=" + CREDENTIAL
      + ", SignedHeaders=host;x-amz-date, Signature=" + SIGNATURE;
  private static final String QUERY = "X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential="
      + CREDENTIAL.replace("/", "%2F") + "&X-Amz-Date=20150830T123600Z&X-Amz-Expires=300"
      + "&X-Amz-SignedHeaders=host&X-Amz-Signature=" + SIGNATURE;

  private static String headerMessage(String authorization) {
    return headerMessage(authorization, "20150830T123600Z");
  }

  private static String headerMessage(String authorization, String amzDate) {
    Headers.Builder headers = Headers.builder().add("Host", "example.com").add("Authorization", authorization);
    if (amzDate != null) {
      headers.add("X-Amz-Date", amzDate);
    }
    return message(SigV4Parser.parse(null, headers.build()));
  }

  private static String queryMessage(String rawQuery) {
    return message(SigV4Parser.parse(rawQuery, Headers.builder().add("Host", "example.com").build()));
  }

  private static String message(SigV4Parser.Parsed parsed) {
    assertThat(parsed.kind()).isEqualTo(SigV4Parser.Kind.MALFORMED);
    assertThat(parsed.request()).isNull();
    return parsed.message();
  }

  @Test
  void wellFormedHeaderParses() {
    SigV4Parser.Parsed parsed = SigV4Parser.parse(null, Headers.builder().add("Host", "example.com")
        .add("Authorization", "AWS4-HMAC-SHA256 Signature=" + SIGNATURE + ",SignedHeaders=host;x-amz-date,"
            + "  Credential=" + CREDENTIAL)
        .add("X-Amz-Date", "20150830T123600Z").build());

    assertThat(parsed.kind()).isEqualTo(SigV4Parser.Kind.PARSED);
    assertThat(parsed.request().signature()).isEqualTo(SIGNATURE);
    assertThat(parsed.request().scope()).isEqualTo("20150830/us-east-1/execute-api/aws4_request");
  }

  @Test
  void bearerTokenOnAnIamRoute() {
    assertThat(headerMessage("Bearer eyJhbGciOi", null)).isEqualTo(
        "Authorization header requires 'Credential' parameter. Authorization header requires 'Signature' parameter."
            + " Authorization header requires 'SignedHeaders' parameter. Authorization header requires existence of"
            + " either a 'X-Amz-Date' or a 'Date' header. Authorization=Bearer ...");
  }

  @Test
  void headerWithoutSignature() {
    String authorization = "AWS4-HMAC-SHA256 Credential=" + CREDENTIAL + ", SignedHeaders=host;x-amz-date";
    assertThat(headerMessage(authorization))
        .isEqualTo("Authorization header requires 'Signature' parameter. Authorization=AWS4-HMAC-SHA256 ...");
  }

  @Test
  void headerWithoutAmzDate() {
    assertThat(headerMessage(AUTHORIZATION, null)).isEqualTo("Authorization header requires existence of either a"
        + " 'X-Amz-Date' or a 'Date' header. Authorization=AWS4-HMAC-SHA256 ...");
  }

  @Test
  void headerWithAnotherAlgorithm() {
    assertThat(headerMessage(AUTHORIZATION.replace("AWS4-HMAC-SHA256", "AWS4-ECDSA-P256-SHA256")))
        .isEqualTo("Authorization header algorithm: 'AWS4-ECDSA-P256-SHA256' (expected: AWS4-HMAC-SHA256)");
  }

  @Test
  void headerWithShortCredential() {
    assertThat(headerMessage(AUTHORIZATION.replace(CREDENTIAL, "AKIDEXAMPLE/20150830/us-east-1/aws4_request")))
        .isEqualTo("Credential: 'AKIDEXAMPLE/20150830/us-east-1/aws4_request'"
            + " (expected: <access key id>/<yyyyMMdd>/<region>/<service>/aws4_request)");
    assertThat(headerMessage(AUTHORIZATION.replace("aws4_request", "aws5_request")))
        .startsWith("Credential: 'AKIDEXAMPLE/20150830/us-east-1/execute-api/aws5_request'");
    assertThat(headerMessage(AUTHORIZATION.replace("/20150830/", "/2015-08-30/")))
        .startsWith("Credential: 'AKIDEXAMPLE/2015-08-30/");
  }

  @Test
  void headerWithMalformedAmzDate() {
    assertThat(headerMessage(AUTHORIZATION, "2015-08-30T12:36:00Z"))
        .isEqualTo("X-Amz-Date: '2015-08-30T12:36:00Z' (expected: yyyyMMdd'T'HHmmss'Z', such as 20150830T123600Z)");
    assertThat(headerMessage(AUTHORIZATION, "20150830T253600Z")).startsWith("X-Amz-Date: '20150830T253600Z'");
  }

  @Test
  void headerScopeDateDiffersFromAmzDate() {
    assertThat(headerMessage(AUTHORIZATION, "20150831T000000Z")).isEqualTo("Date in Credential scope does not match"
        + " YYYYMMDD from ISO-8601 version of date from HTTP: '20150830' != '20150831', from '20150831T000000Z'.");
  }

  @Test
  void headerSignedHeadersWithoutHost() {
    assertThat(headerMessage(AUTHORIZATION.replace("host;x-amz-date", "x-amz-date"))).isEqualTo(
        "SignedHeaders: 'x-amz-date' (expected: lower-case header names separated by ';', including host)");
  }

  @Test
  void headerWithARepeatedParameter() {
    assertThat(headerMessage(AUTHORIZATION + ", Signature=00"))
        .isEqualTo("Authorization header has 'Signature' more than once (expected: once)");
  }

  @Test
  void twoAuthorizationHeaders() {
    Headers headers = Headers.builder().add("Authorization", AUTHORIZATION).add("Authorization", AUTHORIZATION)
        .add("X-Amz-Date", "20150830T123600Z").build();
    assertThat(message(SigV4Parser.parse(null, headers)))
        .isEqualTo("Authorization header appears 2 times (expected: once)");
  }

  @Test
  void headerAndQueryBothSigned() {
    Headers headers = Headers.builder().add("Authorization", AUTHORIZATION).add("X-Amz-Date", "20150830T123600Z").build();
    assertThat(message(SigV4Parser.parse(QUERY, headers))).isEqualTo(SigV4Parser.ONE_MECHANISM);
    assertThat(message(SigV4Parser.parse("X-Amz-Signature=" + SIGNATURE, headers))).isEqualTo(SigV4Parser.ONE_MECHANISM);
  }

  @Test
  void wellFormedQueryParses() {
    SigV4Parser.Parsed parsed = SigV4Parser.parse("a=1&" + QUERY, Headers.empty());

    assertThat(parsed.kind()).isEqualTo(SigV4Parser.Kind.PARSED);
    assertThat(parsed.request().presigned()).isTrue();
    assertThat(parsed.request().accessKeyId()).isEqualTo("AKIDEXAMPLE");
    assertThat(parsed.request().expiresSeconds()).isEqualTo(300);
  }

  @Test
  void queryWithOnlyAnAlgorithm() {
    assertThat(queryMessage("X-Amz-Algorithm=AWS4-HMAC-SHA256")).isEqualTo(
        "AWS query-string parameters must include 'X-Amz-Credential'. AWS query-string parameters must include"
            + " 'X-Amz-Signature'. AWS query-string parameters must include 'X-Amz-SignedHeaders'. AWS query-string"
            + " parameters must include 'X-Amz-Date'. Re-examine the query-string parameters.");
  }

  @Test
  void queryWithOnlyASignature() {
    assertThat(queryMessage("X-Amz-Signature=" + SIGNATURE)).startsWith(
        "AWS query-string parameters must include 'X-Amz-Algorithm'. AWS query-string parameters must include"
            + " 'X-Amz-Credential'. AWS query-string parameters must include 'X-Amz-SignedHeaders'.");
  }

  @Test
  void queryWithAnotherAlgorithm() {
    assertThat(queryMessage(QUERY.replace("AWS4-HMAC-SHA256", "AWS4-HMAC-SHA512")))
        .isEqualTo("X-Amz-Algorithm: 'AWS4-HMAC-SHA512' (expected: AWS4-HMAC-SHA256)");
  }

  @Test
  void queryWithBadCredentialAndDate() {
    assertThat(queryMessage(QUERY.replace("%2Faws4_request", ""))).startsWith(
        "X-Amz-Credential: 'AKIDEXAMPLE/20150830/us-east-1/execute-api' (expected: ");
    assertThat(queryMessage(QUERY.replace("20150830T123600Z", "20150830"))).startsWith("X-Amz-Date: '20150830'");
  }

  @Test
  void queryExpiresBeyondAWeek() {
    assertThat(queryMessage(QUERY.replace("X-Amz-Expires=300", "X-Amz-Expires=604801")))
        .isEqualTo("X-Amz-Expires must be less than a week (in seconds) that is 604800");
    assertThat(SigV4Parser.parse(QUERY.replace("X-Amz-Expires=300", "X-Amz-Expires=604800"), Headers.empty()).kind())
        .isEqualTo(SigV4Parser.Kind.PARSED);
  }

  @Test
  void queryExpiresNotAPositiveInteger() {
    assertThat(queryMessage(QUERY.replace("X-Amz-Expires=300", "X-Amz-Expires=soon")))
        .isEqualTo("X-Amz-Expires: 'soon' (expected: an integer from 1 to 604800)");
    assertThat(queryMessage(QUERY.replace("X-Amz-Expires=300", "X-Amz-Expires=0")))
        .isEqualTo("X-Amz-Expires: '0' (expected: an integer from 1 to 604800)");
    assertThat(queryMessage(QUERY.replace("X-Amz-Expires=300", "X-Amz-Expires=-5")))
        .isEqualTo("X-Amz-Expires: '-5' (expected: an integer from 1 to 604800)");
  }

  @Test
  void querySignedHeadersWithoutHost() {
    assertThat(queryMessage(QUERY.replace("X-Amz-SignedHeaders=host", "X-Amz-SignedHeaders=x-amz-date")))
        .startsWith("X-Amz-SignedHeaders: 'x-amz-date' (expected: ");
  }

  @Test
  void queryWithARepeatedParameter() {
    assertThat(queryMessage(QUERY + "&X-Amz-Date=20150830T123700Z"))
        .isEqualTo("X-Amz-Date appears more than once in the query string (expected: once)");
  }

  @Test
  void messagesAboutOnePartLeaveTheSignatureOut() {
    assertThat(queryMessage(QUERY.replace("X-Amz-Expires=300", "X-Amz-Expires=604801"))).doesNotContain(SIGNATURE);
    assertThat(headerMessage(AUTHORIZATION, "bad")).doesNotContain(SIGNATURE);
  }
}
