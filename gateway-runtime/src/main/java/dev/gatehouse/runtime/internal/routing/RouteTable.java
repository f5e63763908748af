package dev.gatehouse.runtime.internal.routing;

import dev.gatehouse.PathTemplate;
import dev.gatehouse.RouteKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An immutable trie of path segments that finds the route for a method and decoded path. At each
 * segment a literal beats a {@code {param}}, which beats a greedy {@code {proxy+}}; at the end an
 * explicit method beats {@code ANY}; the search backtracks when a branch has no route for the
 * method, and {@code $default} catches the rest.
 *
 * @param <R> what a route carries
 */
public final class RouteTable<R> {
  private final Node<R> root = new Node<>();
  private R defaultRoute;

  private RouteTable() {}

  /** Builds a table; keys must be distinct in shape (the API builder has checked that). */
  public static <R> RouteTable<R> of(List<Map.Entry<RouteKey, R>> routes) {
    RouteTable<R> table = new RouteTable<>();
    for (Map.Entry<RouteKey, R> entry : routes) {
      table.add(entry.getKey(), entry.getValue());
    }
    return table;
  }

  /** A route found for a request, with its parameter values in template order. */
  public record Match<R>(R route, List<String> parameterValues) {}

  /** The route for the request, or {@code null} when none matches and there is no $default. */
  public Match<R> match(String method, List<String> segments) {
    List<String> values = new ArrayList<>(4);
    R found = find(root, method, segments, 0, values);
    if (found != null) {
      return new Match<>(found, values);
    }
    return defaultRoute == null ? null : new Match<>(defaultRoute, List.of());
  }

  private void add(RouteKey key, R route) {
    if (key.isDefault()) {
      defaultRoute = route;
      return;
    }
    Node<R> node = root;
    for (PathTemplate.Segment segment : key.path().segments()) {
      switch (segment.kind()) {
        case LITERAL:
          node = node.literals.computeIfAbsent(segment.value(), s -> new Node<>());
          break;
        case PARAMETER:
          if (node.parameter == null) {
            node.parameter = new Node<>();
          }
          node = node.parameter;
          break;
        default:
          node.greedy.put(key.method(), route);
          return;
      }
    }
    node.terminal.put(key.method(), route);
  }

  private static <R> R find(Node<R> node, String method, List<String> segments, int index, List<String> values) {
    if (index == segments.size()) {
      return pick(node.terminal, method);
    }
    String segment = segments.get(index);
    Node<R> literal = node.literals.get(segment);
    if (literal != null) {
      R found = find(literal, method, segments, index + 1, values);
      if (found != null) {
        return found;
      }
    }
    if (node.parameter != null) {
      values.add(segment);
      R found = find(node.parameter, method, segments, index + 1, values);
      if (found != null) {
        return found;
      }
      values.remove(values.size() - 1);
    }
    if (!node.greedy.isEmpty()) {
      R found = pick(node.greedy, method);
      if (found != null) {
        values.add(PathDecoder.join(segments, index).substring(1));
        return found;
      }
    }
    return null;
  }

  private static <R> R pick(Map<String, R> byMethod, String method) {
    if (byMethod.isEmpty()) {
      return null;
    }
    R exact = byMethod.get(method);
    return exact != null ? exact : byMethod.get("ANY");
  }

  private static final class Node<R> {
    final Map<String, Node<R>> literals = new HashMap<>();
    Node<R> parameter;
    final Map<String, R> terminal = new HashMap<>(4);
    final Map<String, R> greedy = new HashMap<>(4);
  }
}
