package dev.gatehouse.iam;

import dev.gatehouse.spi.CredentialsProvider;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The default credentials provider: a fixed table of access keys, answered without waiting.
 *
 * <pre>{@code
 * CredentialsProvider keys = InMemoryCredentials.of(
 *     Credentials.longTerm("AKIDEXAMPLE", "demo-secret-not-for-production",
 *         IamPrincipal.of("arn:aws:iam::123456789012:user/alice", "AIDAEXAMPLEALICE")));
 * }</pre>
 */
public final class InMemoryCredentials implements CredentialsProvider {
  private final Map<String, Credentials> byKeyId;

  private InMemoryCredentials(Map<String, Credentials> byKeyId) {
    this.byKeyId = byKeyId;
  }

  /**
   * A provider of these credentials.
   *
   * @throws IllegalArgumentException when two share an access key ID
   */
  public static InMemoryCredentials of(Credentials... credentials) {
    return of(List.of(credentials));
  }

  /** As {@link #of(Credentials...)}, from a list. */
  public static InMemoryCredentials of(List<Credentials> credentials) {
    Map<String, Credentials> byKeyId = new LinkedHashMap<>();
    for (Credentials entry : credentials) {
      if (byKeyId.putIfAbsent(entry.accessKeyId(), entry) != null) {
        throw new IllegalArgumentException("credentials: access key ID " + entry.accessKeyId()
            + " given twice (expected: each key once)");
      }
    }
    return new InMemoryCredentials(Map.copyOf(byKeyId));
  }

  @Override
  public CompletionStage<Credentials> find(String accessKeyId) {
    return CompletableFuture.completedFuture(byKeyId.get(accessKeyId));
  }

  @Override
  public String toString() {
    return "InMemoryCredentials" + byKeyId.keySet();
  }
}
