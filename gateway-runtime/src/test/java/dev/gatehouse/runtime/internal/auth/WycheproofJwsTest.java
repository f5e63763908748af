package dev.gatehouse.runtime.internal.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.DefaultJOSEProcessor;
import com.nimbusds.jose.proc.SecurityContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Wycheproof's JWS vectors ({@code jose/wycheproof/testvectors_v1/json_web_signature_test.json}: alg
 * none, symmetric-key confusion, attacker-supplied embedded jwk, modified signatures, payloads and
 * headers, JSON serialization, RSA malleability) against the signature policy of the JWT authorizer
 * ({@link JwsPolicy}, which {@link JwtVerifier} uses), with each group's key as the only trusted key.
 * They are not run through the whole authorizer: their payloads are numbers or text, never a claims
 * set, so the authorizer would refuse every one while parsing claims, before any signature check,
 * and such a test could not fail.
 */
class WycheproofJwsTest {
  private static final Path VECTORS = Path.of(System.getProperty("gatehouse.vectors", "../shared/vectors"));
  private static final Path FILE = VECTORS.resolve("jose/wycheproof/testvectors_v1/json_web_signature_test.json");

  /**
   * Valid vectors the authorizer refuses on purpose: the key's own {@code alg} differs from the
   * token's (Nimbus matches them), or the token's base64url has characters a lenient decoder skips.
   */
  private static final Set<Integer> STRICTER_THAN_WYCHEPROOF = Set.of(346, 347, 350, 351, 372, 373);
  /**
   * Invalid vectors the authorizer's signature policy accepts: their MAC verifies over the exact
   * signing input, which is canonical base64url ({@code VGVzdA} is "Test"), so nothing is malleable;
   * they are refused anyway by the authorizer, whose payload must be a JWT claims set.
   */
  private static final Set<Integer> ACCEPTED_SIGNATURES = Set.of(367, 370);

  private record Vector(String group, int tcId, String comment, String jws, boolean valid, JWK key) {}

  private static List<Vector> vectors() throws Exception {
    assumeTrue(Files.isRegularFile(FILE), "Wycheproof vectors not found at " + FILE.toAbsolutePath()
        + " (set -Dgatehouse.vectors=...; these tests need ../shared/vectors beside the project)");
    JsonNode root = new ObjectMapper().readTree(FILE.toFile());
    List<Vector> vectors = new ArrayList<>();
    for (JsonNode group : root.get("testGroups")) {
      JsonNode keyNode = group.has("public") ? group.get("public") : group.get("private");
      JWK key = JWK.parse(keyNode.toString());
      for (JsonNode test : group.get("tests")) {
        String jws = test.get("jws").isTextual() ? test.get("jws").asText() : test.get("jws").toString();
        vectors.add(new Vector(group.get("comment").asText(), test.get("tcId").asInt(), test.get("comment").asText(),
            jws, "valid".equals(test.get("result").asText()), key));
      }
    }
    return vectors;
  }

  /** The algorithms a JWT authorizer trusting {@code key} would be configured with. */
  private static Set<String> algorithms(JWK key) {
    if (key.getAlgorithm() != null && !key.getAlgorithm().getName().equals("ES521")) {
      return Set.of(key.getAlgorithm().getName());
    }
    return switch (key.getKeyType().getValue()) {
      case "oct" -> Set.of("HS256");
      case "EC" -> Set.of("ES256", "ES384", "ES512");
      default -> Set.of("RS256", "RS384", "RS512", "PS256", "PS384", "PS512");
    };
  }

  @Test
  void signaturePolicyRefusesEveryInvalidVectorAndAcceptsTheValidOnes() throws Exception {
    List<String> wrong = new ArrayList<>();
    int checked = 0;
    for (Vector vector : vectors()) {
      JWK trusted = vector.key().isPrivate() ? vector.key().toPublicJWK() : vector.key();
      DefaultJOSEProcessor<SecurityContext> processor = new DefaultJOSEProcessor<>();
      processor.setJWSKeySelector(JwsPolicy.keySelector(algorithms(vector.key()),
          new ImmutableJWKSet<>(new JWKSet(vector.key().getKeyType().getValue().equals("oct") ? vector.key() : trusted))));
      processor.setJWSTypeVerifier(JwsPolicy.TYPES);
      boolean accepted;
      try {
        accepted = JwsPolicy.isStrictCompact(vector.jws()) && processor.process(vector.jws(), null) != null;
      } catch (Exception e) {
        accepted = false;
      }
      checked++;
      boolean expected = vector.valid() ? !STRICTER_THAN_WYCHEPROOF.contains(vector.tcId())
          : ACCEPTED_SIGNATURES.contains(vector.tcId());
      if (accepted != expected) {
        wrong.add(vector.group() + " #" + vector.tcId() + " " + vector.comment() + ": expected "
            + (expected ? "accepted" : "refused"));
      }
    }
    assertThat(checked).isGreaterThan(400);
    assertThat(wrong).isEmpty();
  }
}
