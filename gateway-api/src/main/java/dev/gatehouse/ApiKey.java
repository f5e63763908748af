package dev.gatehouse;

import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * An API key: an ID that reaches logs, events and {@code $context.identity.apiKeyId}; a name for
 * people; the secret value clients send in {@code x-api-key}; whether it is enabled; and the usage
 * plans it belongs to, which decide the API stages it opens and its limits. The value never appears
 * in {@link #toString()}, in logs or in events.
 *
 * <pre>{@code
 * ApiKey key = ApiKey.of("partner-7", "demo-value-not-a-secret-0000000001")   // demo value
 *     .withName("Partner 7")
 *     .withUsagePlans("basic");
 * gateway.apiKeys().add(key);              // at run time, no redeploy
 * gateway.apiKeys().disable("partner-7");
 * }</pre>
 *
 * @param id the key's ID, unique in the gateway: {@code [A-Za-z0-9._-]{1,128}}
 * @param name a display name; the ID when not given
 * @param value the secret, 20 to 128 printable ASCII characters as AWS requires; {@code null} in a
 *     key read back from a store, which keeps only a digest of it
 * @param enabled whether requests with it are admitted
 * @param usagePlans the names of the usage plans it belongs to, sorted; unmodifiable
 */
public record ApiKey(String id, String name, String value, boolean enabled, Set<String> usagePlans) {
  /** AWS's bounds on an API key's value. */
  public static final int MIN_VALUE_LENGTH = 20;

  public static final int MAX_VALUE_LENGTH = 128;

  public ApiKey {
    Objects.requireNonNull(id, "id");
    name = name == null ? id : name;
    usagePlans = Collections.unmodifiableSortedSet(new TreeSet<>(usagePlans));
  }

  /** An enabled key named after its ID, in no usage plan yet. */
  public static ApiKey of(String id, String value) {
    return new ApiKey(id, id, value, true, Set.of());
  }

  public ApiKey withName(String name) {
    return new ApiKey(id, name, value, enabled, usagePlans);
  }

  public ApiKey withEnabled(boolean enabled) {
    return new ApiKey(id, name, value, enabled, usagePlans);
  }

  /** This key in exactly these usage plans. */
  public ApiKey withUsagePlans(String... usagePlans) {
    return new ApiKey(id, name, value, enabled, Set.of(usagePlans));
  }

  /** This key in exactly these usage plans. */
  public ApiKey withUsagePlans(Set<String> usagePlans) {
    return new ApiKey(id, name, value, enabled, usagePlans);
  }

  /** This key without its value, as stores hand keys back. */
  public ApiKey withoutValue() {
    return value == null ? this : new ApiKey(id, name, null, enabled, usagePlans);
  }

  /** Every rule the key breaks, each as {@code field: value (expected: rule)}; empty when valid. */
  public List<String> problems() {
    Problems problems = Problems.root();
    check(problems);
    return problems.found();
  }

  void check(Problems problems) {
    problems.checkId("id", id);
    if (value == null || value.length() < MIN_VALUE_LENGTH || value.length() > MAX_VALUE_LENGTH
        || !value.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
      // the value itself must not reach an exception message, which ends up in logs
      problems.add("value: " + (value == null ? "null" : value.length() + " characters")
          + " (expected: " + MIN_VALUE_LENGTH + " to " + MAX_VALUE_LENGTH + " printable ASCII characters, no spaces)");
    }
  }

  @Override
  public String toString() {
    return "ApiKey[id=" + id + ", name=" + name + ", value=" + (value == null ? "(not kept)" : "****")
        + ", enabled=" + enabled + ", usagePlans=" + usagePlans + "]";
  }
}
