package dev.gatehouse.examples;

import dev.gatehouse.Gateway;
import dev.gatehouse.integration.Integrations;
import java.time.Duration;

public final class CachingExample {
  public static Gateway petstore(String petsUrl) {
    return Gateway.builder()
        .restApi("petstore", api -> api
            .stage("prod", stage -> stage
                .variable("petsUrl", petsUrl)
                .cache(cache -> cache
                    .ttl(Duration.ofMinutes(5))                      // AWS's default; 0 turns it off
                    .maxBytes(64 << 20)                              // in-process, least recently used out first
                    .invalidationKeys("ops")                         // who may send Cache-Control: max-age=0
                    .xCacheHeader()))                                // X-Cache: Hit | Miss
            .route("GET /pets", Integrations.http("${stageVariables.petsUrl}/pets"), route -> route
                .apiKeyRequired()                                    // checked on hits too
                .cached(cache -> cache
                    .ttl(Duration.ofSeconds(30))
                    .keyParameters("method.request.querystring.type")))
            .route("GET /pets/{id}", Integrations.http("${stageVariables.petsUrl}/pets/{id}"))   // GET: cached
            .route("POST /pets", Integrations.http("${stageVariables.petsUrl}/pets")))          // POST: never
        .usagePlan("plan", plan -> plan
            .stage("petstore", "prod")
            .apiKey("ops", "ops-demo-key-0123456789")                // demo values, not secrets
            .apiKey("app", "app-demo-key-0123456789"))
        .build();
    // GET /prod/pets?type=dog&page=2 (x-api-key: app) -> backend once; again within 30 s -> X-Cache: Hit,
    //   also for page=3 (not a key parameter); type=cat is another entry
    // the same with Cache-Control: max-age=0 -> from the cache, with a Warning header; as "ops" -> refetched
    // gateway.cache("petstore", "prod").flush() empties the stage's cache
  }
}
