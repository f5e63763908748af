package dev.gatehouse.runtime.iam;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.iam.IamPolicy;
import dev.gatehouse.iam.PolicyStatement;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads an AWS IAM policy document, as written for API Gateway's identity and resource policies,
 * into an {@link IamPolicy}. What Gatehouse evaluates is accepted ({@code Version}, {@code Statement}
 * as one object or a list, {@code Sid}, {@code Effect}, {@code Principal} as {@code "*"} or
 * {@code {"AWS": ...}}, {@code Action}, {@code Resource}, and {@code IpAddress}/{@code NotIpAddress}
 * conditions on {@code aws:SourceIp}); anything else is refused with its place named, because a
 * condition read and then ignored would allow more than the document says.
 *
 * <pre>{@code
 * IamPolicy policy = PolicyDocuments.parse("""
 *     {"Version": "2012-10-17",
 *      "Statement": [{"Effect": "Allow", "Principal": "*", "Action": "execute-api:Invoke",
 *                     "Resource": "execute-api:/*",
 *                     "Condition": {"IpAddress": {"aws:SourceIp": ["192.0.2.0/24", "2001:db8::/32"]}}}]}
 *     """);
 * }</pre>
 */
public final class PolicyDocuments {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> STATEMENT_KEYS = Set.of("Sid", "Effect", "Principal", "Action", "Resource",
      "Condition");
  private static final String SOURCE_IP = "aws:SourceIp";

  private PolicyDocuments() {}

  /**
   * The policy {@code json} describes.
   *
   * @throws IllegalArgumentException naming the statement and field of anything malformed or not
   *     supported
   */
  public static IamPolicy parse(String json) {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("policy document: not JSON (" + e.getOriginalMessage() + ")", e);
    }
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException("policy document: expected a JSON object with a Statement");
    }
    for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!name.equals("Version") && !name.equals("Statement") && !name.equals("Id")) {
        throw new IllegalArgumentException("policy document: " + name + " (expected: Version, Id or Statement)");
      }
    }
    JsonNode statements = root.get("Statement");
    if (statements == null) {
      throw new IllegalArgumentException("policy document: Statement missing");
    }
    IamPolicy.Builder policy = IamPolicy.builder();
    List<JsonNode> list = new ArrayList<>();
    if (statements.isArray()) {
      statements.forEach(list::add);
    } else {
      list.add(statements);
    }
    for (int i = 0; i < list.size(); i++) {
      policy.statement(statement(list.get(i), "Statement " + (i + 1)));
    }
    List<String> problems = policy.problems();
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("policy document: " + String.join("; ", problems));
    }
    return policy.build();
  }

  private static PolicyStatement.Builder statement(JsonNode node, String where) {
    if (!node.isObject()) {
      throw new IllegalArgumentException(where + ": expected an object");
    }
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!STATEMENT_KEYS.contains(name)) {
        throw new IllegalArgumentException(where + ": " + name
            + " (expected: Sid, Effect, Principal, Action, Resource or Condition; Gatehouse does not evaluate it)");
      }
    }
    String effect = text(node.get("Effect"), where + " Effect");
    PolicyStatement.Builder statement = switch (effect) {
      case "Allow" -> PolicyStatement.allow();
      case "Deny" -> PolicyStatement.deny();
      default -> throw new IllegalArgumentException(where + " Effect: \"" + effect + "\" (expected: Allow or Deny)");
    };
    JsonNode principal = node.get("Principal");
    if (principal != null) {
      statement.principal(principals(principal, where + " Principal").toArray(String[]::new));
    }
    if (node.has("Action")) {
      statement.action(strings(node.get("Action"), where + " Action").toArray(String[]::new));
    }
    statement.resource(strings(node.get("Resource"), where + " Resource").toArray(String[]::new));
    JsonNode condition = node.get("Condition");
    if (condition != null) {
      conditions(condition, statement, where + " Condition");
    }
    return statement;
  }

  private static List<String> principals(JsonNode node, String where) {
    if (node.isTextual() && node.asText().equals("*")) {
      return List.of("*");
    }
    if (node.isObject() && node.size() == 1 && node.has("AWS")) {
      return strings(node.get("AWS"), where + " AWS");
    }
    throw new IllegalArgumentException(where + ": " + node + " (expected: \"*\" or {\"AWS\": ARNs or account IDs})");
  }

  private static void conditions(JsonNode node, PolicyStatement.Builder statement, String where) {
    if (!node.isObject()) {
      throw new IllegalArgumentException(where + ": expected an object");
    }
    for (Map.Entry<String, JsonNode> operator : node.properties()) {
      String name = operator.getKey();
      if (!name.equals("IpAddress") && !name.equals("NotIpAddress")) {
        throw new IllegalArgumentException(where + ": " + name
            + " (expected: IpAddress or NotIpAddress on aws:SourceIp; Gatehouse evaluates no other condition)");
      }
      JsonNode keys = operator.getValue();
      if (!keys.isObject() || keys.size() != 1 || !keys.has(SOURCE_IP)) {
        throw new IllegalArgumentException(where + " " + name + ": " + keys + " (expected: {\"aws:SourceIp\": blocks})");
      }
      String[] blocks = strings(keys.get(SOURCE_IP), where + " " + name + " " + SOURCE_IP).toArray(String[]::new);
      if (name.equals("IpAddress")) {
        statement.sourceIp(blocks);
      } else {
        statement.notSourceIp(blocks);
      }
    }
  }

  private static List<String> strings(JsonNode node, String where) {
    if (node == null) {
      throw new IllegalArgumentException(where + ": missing");
    }
    if (node.isTextual()) {
      return List.of(node.asText());
    }
    if (node.isArray() && node.size() > 0) {
      List<String> values = new ArrayList<>();
      for (JsonNode value : node) {
        values.add(text(value, where));
      }
      return values;
    }
    throw new IllegalArgumentException(where + ": " + node + " (expected: a string or a non-empty list of strings)");
  }

  private static String text(JsonNode node, String where) {
    if (node == null || !node.isTextual()) {
      throw new IllegalArgumentException(where + ": " + (node == null ? "missing" : node.toString())
          + " (expected: a string)");
    }
    return node.asText();
  }
}
