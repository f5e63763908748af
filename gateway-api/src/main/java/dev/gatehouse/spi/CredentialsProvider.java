package dev.gatehouse.spi;

import dev.gatehouse.iam.Credentials;
import java.util.concurrent.CompletionStage;

/**
 * Finds the credentials of an access key for IAM (SigV4) authorization: an in-memory table
 * ({@link dev.gatehouse.iam.InMemoryCredentials}), a database or a secrets service. Asked once
 * per signed request that reached an {@code AWS_IAM} route; it must not block the calling thread
 * for I/O (answer with a stage that completes later instead) and never log secrets.
 *
 * <pre>{@code
 * CredentialsProvider fromVault = accessKeyId -> vault.lookup(accessKeyId)   // CompletionStage<Credentials>
 *     .thenApply(entry -> entry == null ? null : Credentials.longTerm(accessKeyId, entry.secret(),
 *         IamPrincipal.of(entry.arn(), entry.userId())));
 * }</pre>
 */
@FunctionalInterface
public interface CredentialsProvider {
  /**
   * The credentials of {@code accessKeyId}, or a stage completing with {@code null} for a key it
   * does not know (the caller gets AWS's 403 "The security token included in the request is
   * invalid."). A failed stage answers 500 {@code AUTHORIZER_FAILURE}.
   */
  CompletionStage<Credentials> find(String accessKeyId);
}
