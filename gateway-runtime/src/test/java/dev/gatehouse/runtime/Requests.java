package dev.gatehouse.runtime;

import dev.gatehouse.Gateway;
import dev.gatehouse.GatewayRequest;
import dev.gatehouse.GatewayResponse;
import java.util.concurrent.TimeUnit;

/** Calls a gateway in process, with the headers a real client would send. */
final class Requests {
  private Requests() {}

  static GatewayRequest.Builder get(String rawPathAndQuery) {
    return request("GET", rawPathAndQuery);
  }

  static GatewayRequest.Builder request(String method, String rawPathAndQuery) {
    int q = rawPathAndQuery.indexOf('?');
    GatewayRequest.Builder builder = GatewayRequest.builder(method, q < 0 ? rawPathAndQuery : rawPathAndQuery.substring(0, q))
        .header("Host", "api.example.com:8080")
        .header("User-Agent", "gatehouse-test");
    if (q >= 0) {
      builder.rawQuery(rawPathAndQuery.substring(q + 1));
    }
    return builder;
  }

  /** {@code method path} with an {@code Authorization} header, or without one when {@code authorization} is null. */
  static GatewayResponse callAuthorized(Gateway gateway, String method, String path, String authorization) {
    GatewayRequest.Builder request = request(method, path);
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return call(gateway, request);
  }

  static GatewayResponse call(Gateway gateway, GatewayRequest.Builder request) {
    try {
      return gateway.handle(request.build()).toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError("gateway did not answer " + request.build(), e);
    }
  }
}
