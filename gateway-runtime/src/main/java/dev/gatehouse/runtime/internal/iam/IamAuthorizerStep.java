package dev.gatehouse.runtime.internal.iam;

import dev.gatehouse.GatewayRequest;
import dev.gatehouse.GatewayResponse;
import dev.gatehouse.GatewayResponseType;
import dev.gatehouse.iam.Cidr;
import dev.gatehouse.iam.Credentials;
import dev.gatehouse.iam.IamPolicy;
import dev.gatehouse.iam.IamPrincipal;
import dev.gatehouse.iam.IamSettings;
import dev.gatehouse.iam.PolicyStatement;
import dev.gatehouse.runtime.internal.auth.MethodArns;
import dev.gatehouse.runtime.internal.iam.PolicyEvaluation.Decision;
import dev.gatehouse.runtime.internal.pipeline.Exchange;
import dev.gatehouse.runtime.internal.pipeline.Step;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A route's {@code AWS_IAM} guard: the request's SigV4 signature (header or presigned URL) is
 * checked against the credentials of its access key, then the signer's identity policy and the API's
 * resource policy decide, as AWS combines them (same account: either may allow; another account:
 * both must; an explicit {@code Deny} in either refuses). An admitted request carries the signer in
 * {@code $context.identity}. Refusals are 403s worded as AWS words them; secrets, tokens and
 * signatures appear in none of them and in no log line.
 */
public final class IamAuthorizerStep implements Step {
  private static final Logger LOG = LoggerFactory.getLogger(IamAuthorizerStep.class);
  static final String BAD_SIGNATURE = "The request signature we calculated does not match the signature you provided."
      + " Check your AWS Secret Access Key and signing method. Consult the service documentation for details.";
  static final String INVALID_TOKEN = "The security token included in the request is invalid.";
  static final String UNRECOGNIZED_CLIENT = "UnrecognizedClientException";
  static final String INCOMPLETE_SIGNATURE = "IncompleteSignatureException";
  /** AWS's permission to refetch a cached answer with {@code Cache-Control: max-age=0}. */
  static final String INVALIDATE_CACHE = "execute-api:InvalidateCache";

  private final Clock clock;
  private final SigningKeys signingKeys;

  /**
   * A guard reading the gateway's IAM settings from each request's deployment; times on
   * {@code clock}. One serves every route of a gateway, across redeploys, so that the signing keys
   * it remembers serve them all.
   */
  public IamAuthorizerStep(Clock clock) {
    this.clock = clock;
    this.signingKeys = new SigningKeys();
  }

  /** What goes on once a signer is admitted. */
  @FunctionalInterface
  public interface Admitted {
    CompletionStage<GatewayResponse> proceed(String accessKeyId, IamPrincipal principal);
  }

  @Override
  public CompletionStage<GatewayResponse> apply(Exchange ex, Next next) {
    String arn = MethodArns.of(ex);
    return verify(ex, PolicyStatement.INVOKE, arn, (accessKeyId, principal) -> {
      ex.identify(accessKeyId, principal);
      if (ex.request().headers().contains("Cache-Control")
          && decide(ex, ex.deployment().definition().iam(), principal, INVALIDATE_CACHE, arn) == Decision.ALLOW) {
        ex.allowCacheInvalidation();
      }
      return next.proceed(ex);
    });
  }

  /**
   * Checks the request's signature, then whether its signer may perform {@code action} on
   * {@code arn}; an admitted signer goes on to {@code admitted}, anyone else gets AWS's refusal.
   * Needs only the exchange's API, so it also guards requests that no route serves, such as
   * {@code @connections}.
   */
  public CompletionStage<GatewayResponse> verify(Exchange ex, String action, String arn, Admitted admitted) {
    IamSettings settings = ex.deployment().definition().iam();
    GatewayRequest request = ex.request();
    SigV4Parser.Parsed parsed = SigV4Parser.parse(request.rawQuery(), request.headers());
    if (parsed.kind() == SigV4Parser.Kind.MISSING) {
      return done(IamDenials.refuse(ex, GatewayResponseType.MISSING_AUTHENTICATION_TOKEN, null, null));
    }
    if (parsed.kind() == SigV4Parser.Kind.MALFORMED) {
      return done(IamDenials.refuse(ex, GatewayResponseType.INVALID_SIGNATURE, parsed.message(), INCOMPLETE_SIGNATURE));
    }
    SignedRequest signed = parsed.request();
    String problem = SignatureTimes.problem(signed, settings, clock.instant());
    if (problem != null) {
      return done(IamDenials.refuse(ex, GatewayResponseType.INVALID_SIGNATURE, problem, null));
    }
    CompletionStage<Credentials> found;
    try {
      found = settings.credentials().find(signed.accessKeyId());
    } catch (RuntimeException e) {
      found = CompletableFuture.failedFuture(e);
    }
    if (found == null) {
      found = CompletableFuture.failedFuture(new IllegalStateException("the credentials provider answered null"));
    }
    return found.handle((credentials, failure) -> {
      if (failure != null) {
        LOG.error("{}: the credentials provider failed for access key {}",
            ex.route() != null ? ex.route().label() : ex.api().definition().label(), signed.accessKeyId(), failure);
        return done(IamDenials.refuse(ex, GatewayResponseType.AUTHORIZER_FAILURE, null, null));
      }
      return admit(ex, settings, signed, credentials, action, arn, admitted);
    }).thenCompose(stage -> stage);
  }

