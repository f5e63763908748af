package dev.gatehouse.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.Gateway;
import dev.gatehouse.GatewayDefinitionException;
import dev.gatehouse.integration.Integrations;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Circuit breaker, retry and bulkhead settings that {@code build()} refuses, each named with its route. */
class ResilienceSettingsTest {

  @Test
  void invalidResilienceSettingsFailBuildWithFieldValueAndRule() {
    String url = "http://127.0.0.1:9";
    assertThatThrownBy(() -> Gateway.builder()
        .httpApi("shop", api -> api
            .route("GET /a", Integrations.http(url, http -> http
                .circuitBreaker("orders", breaker -> breaker.failureRateThreshold(0))))
            .route("GET /b", Integrations.http(url, http -> http
                .circuitBreaker("orders", breaker -> breaker.failureRateThreshold(101))))
            .route("GET /c", Integrations.http(url, http -> http
                .circuitBreaker("bad name", breaker -> breaker.slidingWindowSize(0).minimumNumberOfCalls(0)
                    .waitDurationInOpenState(Duration.ZERO).permittedNumberOfCallsInHalfOpenState(0)
                    .failureStatuses(600))))
            .route("GET /d", Integrations.http(url, http -> http
                .retry(retry -> retry.maxAttempts(0).waitDuration(Duration.ofMillis(-1)).retryStatuses(99))))
            .route("GET /e", Integrations.http(url, http -> http.bulkhead("orders", 0)))
            .route("GET /f", Integrations.http(url, http -> http.bulkhead("", 1))))
        .definition())
        .isInstanceOf(GatewayDefinitionException.class)
        .satisfies(e -> assertThat(((GatewayDefinitionException) e).problems()).containsExactly(
            "httpApi \"shop\" › route \"GET /a\": integration circuitBreaker failureRateThreshold: 0.0"
                + " (expected: > 0 and <= 100)",
            "httpApi \"shop\" › route \"GET /b\": integration circuitBreaker failureRateThreshold: 101.0"
                + " (expected: > 0 and <= 100)",
            "httpApi \"shop\" › route \"GET /c\": integration circuitBreaker name: \"bad name\""
                + " (expected: [A-Za-z0-9._-]{1,128})",
            "httpApi \"shop\" › route \"GET /c\": integration circuitBreaker slidingWindowSize: 0 (expected: >= 1)",
            "httpApi \"shop\" › route \"GET /c\": integration circuitBreaker minimumNumberOfCalls: 0 (expected: >= 1)",
            "httpApi \"shop\" › route \"GET /c\": integration circuitBreaker waitDurationInOpenState: PT0S"
                + " (expected: at least 1 ms)",
            "httpApi \"shop\" › route \"GET /c\": integration circuitBreaker permittedNumberOfCallsInHalfOpenState: 0"
                + " (expected: >= 1)",
            "httpApi \"shop\" › route \"GET /c\": integration circuitBreaker failureStatuses: 600"
                + " (expected: 100..599)",
            "httpApi \"shop\" › route \"GET /d\": integration retry maxAttempts: 0 (expected: >= 1)",
            "httpApi \"shop\" › route \"GET /d\": integration retry waitDuration: PT-0.001S"
                + " (expected: a duration >= 0)",
            "httpApi \"shop\" › route \"GET /d\": integration retry retryStatuses: 99 (expected: 100..599)",
            "httpApi \"shop\" › route \"GET /e\": integration bulkhead maxConcurrentCalls: 0 (expected: >= 1)",
            "httpApi \"shop\" › route \"GET /f\": integration bulkhead name: \"\" (expected: [A-Za-z0-9._-]{1,128})"));
  }

  @Test
  void routesSharingABreakerOrBulkheadNameMustAgreeOnItsSettings() {
    String url = "http://127.0.0.1:9";
    assertThatThrownBy(() -> Gateway.builder()
        .httpApi("shop", api -> api
            .route("GET /a", Integrations.http(url, http -> http
                .circuitBreaker("orders", breaker -> breaker.minimumNumberOfCalls(10)).bulkhead("orders", 5)))
            .route("GET /b", Integrations.http(url, http -> http
                .circuitBreaker("orders", breaker -> breaker.minimumNumberOfCalls(20)).bulkhead("orders", 5))))
        .build())
        .isInstanceOf(GatewayDefinitionException.class)
        .hasMessageContaining("httpApi \"shop\" › route \"GET /b\": integration circuitBreaker \"orders\": "
            + "CircuitBreakerSettings[name=orders, failureRateThreshold=50.0, slidingWindowSize=100, "
            + "minimumNumberOfCalls=20,")
        .hasMessageContaining("(expected: the settings of httpApi \"shop\" › route \"GET /a\", which shares it in"
            + " stage \"$default\": CircuitBreakerSettings[name=orders, failureRateThreshold=50.0, "
            + "slidingWindowSize=100, minimumNumberOfCalls=10,");
  }
}
