package dev.gatehouse.examples;

import dev.gatehouse.Gateway;
import dev.gatehouse.GatewayResponse;
import dev.gatehouse.integration.CustomIntegration;
import dev.gatehouse.integration.Integrations;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

public final class HttpBackendExample {
  public static Gateway shop(String ordersUrl) {
    CustomIntegration version = request -> CompletableFuture.completedFuture(
        GatewayResponse.builder(200).header("Content-Type", "text/plain").body("shop 1.0").build());
    return Gateway.builder()
        .restApi("shop", api -> api
            .stage("prod", stage -> stage.variable("ordersUrl", ordersUrl))
            .route("ANY /orders/{proxy+}", Integrations.http("${stageVariables.ordersUrl}/v2/{proxy}", http -> http
                .connectTimeout(Duration.ofSeconds(2))
                .circuitBreaker("orders", breaker -> breaker.slidingWindowSize(20).minimumNumberOfCalls(10))
                .retry(retry -> retry.maxAttempts(2).waitDuration(Duration.ZERO))   // GET, PUT, DELETE only
                .bulkhead("orders", 100)),
                route -> route.timeout(Duration.ofMinutes(2)))                      // no 29 s cap
            .route("GET /customers/{id}", Integrations.httpMapped("${stageVariables.ordersUrl}/crm", http -> http
                .requestParameter("integration.request.querystring.customer", "method.request.path.id")
                .requestParameter("integration.request.header.x-request-id", "context.requestId")
                .responseParameter("method.response.header.x-crm-version", "integration.response.header.x-version")
                .responseStatus("5\\d\\d", 502)))
            .route("GET /version", version))
        .build();
    // GET /prod/orders/7/items?page=2 -> GET {ordersUrl}/v2/7/items?page=2, headers and body passed both ways
    // GET /prod/customers/42 -> GET {ordersUrl}/crm?customer=42 with only the mapped headers
    // backend down -> 504 {"message":"Internal server error"}; slower than the timeout -> 504
    //   {"message":"Endpoint request timed out"}; breaker open -> 503 {"message":"Service Unavailable"}
  }
}
