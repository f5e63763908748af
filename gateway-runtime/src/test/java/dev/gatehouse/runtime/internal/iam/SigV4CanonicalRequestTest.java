package dev.gatehouse.runtime.internal.iam;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.Headers;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The canonicalization rules the AWS suite does not reach: encoding, odd paths and odd queries. */
class SigV4CanonicalRequestTest {

  @Test
  void uriEncodeKeepsOnlyUnreservedCharacters() {
    assertThat(SigV4.uriEncode("AZaz09-._~", false)).isEqualTo("AZaz09-._~");
    assertThat(SigV4.uriEncode("a b+c*d%e", false)).isEqualTo("a%20b%2Bc%2Ad%25e");
    assertThat(SigV4.uriEncode("\u00e4/\u1234", false)).isEqualTo("%C3%A4%2F%E1%88%B4");
    assertThat(SigV4.uriEncode("/a/b", true)).isEqualTo("/a/b");
  }

  @Test
  void wirePathIsEncodedAgain() {
    assertThat(CanonicalRequest.uri("/prod/pets/%C3%A4", false)).isEqualTo("/prod/pets/%25C3%25A4");
    assertThat(CanonicalRequest.uri("/prod/pets/%C3%A4", true)).isEqualTo("/prod/pets/%25C3%25A4");
    assertThat(CanonicalRequest.uri("", false)).isEqualTo("/");
    assertThat(CanonicalRequest.uri(null, true)).isEqualTo("/");
  }

  @Test
  void normalizationFollowsRfc3986AndDropsEmptySegments() {
    assertThat(CanonicalRequest.uri("/a/b/.", true)).isEqualTo("/a/b/");
    assertThat(CanonicalRequest.uri("/a/b/..", true)).isEqualTo("/a/");
    assertThat(CanonicalRequest.uri("/../../a", true)).isEqualTo("/a");
    assertThat(CanonicalRequest.uri("/a//b///c", true)).isEqualTo("/a/b/c");
    assertThat(CanonicalRequest.uri("/a/%2E%2E/b", true)).isEqualTo("/a/%252E%252E/b");
    assertThat(CanonicalRequest.uri("/a/b/..", false)).isEqualTo("/a/b/..");
  }

  @Test
  void queryIsDecodedReencodedAndSorted() {
    assertThat(CanonicalRequest.query("b=2&a=2&a=1&c", false)).isEqualTo("a=1&a=2&b=2&c=");
    assertThat(CanonicalRequest.query("&&x=1&&", false)).isEqualTo("x=1");
    assertThat(CanonicalRequest.query("q=a+b&r=a%20b&s=%7e%2f", false)).isEqualTo("q=a%2Bb&r=a%20b&s=~%2F");
    assertThat(CanonicalRequest.query("bad=%zz%4", false)).isEqualTo("bad=%25zz%254");
    assertThat(CanonicalRequest.query("", false)).isEmpty();
    assertThat(CanonicalRequest.query(null, true)).isEmpty();
  }

  @Test
  void queryKeepsBytesThatAreNotUtf8() {
    assertThat(CanonicalRequest.query("k=%FF%FE", false)).isEqualTo("k=%FF%FE");
  }

  @Test
  void presignedQueryLeavesOutOnlyTheSignature() {
    assertThat(CanonicalRequest.query("X-Amz-Signature=abc&X-Amz-Date=1&x-amz-signature=keep", true))
        .isEqualTo("X-Amz-Date=1&x-amz-signature=keep");
    assertThat(CanonicalRequest.query("X-Amz-Signature=abc", false)).isEqualTo("X-Amz-Signature=abc");
  }

  @Test
  void headerValuesAreTrimmedFoldedAndJoined() {
    assertThat(CanonicalRequest.headerValue(List.of("  a \t b  ", "c\r\n  d", ""))).isEqualTo("a b,c d,");
  }

  @Test
  void canonicalRequestLayout() {
    Headers headers = Headers.builder().add("Host", "h").add("X-Amz-Date", "20150830T123600Z").build();

    assertThat(CanonicalRequest.of("GET", "/p", "b=1&a=2", headers, List.of("host", "x-amz-date"),
        SigV4.EMPTY_SHA256, true, false)).isEqualTo(
            "GET\n/p\na=2&b=1\nhost:h\nx-amz-date:20150830T123600Z\n\nhost;x-amz-date\n" + SigV4.EMPTY_SHA256);
    assertThat(SigV4.sha256Hex("")).isEqualTo(SigV4.EMPTY_SHA256);
  }
}
