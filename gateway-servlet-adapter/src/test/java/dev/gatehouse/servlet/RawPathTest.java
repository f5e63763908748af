package dev.gatehouse.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The raw path after the mount point, from the raw URI and what the container decoded. The
 * containers' own behaviour is covered by {@link GatewayServletContract}; these are the cases a
 * container may produce that are awkward to provoke through one.
 */
class RawPathTest {

  @Test
  void pathAfterTheMountKeepsItsEncoding() {
    assertThat(RawPath.after("/app/api/prod/a%20b/%41", "/app/api", "/prod/a b/A"))
        .isEqualTo("/prod/a%20b/%41");
  }

  @Test
  void mountPointAloneIsSlash() {
    assertThat(RawPath.after("/app/api", "/app/api", "")).isEqualTo("/");
    assertThat(RawPath.after("/app/api/", "/app/api", "/")).isEqualTo("/");
  }

  @Test
  void rootMountKeepsTheWholePath() {
    assertThat(RawPath.after("/prod/pets", "", "/prod/pets")).isEqualTo("/prod/pets");
    assertThat(RawPath.after("/", "", "/")).isEqualTo("/");
  }

  @Test
  void trailingSlashIsKept() {
    assertThat(RawPath.after("/app/api/prod/pets/", "/app/api", "/prod/pets/")).isEqualTo("/prod/pets/");
  }

  @Test
  void dotSegmentsAreResolvedIncludingEncodedOnes() {
    assertThat(RawPath.after("/app/api/prod/x/%2E%2e/./pets", "/app/api", "/prod/pets"))
        .isEqualTo("/prod/pets");
  }

  @Test
  void dotSegmentsLeavingAndReenteringTheMountAreResolvedBeforeItIsDropped() {
    assertThat(RawPath.after("/app/api/x/../../api/prod", "/app/api", "/prod")).isEqualTo("/prod");
  }

  @Test
  void mountSpelledDifferentlyByTheClientIsStillDropped() {
    assertThat(RawPath.after("/%61pp;jsessionid=1//api/prod", "/app/api", "/prod")).isEqualTo("/prod");
  }

  @Test
  void pathParametersAfterTheMountAreKept() {
    assertThat(RawPath.after("/app/api/pets;v=1/7", "/app/api", "/pets/7")).isEqualTo("/pets;v=1/7");
  }

  @Test
  void encodedSlashTheContainerLetThroughStaysEncoded() {
    assertThat(RawPath.after("/app/api/a%2Fb", "/app/api", "/a/b")).isEqualTo("/a%2Fb");
  }

  @Test
  void containerPathWinsWhenTheRawUriDisagrees() {
    // Tomcat resolves a final ".." without keeping the slash that RFC 3986 keeps
    assertThat(RawPath.after("/app/api/prod/pets/..", "/app/api", "/prod")).isEqualTo("/prod");
  }

  @Test
  void containerPathIsReencodedWhenTheRawUriCannotBeMatched() {
    assertThat(RawPath.after("/elsewhere", "/app/api", "/a b/€/%zz;x=1"))
        .isEqualTo("/a%20b/%E2%82%AC/%25zz;x=1");
  }

  @Test
  void malformedEscapeIsNeverPassedOn() {
    assertThat(RawPath.after("/app/api/%zz", "/app/api", "/%zz")).isEqualTo("/%25zz");
    assertThat(RawPath.after("/app/api/%C3", "/app/api", "/\uFFFD")).isEqualTo("/%EF%BF%BD");
  }
}
