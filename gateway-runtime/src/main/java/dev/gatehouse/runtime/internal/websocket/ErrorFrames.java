package dev.gatehouse.runtime.internal.websocket;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.GatewayResponse;
import dev.gatehouse.runtime.internal.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * AWS's answer to a message the gateway could not deliver to an integration, or whose integration
 * failed: {@code {"message": "Forbidden", "connectionId": "...", "requestId": "..."}}.
 */
final class ErrorFrames {
  private ErrorFrames() {}

  static byte[] of(String message, String connectionId, String requestId) {
    Map<String, String> frame = new LinkedHashMap<>();
    frame.put("message", message);
    frame.put("connectionId", connectionId);
    frame.put("requestId", requestId);
    return Json.write(frame).getBytes(StandardCharsets.UTF_8);
  }

  /** The {@code message} of a gateway response's JSON body, or its whole body when it has none. */
  static String messageOf(GatewayResponse response) {
    String body = response.isStreamed() ? "" : response.bodyAsString();
    try {
      JsonNode message = Json.MAPPER.readTree(body).get("message");
      if (message != null && message.isTextual()) {
        return message.asText();
      }
    } catch (IOException | RuntimeException e) {
      // an override may answer with any text: then the text is the message
    }
    return body;
  }
}
