package dev.gatehouse.integration;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A circuit breaker in front of an HTTP integration, in Resilience4j's terms (the runtime builds a
 * Resilience4j {@code CircuitBreakerConfig} from it): over the last {@code slidingWindowSize} calls,
 * once at least {@code minimumNumberOfCalls} were made, a failure rate at or above
 * {@code failureRateThreshold} percent opens the breaker. While open, requests get 503
 * {@code INTEGRATION_CIRCUIT_OPEN} without reaching the backend; after {@code waitDurationInOpenState}
 * the next {@code permittedNumberOfCallsInHalfOpenState} calls probe it and close or reopen it.
 * A failure is a connection failure, a timeout, or a backend answer with a status in
 * {@code failureStatuses}. One breaker exists per name and API stage: routes naming the same breaker
 * share it.
 *
 * @param name the breaker's name, in logs and in the runtime's registry
 * @param failureRateThreshold percent of failed calls that opens the breaker, in (0, 100]
 * @param slidingWindowSize how many recent calls the rate is taken over
 * @param minimumNumberOfCalls calls needed before the rate is judged
 * @param waitDurationInOpenState how long the breaker stays open before probing
 * @param permittedNumberOfCallsInHalfOpenState probe calls let through while half open
 * @param failureStatuses backend statuses that count as failures; 500 and above by default
 */
public record CircuitBreakerSettings(String name, float failureRateThreshold, int slidingWindowSize,
    int minimumNumberOfCalls, Duration waitDurationInOpenState, int permittedNumberOfCallsInHalfOpenState,
    List<Integer> failureStatuses) {

  /** Statuses counted as failures unless set: every 5xx. */
  public static final List<Integer> SERVER_ERRORS = serverErrors();

  public CircuitBreakerSettings {
    failureStatuses = List.copyOf(failureStatuses);
  }

  private static List<Integer> serverErrors() {
    List<Integer> statuses = new ArrayList<>();
    for (int status = 500; status <= 599; status++) {
      statuses.add(status);
    }
    return List.copyOf(statuses);
  }

  /** Starts settings with Resilience4j's defaults: 50 %, 100 calls, 100 minimum, 60 s open, 10 probes. */
  public static Builder builder(String name) {
    return new Builder(name);
  }

  /** Problems with these settings, each as {@code field: value (expected: rule)}. */
  public List<String> problems() {
    List<String> problems = new ArrayList<>();
    if (name == null || !name.matches("[A-Za-z0-9._-]{1,128}")) {
      problems.add("circuitBreaker name: " + (name == null ? null : "\"" + name + "\"")
          + " (expected: [A-Za-z0-9._-]{1,128})");
    }
    if (!(failureRateThreshold > 0 && failureRateThreshold <= 100)) {
      problems.add("circuitBreaker failureRateThreshold: " + failureRateThreshold + " (expected: > 0 and <= 100)");
    }
    if (slidingWindowSize < 1) {
      problems.add("circuitBreaker slidingWindowSize: " + slidingWindowSize + " (expected: >= 1)");
    }
    if (minimumNumberOfCalls < 1) {
      problems.add("circuitBreaker minimumNumberOfCalls: " + minimumNumberOfCalls + " (expected: >= 1)");
    }
    if (waitDurationInOpenState == null || waitDurationInOpenState.toMillis() < 1) {
      problems.add("circuitBreaker waitDurationInOpenState: " + waitDurationInOpenState
          + " (expected: at least 1 ms)");
    }
    if (permittedNumberOfCallsInHalfOpenState < 1) {
      problems.add("circuitBreaker permittedNumberOfCallsInHalfOpenState: " + permittedNumberOfCallsInHalfOpenState
          + " (expected: >= 1)");
    }
    for (Integer status : failureStatuses) {
      if (status < 100 || status > 599) {
        problems.add("circuitBreaker failureStatuses: " + status + " (expected: 100..599)");
      }
    }
    return problems;
  }

  /** Collects circuit breaker settings; not thread-safe. */
  public static final class Builder {
    private final String name;
    private float failureRateThreshold = 50;
    private int slidingWindowSize = 100;
    private int minimumNumberOfCalls = 100;
    private Duration waitDurationInOpenState = Duration.ofSeconds(60);
    private int permittedNumberOfCallsInHalfOpenState = 10;
    private List<Integer> failureStatuses = SERVER_ERRORS;

    private Builder(String name) {
      this.name = name;
    }

    public Builder failureRateThreshold(float percent) {
      this.failureRateThreshold = percent;
      return this;
    }

    public Builder slidingWindowSize(int calls) {
      this.slidingWindowSize = calls;
      return this;
    }

    public Builder minimumNumberOfCalls(int calls) {
      this.minimumNumberOfCalls = calls;
      return this;
    }

    public Builder waitDurationInOpenState(Duration wait) {
      this.waitDurationInOpenState = wait;
      return this;
    }

    public Builder permittedNumberOfCallsInHalfOpenState(int calls) {
      this.permittedNumberOfCallsInHalfOpenState = calls;
      return this;
    }

    /** The backend statuses that count as failures, instead of every 5xx. */
    public Builder failureStatuses(Integer... statuses) {
      this.failureStatuses = List.of(statuses);
      return this;
    }

    public CircuitBreakerSettings build() {
      return new CircuitBreakerSettings(name, failureRateThreshold, slidingWindowSize, minimumNumberOfCalls,
          waitDurationInOpenState, permittedNumberOfCallsInHalfOpenState, failureStatuses);
    }
  }
}
