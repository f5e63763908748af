package dev.gatehouse.runtime.internal.integration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.GatewayResponse;
import dev.gatehouse.event.ProxyResponseV2;
import dev.gatehouse.runtime.internal.Json;
import dev.gatehouse.runtime.internal.response.ResponseFinisher;
import java.util.Map;

/**
 * Turns what a payload 2.0 function returned into a gateway response. A {@link ProxyResponseV2}
 * is used as is; any other value means 200 JSON with the value as the body, unless it is an object
 * with a {@code statusCode}, which AWS reads as a response (both as AWS infers 2.0 answers). The
 * response is {@linkplain ResponseFinisher#stamp stamped} with the request ID.
 */
public final class ResponsesV2 {
  private ResponsesV2() {}

  public static GatewayResponse translate(Object result, String requestId) throws MalformedResponseException {
    if (result == null) {
      throw new MalformedResponseException("the function returned null");
    }
    if (result instanceof ProxyResponseV2) {
      return translate((ProxyResponseV2) result, requestId);
    }
    if (result instanceof CharSequence) {
      return json(result.toString(), requestId);
    }
    JsonNode tree;
    try {
      tree = Json.MAPPER.valueToTree(result);
    } catch (IllegalArgumentException e) {
      throw new MalformedResponseException("the function's value cannot be written as JSON: "
          + result.getClass().getName());
    }
    if (tree instanceof ObjectNode && tree.has("statusCode")) {
      try {
        return translate(Json.MAPPER.treeToValue(tree, ProxyResponseV2.class), requestId);
      } catch (com.fasterxml.jackson.core.JsonProcessingException | IllegalArgumentException e) {
        throw new MalformedResponseException("the function's response with a statusCode is malformed");
      }
    }
    return json(tree.toString(), requestId);
  }

  private static GatewayResponse translate(ProxyResponseV2 response, String requestId)
      throws MalformedResponseException {
    GatewayResponse.Builder out = ResponsesV1.builder(response.statusCode());
    if (response.headers() != null) {
      for (Map.Entry<String, String> entry : response.headers().entrySet()) {
        if (entry.getKey() == null) {
          throw new MalformedResponseException("headers has a null name");
        }
        out.header(entry.getKey(), ResponsesV1.requireValue(entry.getKey(), entry.getValue()));
      }
    }
    if (response.cookies() != null) {
      for (String cookie : response.cookies()) {
        out.header("Set-Cookie", ResponsesV1.requireValue("Set-Cookie", cookie));
      }
    }
    ResponsesV1.body(out, response.body(), response.isBase64Encoded(), false);
    return ResponseFinisher.stamp(out, requestId).build();
  }

  private static GatewayResponse json(String body, String requestId) {
    GatewayResponse.Builder out = GatewayResponse.builder(200).header("Content-Type", "application/json");
    return ResponseFinisher.stamp(out.body(body), requestId).build();
  }
}
