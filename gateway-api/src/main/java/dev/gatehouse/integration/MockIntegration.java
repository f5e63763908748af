package dev.gatehouse.integration;

import dev.gatehouse.GatewayResponse;
import dev.gatehouse.Headers;
import java.util.ArrayList;
import java.util.List;

/**
 * AWS's mock integration: the gateway answers by itself, with a fixed response or one computed
 * from the request. Create one with {@code Integrations.mock(...)}.
 *
 * @param status the fixed status; ignored when {@code responder} is set
 * @param headers the fixed headers
 * @param body the fixed body, as UTF-8 text
 * @param responder computes the answer; {@code null} for a fixed answer
 */
public record MockIntegration(int status, Headers headers, String body, MockResponder responder)
    implements Integration {

  /** The fixed answer; call only when {@link #responder()} is {@code null}. */
  public GatewayResponse fixedResponse() {
    return GatewayResponse.builder(status).headers(headers).body(body).build();
  }

  @Override
  public List<String> problems() {
    List<String> problems = new ArrayList<>();
    if (responder == null) {
      if (status < 100 || status > 599) {
        problems.add("status: " + status + " (expected: 100..599)");
      }
      if (headers == null) {
        problems.add("headers: null (expected: Headers.empty() for none)");
      }
      if (body == null) {
        problems.add("body: null (expected: a text, empty for none)");
      }
    }
    return problems;
  }

  @Override
  public String toString() {
    return responder != null ? "mock(computed)" : "mock(" + status + ")";
  }
}
