package dev.gatehouse.iam;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One statement of an IAM-style policy: whether it allows or denies, whom it names (resource
 * policies only), which actions on which resources, and optionally which source addresses
 * ({@code IpAddress} / {@code NotIpAddress} on {@code aws:SourceIp}). Actions and resources take
 * IAM's wildcards: {@code *} any run of characters, {@code ?} one character.
 *
 * <pre>{@code
 * PolicyStatement.allow()
 *     .principal("*")
 *     .resource("execute-api:/prod/GET/pets/*")
 *     .sourceIp("192.0.2.0/24", "2001:db8::/32")
 *     .build();
 * }</pre>
 *
 * @param effect {@link Effect#ALLOW} or {@link Effect#DENY}
 * @param principals whom a resource policy's statement is about: {@code *} for anyone (callers
 *     without credentials too), a principal's ARN, an account's ID or its
 *     {@code arn:aws:iam::ACCOUNT:root} for every principal of that account; empty in identity
 *     policies, which are about their owner
 * @param actions such as {@code execute-api:Invoke}; {@code execute-api:Invoke} when none is given
 * @param resources method ARNs {@code arn:aws:execute-api:REGION:ACCOUNT:API/STAGE/METHOD/PATH};
 *     in a resource policy also {@code execute-api:/STAGE/METHOD/PATH}, short for the API's own
 * @param sourceIps the statement applies only to callers in one of these blocks; empty for any
 * @param notSourceIps the statement applies only to callers in none of these blocks
 */
public record PolicyStatement(Effect effect, List<String> principals, List<String> actions, List<String> resources,
    List<Cidr> sourceIps, List<Cidr> notSourceIps) {

  /** The action that invoking a route needs. */
  public static final String INVOKE = "execute-api:Invoke";

  public PolicyStatement {
    Objects.requireNonNull(effect, "effect");
    principals = List.copyOf(principals);
    actions = List.copyOf(actions);
    resources = List.copyOf(resources);
    sourceIps = List.copyOf(sourceIps);
    notSourceIps = List.copyOf(notSourceIps);
  }

  /** A builder holding this statement's parts. */
  public Builder toBuilder() {
    Builder builder = new Builder(effect);
    builder.principals.addAll(principals);
    builder.actions.addAll(actions);
    builder.resources.addAll(resources);
    sourceIps.forEach(block -> builder.sourceIps.add(block.text()));
    notSourceIps.forEach(block -> builder.notSourceIps.add(block.text()));
    return builder;
  }

  /** Whether a statement allows or denies; an explicit deny wins over any allow. */
  public enum Effect {
    ALLOW("Allow"),
    DENY("Deny");

    private final String label;

    Effect(String label) {
      this.label = label;
    }

    /** As policy documents write it: {@code Allow} or {@code Deny}. */
    public String label() {
      return label;
    }
  }

  /** Starts an {@code Allow} statement. */
  public static Builder allow() {
    return new Builder(Effect.ALLOW);
  }

  /** Starts a {@code Deny} statement. */
  public static Builder deny() {
    return new Builder(Effect.DENY);
  }

  /** Collects one statement; not thread-safe. Nothing is checked until {@link #problems()} or {@link #build()}. */
  public static final class Builder {
    private final Effect effect;
    private final List<String> principals = new ArrayList<>();
    private final List<String> actions = new ArrayList<>();
    private final List<String> resources = new ArrayList<>();
    private final List<String> sourceIps = new ArrayList<>();
    private final List<String> notSourceIps = new ArrayList<>();

    Builder(Effect effect) {
      this.effect = effect;
    }

    /** Whom the statement is about (resource policies): {@code *}, an ARN or an account ID. */
    public Builder principal(String... principals) {
      this.principals.addAll(List.of(principals));
      return this;
    }

    /** The actions; {@code execute-api:Invoke} when none is named. */
    public Builder action(String... actions) {
      this.actions.addAll(List.of(actions));
      return this;
    }

    /** The resources, as method ARNs with wildcards. */
    public Builder resource(String... resources) {
      this.resources.addAll(List.of(resources));
      return this;
    }

    /** {@code "Condition": {"IpAddress": {"aws:SourceIp": [...]}}}. */
    public Builder sourceIp(String... blocks) {
      this.sourceIps.addAll(List.of(blocks));
      return this;
    }

    /** {@code "Condition": {"NotIpAddress": {"aws:SourceIp": [...]}}}. */
    public Builder notSourceIp(String... blocks) {
      this.notSourceIps.addAll(List.of(blocks));
      return this;
    }

    /**
     * What keeps this statement from being built, each as {@code field: value (expected: rule)};
     * empty when it can be.
     */
    public List<String> problems() {
      List<String> problems = new ArrayList<>();
      if (resources.isEmpty()) {
        problems.add("resource: [] (expected: at least one method ARN, such as"
            + " arn:aws:execute-api:*:*:petstore/prod/GET/pets, or *)");
      }
      checkEntries("principal", principals, problems);
      checkEntries("action", actions, problems);
      checkEntries("resource", resources, problems);
      for (String text : concat(sourceIps, notSourceIps)) {
        try {
          Cidr.parse(text);
        } catch (IllegalArgumentException e) {
          problems.add("aws:SourceIp: " + e.getMessage());
        }
      }
      return problems;
    }

    /**
     * Builds the statement.
     *
     * @throws IllegalArgumentException listing {@link #problems()}
     */
    public PolicyStatement build() {
      List<String> problems = problems();
      if (!problems.isEmpty()) {
        throw new IllegalArgumentException(effect.label() + " statement: " + String.join("; ", problems));
      }
      return new PolicyStatement(effect, principals, actions.isEmpty() ? List.of(INVOKE) : actions, resources,
          sourceIps.stream().map(Cidr::parse).toList(), notSourceIps.stream().map(Cidr::parse).toList());
    }

    private static void checkEntries(String field, List<String> entries, List<String> problems) {
      for (String entry : entries) {
        if (entry == null || entry.isBlank()) {
          problems.add(field + ": " + (entry == null ? "null" : "\"\"") + " (expected: a non-blank value)");
        }
      }
    }

    private static List<String> concat(List<String> a, List<String> b) {
      List<String> all = new ArrayList<>(a);
      all.addAll(b);
      return all;
    }
  }
}