  private CompletionStage<GatewayResponse> admit(Exchange ex, IamSettings settings, SignedRequest signed,
      Credentials credentials, String action, String arn, Admitted admitted) {
    if (credentials == null || !tokenMatches(credentials.sessionToken(), signed.securityToken())) {
      return done(IamDenials.refuse(ex, GatewayResponseType.INVALID_SIGNATURE, INVALID_TOKEN, UNRECOGNIZED_CLIENT));
    }
    if (credentials.expiration() != null && clock.instant().isAfter(credentials.expiration())) {
      return done(IamDenials.refuse(ex, GatewayResponseType.EXPIRED_TOKEN, null, null));
    }
    GatewayRequest request = ex.request();
    if (!SigV4Check.bodyMatches(request.headers(), request.body())) {
      return done(IamDenials.refuse(ex, GatewayResponseType.INVALID_SIGNATURE,
          "The provided 'x-amz-content-sha256' header does not match what was computed.", null));
    }
    if (!SigV4Check.signatureMatches(signed, request.method(), request.mountPath() + request.rawPath(),
        request.rawQuery(), request.headers(), request.body(), signingKeys.of(credentials, signed), true)) {
      return done(IamDenials.refuse(ex, GatewayResponseType.INVALID_SIGNATURE, BAD_SIGNATURE, null));
    }
    IamPrincipal principal = credentials.principal();
    Decision decision = decide(ex, settings, principal, action, arn);
    if (decision != Decision.ALLOW) {
      return done(IamDenials.accessDenied(ex, principal.arn(), action, arn, decision == Decision.DENY));
    }
    return admitted.proceed(signed.accessKeyId(), principal);
  }

  /**
   * What the principal's identity policy and the API's resource policy together say about
   * {@code action} on {@code arn}, as AWS combines them: any explicit {@code Deny} denies; without a
   * resource policy the identity policy must allow; in the API's own account either may allow; from
   * another account both must. {@link Decision#SILENT} is an implicit deny.
   */
  private static Decision decide(Exchange ex, IamSettings settings, IamPrincipal principal, String action,
      String arn) {
    byte[] source = Cidr.address(ex.sourceIp());
    String apiArn = MethodArns.apiArn(ex);
    IamPolicy identityPolicy = settings.identityPolicy(principal.arn());
    Decision identity = identityPolicy == null ? Decision.SILENT
        : PolicyEvaluation.evaluate(identityPolicy, action, arn, principal, source, apiArn);
    IamPolicy resourcePolicy = ex.api().definition().resourcePolicy();
    Decision resource = resourcePolicy == null ? null
        : PolicyEvaluation.evaluate(resourcePolicy, action, arn, principal, source, apiArn);
    if (identity == Decision.DENY || resource == Decision.DENY) {
      return Decision.DENY;
    }
    boolean allowed;
    if (resource == null) {
      allowed = identity == Decision.ALLOW;
    } else if (principal.accountId().equals(settings.accountId())) {
      allowed = identity == Decision.ALLOW || resource == Decision.ALLOW;
    } else {
      allowed = identity == Decision.ALLOW && resource == Decision.ALLOW;
    }
    return allowed ? Decision.ALLOW : Decision.SILENT;
  }

  /**
   * Temporary credentials need their token and long-term ones must come without one, as AWS
   * refuses both mismatches; compared in constant time.
   */
  private static boolean tokenMatches(String expected, String presented) {
    if (expected == null || presented == null) {
      return expected == null && presented == null;
    }
    return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8));
  }

  private static CompletionStage<GatewayResponse> done(GatewayResponse response) {
    return CompletableFuture.completedFuture(response);
  }
}
