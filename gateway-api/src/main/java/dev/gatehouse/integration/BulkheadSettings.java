package dev.gatehouse.integration;

import java.util.ArrayList;
import java.util.List;

/**
 * A bulkhead in front of an HTTP integration: at most {@code maxConcurrentCalls} calls in flight to
 * the backend, as a Resilience4j semaphore {@code Bulkhead} that never waits (a waiting request
 * would hold a thread). A request that finds it full gets 429 {@code THROTTLED} with
 * {@code Retry-After}, as a full handler executor does: the gateway is shedding load it chose to
 * limit, the caller may try again shortly, and 503 is kept for a backend the breaker found broken.
 * One bulkhead exists per name and API stage: routes naming the same bulkhead share its calls.
 *
 * @param name the bulkhead's name, in logs and in the runtime's registry
 * @param maxConcurrentCalls calls allowed in flight at once; at least 1
 */
public record BulkheadSettings(String name, int maxConcurrentCalls) {

  /** Problems with these settings, each as {@code field: value (expected: rule)}. */
  public List<String> problems() {
    List<String> problems = new ArrayList<>();
    if (name == null || !name.matches("[A-Za-z0-9._-]{1,128}")) {
      problems.add("bulkhead name: " + (name == null ? null : "\"" + name + "\"")
          + " (expected: [A-Za-z0-9._-]{1,128})");
    }
    if (maxConcurrentCalls < 1) {
      problems.add("bulkhead maxConcurrentCalls: " + maxConcurrentCalls + " (expected: >= 1)");
    }
    return problems;
  }
}
