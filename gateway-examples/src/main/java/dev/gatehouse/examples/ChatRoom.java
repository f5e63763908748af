package dev.gatehouse.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.event.ProxyResponseV1;
import dev.gatehouse.event.WebSocketEvent;
import dev.gatehouse.websocket.ConnectionException;
import dev.gatehouse.websocket.WebSocketConnections;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The chat room's handlers, written as AWS's chat sample writes its Lambda functions: {@code $connect}
 * keeps the connection ID, {@code sendMessage} posts to every member through {@code @connections},
 * {@code $disconnect} forgets the member. Members live in memory; with several instances they would
 * live in a shared store.
 */
public final class ChatRoom {
  private static final Logger LOG = LoggerFactory.getLogger(ChatRoom.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<String, String> names = new ConcurrentHashMap<>();
  private volatile WebSocketConnections connections;

  /** Where {@code sendMessage} posts: the gateway's {@code @connections}, known once it is built. */
  public void attach(WebSocketConnections connections) {
    this.connections = connections;
  }

  public ProxyResponseV1 connect(WebSocketEvent event) {
    Map<String, String> query = event.queryStringParameters();
    String name = query == null ? null : query.get("name");
    if (name == null || name.isBlank() || name.length() > 32) {
      return ProxyResponseV1.of(400, "{\"message\":\"connect with ?name=... (1 to 32 characters)\"}");
    }
    names.put(event.requestContext().connectionId(), name);
    return ProxyResponseV1.of(200, "");
  }

  public ProxyResponseV1 disconnect(WebSocketEvent event) {
    names.remove(event.requestContext().connectionId());
    return null;
  }

  /** {@code {"action":"sendMessage","text":"..."}} goes to every member as {@code {"from":...,"text":...}}. */
  public ProxyResponseV1 sendMessage(WebSocketEvent event) throws Exception {
    JsonNode text = JSON.readTree(event.body()).get("text");
    if (text == null || !text.isTextual()) {
      return ProxyResponseV1.of(400, "{\"message\":\"sendMessage needs a text\"}");
    }
    ObjectNode message = JSON.createObjectNode()
        .put("from", names.getOrDefault(event.requestContext().connectionId(), "?"))
        .put("text", text.asText());
    String json = JSON.writeValueAsString(message);
    for (String member : names.keySet()) {
      connections.post(member, json).whenComplete((ok, error) -> {
        if (error instanceof ConnectionException
            && ((ConnectionException) error).kind() == ConnectionException.Kind.GONE) {
          names.remove(member);
        } else if (error != null) {
          LOG.warn("message to {} not delivered: {}", member, error.getMessage());
        }
      });
    }
    return ProxyResponseV1.of(200, "{\"delivered\":" + names.size() + "}");
  }

  /** The members now: connection ID to name. */
  public Map<String, String> members() {
    return Map.copyOf(names);
  }
}
