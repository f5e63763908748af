package dev.gatehouse.benchmarks.micro;

import dev.gatehouse.Gateway;
import dev.gatehouse.GatewayDefinition;
import dev.gatehouse.GatewayRequest;
import dev.gatehouse.GatewayResponse;
import dev.gatehouse.event.ProxyResponseV1;
import dev.gatehouse.event.ProxyResponseV2;
import dev.gatehouse.integration.Integrations;
import dev.gatehouse.runtime.internal.RequestIds;
import dev.gatehouse.runtime.internal.pipeline.Deployment;
import dev.gatehouse.runtime.internal.pipeline.Exchange;
import java.util.concurrent.CompletableFuture;

/**
 * The request and responses the benchmarks share: what a browser or a mobile client sends to a
 * JSON API (ten header fields, one of them repeated, a cookie, two query parameters, a path
 * parameter and a small JSON body), and what a function typically answers.
 */
final class Fixtures {
  static final String REQUEST_BODY = "{\"name\":\"Rex\",\"type\":\"dog\",\"price\":249.99}";
  static final String RESPONSE_BODY = "{\"id\":42,\"name\":\"Rex\",\"type\":\"dog\",\"price\":249.99}";

  /** What a payload 1.0 function answers: two headers and a small JSON body. */
  static final ProxyResponseV1 RESPONSE_V1 = ProxyResponseV1.builder(200)
      .header("Content-Type", "application/json")
      .header("Cache-Control", "no-store")
      .body(RESPONSE_BODY)
      .build();

  /** What a payload 2.0 function answers: two headers and a small JSON body. */
  static final ProxyResponseV2 RESPONSE_V2 = ProxyResponseV2.builder(200)
      .header("content-type", "application/json")
      .header("cache-control", "no-store")
      .body(RESPONSE_BODY)
      .build();

  /**
   * What a function answers when its answer may be cached: {@link #RESPONSE_V1} without
   * {@code Cache-Control: no-store}, which a stage cache never stores.
   */
  static final ProxyResponseV1 CACHEABLE_RESPONSE_V1 = ProxyResponseV1.builder(200)
      .header("Content-Type", "application/json")
      .body(RESPONSE_BODY)
      .build();

  /** The {@code Host} every request here carries, which a SigV4 signature covers. */
  static final String HOST = "api.example.com";
  /** The query of {@link #request(String)}. */
  static final String QUERY = "limit=10&sort=name";

  /** A bearer token no route here checks: the request carries it as a browser's would. */
  private static final String BEARER = "Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1c2VyLTQyIn0.c2lnbmF0dXJl";

  private Fixtures() {}

  /** A REST API ({@code rest == true}) or HTTP API with stage {@code prod} and {@code POST /pets/{id}}. */
  static GatewayDefinition petstore(boolean rest) {
    return rest
        ? Gateway.builder().restApi("petstore", api -> api.stage("prod")
            .route("POST /pets/{id}", Integrations.mock(200))).definition()
        : Gateway.builder().httpApi("petstore", api -> api.stage("prod")
            .route("POST /pets/{id}", Integrations.mock(200))).definition();
  }

  /**
   * The exchange of {@code request} after the router has run on it: the deployment's integration
   * step captures the exchange it is handed and answers at once.
   */
  static Exchange routed(GatewayDefinition definition, GatewayRequest request) {
    Exchange[] captured = new Exchange[1];
    Deployment deployment = new Deployment(definition, route -> (ex, next) -> {
      captured[0] = ex;
      return CompletableFuture.completedFuture(GatewayResponse.builder(200).build());
    });
    deployment.entry()
        .proceed(deployment.exchange(request, System.currentTimeMillis(), RequestIds.requestId()))
        .toCompletableFuture()
        .join();
    if (captured[0] == null) {
      throw new IllegalStateException("the request reached no route: " + request);
    }
    return captured[0];
  }

  /** {@code POST {rawPath}?limit=10&sort=name} with ten header fields and a small JSON body. */
  static GatewayRequest request(String rawPath) {
    return request(rawPath, BEARER, null);
  }

  /**
   * The same request with this {@code Authorization} value and, unless {@code null}, an
   * {@code x-api-key} field.
   */
  static GatewayRequest request(String rawPath, String authorization, String apiKey) {
    return request(rawPath, authorization, apiKey, null);
  }

  /**
   * The same request with, unless {@code null}, an {@code X-Amz-Date} field: with a SigV4
   * {@code Authorization}, a signed request.
   */
  static GatewayRequest request(String rawPath, String authorization, String apiKey, String amzDate) {
    GatewayRequest.Builder builder =
        headers(GatewayRequest.builder("POST", rawPath).rawQuery(QUERY), authorization);
    if (apiKey != null) {
      builder.header("x-api-key", apiKey);
    }
    if (amzDate != null) {
      builder.header("X-Amz-Date", amzDate);
    }
    return builder.body(REQUEST_BODY).sourceIp("203.0.113.7").build();
  }

  /** {@code GET {rawPath}?{rawQuery}} with the same header fields, without a body. */
  static GatewayRequest get(String rawPath, String rawQuery) {
    return headers(GatewayRequest.builder("GET", rawPath).rawQuery(rawQuery), BEARER).sourceIp("203.0.113.7").build();
  }

  /** The ten header fields every request here carries, with this {@code Authorization} value. */
  private static GatewayRequest.Builder headers(GatewayRequest.Builder builder, String authorization) {
    return builder
        .header("Host", HOST)
        .header("User-Agent", "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0")
        .header("Accept", "application/json")
        .header("Accept-Encoding", "gzip, deflate, br")
        .header("Accept-Language", "en-GB,en;q=0.5")
        .header("Content-Type", "application/json")
        .header("Authorization", authorization)
        .header("X-Forwarded-For", "203.0.113.7")
        .header("X-Forwarded-For", "10.0.0.12")
        .header("Cookie", "session=4f2a9c; theme=dark");
  }
}
