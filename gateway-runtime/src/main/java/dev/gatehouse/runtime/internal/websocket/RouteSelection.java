package dev.gatehouse.runtime.internal.websocket;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.RouteKey;
import dev.gatehouse.runtime.internal.Json;
import dev.gatehouse.runtime.internal.pipeline.CompiledApi;
import dev.gatehouse.runtime.internal.pipeline.CompiledRoute;
import dev.gatehouse.websocket.RouteSelectionExpression;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Picks a message's route as AWS does: the expression evaluated over the JSON body selects the
 * route with that key; a body that is not JSON, or a key no route has, falls to {@code $default};
 * without {@code $default} there is no route.
 */
final class RouteSelection {
  private RouteSelection() {}

  static CompiledRoute select(CompiledApi api, RouteSelectionExpression expression, byte[] message, boolean binary) {
    String key = binary ? null : evaluate(expression, message);
    CompiledRoute route = key == null ? null : api.route(key);
    // a message cannot select the routes AWS calls by itself
    if (route != null && !route.definition().key().isDefault()
        && route.definition().key().selectionKey().startsWith("$")) {
      route = null;
    }
    return route != null ? route : api.route(RouteKey.DEFAULT);
  }

  /** The expression's value for this message, or {@code null} when the message is not JSON. */
  static String evaluate(RouteSelectionExpression expression, byte[] message) {
    JsonNode body = null;
    boolean parsed = false;
    StringBuilder key = new StringBuilder();
    for (RouteSelectionExpression.Part part : expression.parts()) {
      if (part instanceof RouteSelectionExpression.Literal) {
        key.append(((RouteSelectionExpression.Literal) part).text());
        continue;
      }
      if (!parsed) {
        body = parse(message);
        parsed = true;
        if (body == null) {
          return null;
        }
      }
      key.append(text(find(body, (RouteSelectionExpression.BodyPath) part)));
    }
    return key.toString();
  }

  private static JsonNode parse(byte[] message) {
    try {
      return Json.MAPPER.readTree(new String(message, StandardCharsets.UTF_8));
    } catch (IOException e) {
      return null;
    }
  }

  private static JsonNode find(JsonNode body, RouteSelectionExpression.BodyPath path) {
    JsonNode node = body;
    for (Object step : path.steps()) {
      if (node == null) {
        return null;
      }
      node = step instanceof Integer ? node.get((Integer) step) : node.get((String) step);
    }
    return node;
  }

  /** A path that finds nothing reads as empty; a value that is not a string is written as JSON, as AWS stringifies it. */
  private static String text(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return "";
    }
    return node.isValueNode() ? node.asText() : node.toString();
  }
}
