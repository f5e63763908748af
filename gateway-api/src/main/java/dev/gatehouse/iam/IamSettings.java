package dev.gatehouse.iam;

import dev.gatehouse.spi.CredentialsProvider;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A gateway's IAM settings, for routes authorized with {@code AWS_IAM}: the region and account that
 * method ARNs and credential scopes name, where access keys are found, and each principal's identity
 * policy. A request must be signed with SigV4 for this region and {@link #service()}, within
 * {@link #clockSkew()} of the gateway's clock, by a known key whose principal's policy (or the
 * API's resource policy) allows {@code execute-api:Invoke} on the route's method ARN.
 *
 * <pre>{@code
 * Gateway.builder()
 *     .iam(IamSettings.builder()
 *         .region("eu-west-1")
 *         .accountId("123456789012")
 *         .credentials(InMemoryCredentials.of(alice))
 *         .identityPolicy("arn:aws:iam::123456789012:user/alice",
 *             IamPolicy.allowInvoke("arn:aws:execute-api:eu-west-1:123456789012:petstore/prod/GET/*")))
 * }</pre>
 *
 * @param region the region of method ARNs and of the credential scope requests must name
 * @param accountId the account that owns the APIs (12 digits); callers from other accounts need
 *     both their identity policy and the resource policy to allow them, as in AWS
 * @param service the service name of the credential scope: {@value #EXECUTE_API}
 * @param credentials where access keys are found
 * @param identityPolicies each principal's identity policy, by principal ARN; a principal without
 *     one is allowed nothing unless a resource policy allows it
 * @param clockSkew how far {@code X-Amz-Date} may be from the gateway's clock: 5 minutes, as AWS
 */
public record IamSettings(String region, String accountId, String service, CredentialsProvider credentials,
    Map<String, IamPolicy> identityPolicies, Duration clockSkew) {

  /** API Gateway's service name in credential scopes. */
  public static final String EXECUTE_API = "execute-api";
  /** AWS's allowed difference between a signature's date and the server's clock. */
  public static final Duration DEFAULT_CLOCK_SKEW = Duration.ofMinutes(5);

  public IamSettings {
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(accountId, "accountId");
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(credentials, "credentials");
    identityPolicies = Collections.unmodifiableMap(new LinkedHashMap<>(identityPolicies));
    Objects.requireNonNull(clockSkew, "clockSkew");
  }

  /** The identity policy of the principal with this ARN, or {@code null}. */
  public IamPolicy identityPolicy(String principalArn) {
    return identityPolicies.get(principalArn);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding these settings, to derive changed ones. */
  public Builder toBuilder() {
    Builder builder = new Builder().region(region).accountId(accountId).service(service).credentials(credentials)
        .clockSkew(clockSkew);
    identityPolicies.forEach(builder::identityPolicy);
    return builder;
  }

  /** Collects the settings; not thread-safe. Checked with the gateway's definition. */
  public static final class Builder {
    private String region = "us-east-1";
    private String accountId = "000000000000";
    private String service = EXECUTE_API;
    private CredentialsProvider credentials;
    private final Map<String, IamPolicy.Builder> policies = new LinkedHashMap<>();
    private Duration clockSkew = DEFAULT_CLOCK_SKEW;

    Builder() {}

    /** The region requests are signed for; {@code us-east-1} unless set. */
    public Builder region(String region) {
      this.region = region;
      return this;
    }

    /** The account owning the APIs; {@code 000000000000} unless set. */
    public Builder accountId(String accountId) {
      this.accountId = accountId;
      return this;
    }

    /** The credential scope's service name; {@value IamSettings#EXECUTE_API} unless set. */
    public Builder service(String service) {
      this.service = service;
      return this;
    }

    public Builder credentials(CredentialsProvider credentials) {
      this.credentials = credentials;
      return this;
    }

    /** The identity policy of the principal with this ARN; its statements name no principal. */
    public Builder identityPolicy(String principalArn, IamPolicy policy) {
      return identityPolicy(principalArn, policy.toBuilder());
    }

    /** As {@link #identityPolicy(String, IamPolicy)}, checked with the gateway. */
    public Builder identityPolicy(String principalArn, IamPolicy.Builder policy) {
      policies.put(principalArn, Objects.requireNonNull(policy, "policy"));
      return this;
    }

    /** How far a signature's date may be from the gateway's clock; 0 to 15 minutes. */
    public Builder clockSkew(Duration clockSkew) {
      this.clockSkew = clockSkew;
      return this;
    }

    /** What keeps these settings from being built, each as {@code field: value (expected: rule)}. */
    public List<String> problems() {
      List<String> problems = new ArrayList<>();
      if (region == null || !region.matches("[a-z0-9-]{1,64}")) {
        problems.add("region: " + describe(region) + " (expected: a region name such as eu-west-1)");
      }
      if (accountId == null || !accountId.matches("\\d{12}")) {
        problems.add("accountId: " + describe(accountId) + " (expected: 12 digits)");
      }
      if (service == null || !service.matches("[a-z0-9-]{1,64}")) {
        problems.add("service: " + describe(service) + " (expected: a service name such as execute-api)");
      }
      if (credentials == null) {
        problems.add("credentials: null (expected: a CredentialsProvider, such as InMemoryCredentials.of(...))");
      }
      if (clockSkew == null || clockSkew.isNegative() || clockSkew.compareTo(Duration.ofMinutes(15)) > 0) {
        problems.add("clockSkew: " + clockSkew + " (expected: 0 to 15 minutes)");
      }
      policies.forEach((arn, policy) -> {
        String where = "identityPolicy " + describe(arn) + ": ";
        try {
          IamPrincipal.of(arn, "id");
        } catch (IllegalArgumentException e) {
          problems.add(where + e.getMessage());
        }
        policy.problems().forEach(problem -> problems.add(where + problem));
        if (policy.problems().isEmpty() && policy.build().statements().stream().anyMatch(s -> !s.principals().isEmpty())) {
          problems.add(where + "principal: set (expected: none in an identity policy, which is about its owner)");
        }
      });
      return problems;
    }

    /**
     * Builds the settings.
     *
     * @throws IllegalArgumentException listing {@link #problems()}
     */
    public IamSettings build() {
      List<String> problems = problems();
      if (!problems.isEmpty()) {
        throw new IllegalArgumentException("iam: " + String.join("; ", problems));
      }
      Map<String, IamPolicy> built = new LinkedHashMap<>();
      policies.forEach((arn, policy) -> built.put(arn, policy.build()));
      return new IamSettings(region, accountId, service, credentials, built, clockSkew);
    }

    private static String describe(Object value) {
      return value == null ? "null" : "\"" + value + "\"";
    }
  }
}
