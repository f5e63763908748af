package dev.gatehouse.examples;

import dev.gatehouse.Gateway;
import dev.gatehouse.QuotaPeriod;
import dev.gatehouse.integration.Integrations;

public final class UsagePlanExample {
  /** A demo value, not a secret: real keys come from your key store or configuration. */
  public static final String DEMO_KEY = "demo-key-0123456789abcdef";

  public static Gateway petstore() {
    return Gateway.builder()
        .restApi("petstore", api -> api
            .stage("prod", stage -> stage.throttle(100, 200))   // each route: 100 rps, burst 200
            .rateLimitHeaders()                                  // X-RateLimit-*, Retry-After on 429
            .route("GET /pets", Integrations.mock(200, "[]"), route -> route.apiKeyRequired())
            .route("GET /health", Integrations.mock(200, "{\"ok\":true}")))
        .usagePlan("basic", plan -> plan
            .stage("petstore", "prod", stage -> stage.throttle("GET /pets", 2, 5))
            .throttle(10, 20)                                    // each key, across the plan
            .quota(1_000, QuotaPeriod.DAY)                       // each key, per UTC day
            .apiKey("demo", DEMO_KEY))
        .build();
    // GET /prod/pets without x-api-key -> 403 {"message":"Forbidden"}
    // with x-api-key: demo-key-0123456789abcdef -> 200, then 429 {"message":"Too Many Requests"}
    //   once the route's 5-request burst is spent, until its 2 tokens per second refill it
  }
}
