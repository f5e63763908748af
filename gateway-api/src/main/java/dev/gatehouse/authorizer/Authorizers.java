package dev.gatehouse.authorizer;

import java.net.URI;

/**
 * Creates authorizers, to declare on an API with {@code api.authorizer(...)} and use on routes with
 * {@code route.authorizer(name)}.
 *
 * <pre>{@code
 * api.authorizer(Authorizers.cognito("users", "eu-west-1", "eu-west-1_AbCdEf123")
 *         .audience("3n4b5urk1ft4fl3mg5e62d9ado"));       // the app client id
 * }</pre>
 */
public final class Authorizers {
  private Authorizers() {}

  /** A TOKEN function authorizer reading the {@code Authorization} header (another with {@code identitySources}). */
  public static FunctionAuthorizer.Builder token(String name, AuthorizerFunction function) {
    return new FunctionAuthorizer.Builder(name, FunctionAuthorizer.Kind.TOKEN, function,
        IdentitySource.header("Authorization"));
  }

  /** A REQUEST function authorizer (payload 1.0); name its identity sources with {@code identitySources}. */
  public static FunctionAuthorizer.Builder request(String name, AuthorizerFunction function) {
    return new FunctionAuthorizer.Builder(name, FunctionAuthorizer.Kind.REQUEST, function);
  }

  /** An HTTP API function authorizer (payload 2.0) answering with an IAM policy. */
  public static FunctionAuthorizer.Builder requestV2(String name, AuthorizerFunctionV2 function) {
    return new FunctionAuthorizer.Builder(name, FunctionAuthorizer.Kind.REQUEST_V2, function);
  }

  /** An HTTP API function authorizer (payload 2.0) with AWS's simple responses. */
  public static FunctionAuthorizer.Builder simple(String name, SimpleAuthorizerFunction function) {
    return new FunctionAuthorizer.Builder(name, FunctionAuthorizer.Kind.SIMPLE, function);
  }

  /**
   * AWS's {@code AWS_IAM} authorization, known to every API as {@value IamAuthorizer#NAME}; declaring
   * it is optional. It needs the gateway's {@code iam(...)} settings.
   */
  public static IamAuthorizer iam() {
    return IamAuthorizer.INSTANCE;
  }

  /** A JWT authorizer; set its issuer, audiences and JWKS URI. */
  public static JwtAuthorizer.Builder jwt(String name) {
    return new JwtAuthorizer.Builder(name);
  }

  /**
   * A JWT authorizer for an Amazon Cognito user pool: its issuer
   * {@code https://cognito-idp.REGION.amazonaws.com/POOL}, that issuer's
   * {@code /.well-known/jwks.json}, and {@code token_use} of {@code id} or {@code access} (narrow it
   * with {@code tokenUse("access")}). Add the app client ids with {@code audience(...)}: they are
   * matched against {@code aud} in ID tokens and {@code client_id} in access tokens.
   */
  public static JwtAuthorizer.Builder cognito(String name, String region, String userPoolId) {
    String issuer = "https://cognito-idp." + region + ".amazonaws.com/" + userPoolId;
    return jwt(name)
        .issuer(issuer)
        .jwksUri(URI.create(issuer + "/.well-known/jwks.json"))
        .tokenUse("id", "access");
  }
}
