package dev.gatehouse.runtime.internal.auth;

import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import dev.gatehouse.RequestContext;
import dev.gatehouse.authorizer.JwtAuthorizer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The claims AWS's JWT authorizer checks, on the gateway's clock: Nimbus's
 * {@link DefaultJWTClaimsVerifier} for {@code iss} (exact), {@code exp} (required, in the future) and
 * {@code nbf}, give or take the skew; then {@code iat} not in the future, and, after the signature,
 * {@code aud} or {@code client_id} among the audiences and Cognito's {@code token_use}.
 */
final class JwtClaimsChecks extends DefaultJWTClaimsVerifier<SecurityContext> {
  private final JwtAuthorizer definition;
  private final Clock clock;

  JwtClaimsChecks(JwtAuthorizer definition, Clock clock) {
    super(null, new JWTClaimsSet.Builder().issuer(definition.issuer()).build(), Set.of("exp"), null);
    this.definition = definition;
    this.clock = clock;
    setMaxClockSkew((int) definition.clockSkew().toSeconds());
  }

  @Override
  protected Date currentTime() {
    return Date.from(clock.instant());
  }

  @Override
  public void verify(JWTClaimsSet claims, SecurityContext context) throws BadJWTException {
    super.verify(claims, context);
    Date issued = claims.getIssueTime();
    if (issued != null && issued.getTime() > clock.millis() + definition.clockSkew().toMillis()) {
      throw new BadJWTException("JWT issued in the future");
    }
  }

  /** AWS's {@code error_description} for the first failed check of audience and use, or {@code null}. */
  String audienceAndUse(JWTClaimsSet claims) {
    boolean audience = claims.getAudience().stream().anyMatch(definition.audiences()::contains)
        || definition.audiences().contains(text(claims.getClaim("client_id")));
    if (!audience) {
      return "the token does not have a valid audience";
    }
    if (!definition.tokenUses().isEmpty() && !definition.tokenUses().contains(text(claims.getClaim("token_use")))) {
      return "the token does not have a valid token_use";
    }
    return null;
  }

  /**
   * What reaches {@code $context.authorizer}: {@code sub} as the principal, every claim as text as AWS
   * passes them (dates as epoch seconds, arrays as {@code [a b]}, objects as JSON), and the scopes.
   */
  static RequestContext.Authorization authorization(JWTClaimsSet claims) {
    Map<String, String> texts = new LinkedHashMap<>();
    claims.getClaims().forEach((name, value) -> texts.put(name, text(value)));
    return new RequestContext.Authorization(claims.getSubject(), texts, scopes(claims), Map.of());
  }

  /** {@code scope} (space-separated, OAuth 2.0) or {@code scp} (a list or a string, as Okta and Azure send it). */
  static List<String> scopes(JWTClaimsSet claims) {
    List<String> scopes = new ArrayList<>();
    for (String claim : new String[] {"scope", "scp"}) {
      Object value = claims.getClaim(claim);
      if (value instanceof String text) {
        for (String scope : text.trim().split("\\s+")) {
          if (!scope.isEmpty()) {
            scopes.add(scope);
          }
        }
      } else if (value instanceof List<?> list) {
        list.forEach(scope -> scopes.add(String.valueOf(scope)));
      }
    }
    return scopes;
  }

  private static String text(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof Date date) {
      return Long.toString(date.getTime() / 1000);
    }
    if (value instanceof List<?> list) {
      StringBuilder sb = new StringBuilder("[");
      for (int i = 0; i < list.size(); i++) {
        sb.append(i == 0 ? "" : " ").append(list.get(i));
      }
      return sb.append(']').toString();
    }
    if (value instanceof Map<?, ?> map) {
      @SuppressWarnings("unchecked")
      Map<String, Object> object = (Map<String, Object>) map;
      return JSONObjectUtils.toJSONString(object);
    }
    return String.valueOf(value);
  }
}
