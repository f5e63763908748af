package dev.gatehouse.runtime.internal.integration;

import dev.gatehouse.GatewayResponse;
import dev.gatehouse.event.ProxyResponseV1;
import dev.gatehouse.runtime.internal.response.ResponseFinisher;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Turns a payload 1.0 proxy response into a gateway response. {@code multiValueHeaders} and
 * {@code headers} merge into one list as AWS merges them: a name and value present in both appear
 * once. The response is {@linkplain ResponseFinisher#stamp stamped} with the request ID, so that
 * finishing it costs no copy.
 */
public final class ResponsesV1 {
  private ResponsesV1() {}

  public static GatewayResponse translate(ProxyResponseV1 response, String requestId)
      throws MalformedResponseException {
    if (response == null) {
      throw new MalformedResponseException("the function returned null");
    }
    GatewayResponse.Builder out = builder(response.statusCode());
    Map<String, List<String>> multi = response.multiValueHeaders();
    if (multi != null) {
      for (Map.Entry<String, List<String>> entry : multi.entrySet()) {
        if (entry.getKey() == null || entry.getValue() == null) {
          throw new MalformedResponseException("multiValueHeaders has a null name or list");
        }
        for (String value : entry.getValue()) {
          out.header(entry.getKey(), requireValue(entry.getKey(), value));
        }
      }
    }
    if (response.headers() != null) {
      for (Map.Entry<String, String> entry : response.headers().entrySet()) {
        if (entry.getKey() == null) {
          throw new MalformedResponseException("headers has a null name");
        }
        if (multi == null || multi.isEmpty() || !containsPair(multi, entry.getKey(), entry.getValue())) {
          out.header(entry.getKey(), requireValue(entry.getKey(), entry.getValue()));
        }
      }
    }
    body(out, response.body(), response.isBase64Encoded(), true);
    return ResponseFinisher.stamp(out, requestId).build();
  }

  static GatewayResponse.Builder builder(int status) throws MalformedResponseException {
    if (status < 100 || status > 599) {
      throw new MalformedResponseException("statusCode " + status + " is not 100..599");
    }
    return GatewayResponse.builder(status);
  }

  static String requireValue(String name, String value) throws MalformedResponseException {
    if (value == null) {
      throw new MalformedResponseException("header " + name + " has a null value");
    }
    return value;
  }

  /** Sets the body; AWS's Lambda proxy answers are JSON unless the function says otherwise. */
  static GatewayResponse.Builder body(GatewayResponse.Builder out, String body, boolean base64,
      boolean defaultJson) throws MalformedResponseException {
    if (defaultJson && !out.hasHeader("Content-Type")) {
      out.header("Content-Type", "application/json");
    }
    if (body == null) {
      return out;
    }
    if (!base64) {
      return out.body(body);
    }
    try {
      return out.body(Base64.getDecoder().decode(body));
    } catch (IllegalArgumentException e) {
      throw new MalformedResponseException("isBase64Encoded is true but the body is not base64");
    }
  }

  private static boolean containsPair(Map<String, List<String>> multi, String name, String value) {
    for (Map.Entry<String, List<String>> entry : multi.entrySet()) {
      if (name.equalsIgnoreCase(entry.getKey()) && entry.getValue().contains(value)) {
        return true;
      }
    }
    return false;
  }
}
