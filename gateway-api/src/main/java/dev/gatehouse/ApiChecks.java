package dev.gatehouse;

import dev.gatehouse.authorizer.AuthorizerDefinition;
import dev.gatehouse.authorizer.FunctionAuthorizer;
import dev.gatehouse.authorizer.IamAuthorizer;
import dev.gatehouse.iam.IamPolicy;
import dev.gatehouse.integration.FunctionIntegration;
import dev.gatehouse.integration.PayloadFormat;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The checks of an API that relate its parts to each other: authorizer names, route throttles,
 * integrations against stages and the API's type, the resource policy.
 */
final class ApiChecks {
  private ApiChecks() {}

  /** Unique names, each authorizer's own problems, and every name a route or the default uses. */
  static void authorizers(List<AuthorizerDefinition> authorizers, String defaultAuthorizer, ApiKeySource apiKeySource,
      List<RouteDefinition> routes, Problems problems) {
    Map<String, AuthorizerDefinition> byName = new HashMap<>();
    byName.put(IamAuthorizer.NAME, IamAuthorizer.INSTANCE);
    for (AuthorizerDefinition authorizer : authorizers) {
      Problems here = problems.under("authorizer " + Problems.describe(authorizer.name()));
      here.checkId("name", authorizer.name());
      authorizer.problems().forEach(here::add);
      if (byName.putIfAbsent(authorizer.name(), authorizer) != null && !(authorizer instanceof IamAuthorizer)) {
        here.add("name", authorizer.name(), "an authorizer name not declared before in this API");
      }
    }
    List<String> names = byName.keySet().stream().sorted().toList();
    if (defaultAuthorizer != null && !byName.containsKey(defaultAuthorizer)) {
      problems.add("defaultAuthorizer", defaultAuthorizer, "one of " + names);
    }
    for (RouteDefinition route : routes) {
      Problems here = problems.under("route " + Problems.describe(route.key().toString()));
      String name = route.authorizer() != null ? route.authorizer() : defaultAuthorizer;
      if (route.authorizer() != null && !RouteDefinition.NO_AUTHORIZER.equals(route.authorizer())
          && !byName.containsKey(route.authorizer())) {
        here.add("authorizer", route.authorizer(), "one of " + names + " or noAuthorizer()");
        continue;
      }
      AuthorizerDefinition authorizer = name == null ? null : byName.get(name);
      if (!route.scopes().isEmpty() && (authorizer == null || !authorizer.checksScopes())) {
        here.add("scopes", route.scopes(), "a JWT authorizer on the route to check them");
      }
      if (route.apiKeyRequired() && apiKeySource == ApiKeySource.AUTHORIZER
          && !(authorizer instanceof FunctionAuthorizer)) {
        // the key would come from an answer no authorizer gives: every request would be refused
        here.add("apiKeyRequired: true (expected: a function authorizer on the route, whose usageIdentifierKey"
            + " is the key, since the API's apiKeySource is AUTHORIZER)");
      }
    }
  }

  /** A resource policy's own problems, and a principal in every statement, as AWS requires. */
  static IamPolicy resourcePolicy(ApiType type, IamPolicy.Builder policy, Problems problems) {
    if (policy == null) {
      return null;
    }
    if (type == ApiType.WEBSOCKET) {
      problems.add("resourcePolicy: set (expected: none on a webSocketApi; resource policies are for REST and"
          + " HTTP APIs, guard $connect with an authorizer)");
      return null;
    }
    List<String> own = policy.problems();
    own.forEach(problem -> problems.add("resourcePolicy " + problem));
    if (!own.isEmpty()) {
      return null;
    }
    IamPolicy built = policy.build();
    for (int i = 0; i < built.statements().size(); i++) {
      if (built.statements().get(i).principals().isEmpty()) {
        problems.add("resourcePolicy statement " + (i + 1) + ": principal: [] (expected: \"*\" or the principals"
            + " the statement is about; a resource policy's statements name them)");
      }
    }
    return built;
  }

  /** Each route's integration checked against the API's stages (stage variables it names, for one). */
  static void integrations(List<RouteDefinition> routes, List<StageDefinition> stages, Problems problems) {
    for (RouteDefinition route : routes) {
      Problems here = problems.under("route " + Problems.describe(route.key().toString()));
      route.integration().problems(route.key(), stages).forEach(p -> here.add("integration " + p));
    }
  }

  /** A function's payload format fits the API's type; a null format is reported by the integration itself. */
  static void payloadFormat(ApiType type, FunctionIntegration integration, Problems here) {
    PayloadFormat format = integration.payloadFormat();
    if (type == ApiType.REST && format == PayloadFormat.V2_0) {
      here.add("integration", integration, "payload format 1.0 on a restApi");
    } else if (type != ApiType.WEBSOCKET && format == PayloadFormat.WEBSOCKET) {
      here.add("integration", integration, "payload format 1.0 or 2.0 on a " + type.label());
    } else if (type == ApiType.WEBSOCKET && format != null && format != PayloadFormat.WEBSOCKET) {
      here.add("integration", integration,
          "Integrations.webSocketFunction(...) or asyncWebSocketFunction(...) on a webSocketApi");
    }
  }

  static void routeThrottles(List<StageDefinition> stages, List<RouteDefinition> routes,
      Problems problems) {
    Set<String> keys = new HashSet<>();
    routes.forEach(route -> keys.add(route.key().toString()));
    for (StageDefinition stage : stages) {
      for (String key : stage.routeThrottles().keySet()) {
        if (!keys.contains(key)) {
          problems.under("stage " + Problems.describe(stage.name()))
              .add("throttle route", key, "a route key of this API: " + keys.stream().sorted().toList());
        }
      }
    }
  }

  /**
   * Caching belongs to REST and HTTP APIs; a route's TTL must fit every cached stage's maximum, and
   * a route's cache needs a stage with one.
   */
  static void caches(ApiType type, List<StageDefinition> stages, List<RouteDefinition> routes, Problems problems) {
    List<StageDefinition> cached = stages.stream().filter(stage -> stage.cache() != null).toList();
    if (type == ApiType.WEBSOCKET) {
      cached.forEach(stage -> problems.under("stage " + Problems.describe(stage.name()))
          .add("cache: set (expected: none on a webSocketApi; response caching is for REST and HTTP APIs)"));
    }
    for (RouteDefinition route : routes) {
      if (route.cache() == null) {
        continue;
      }
      Problems here = problems.under("route " + Problems.describe(route.key().toString()));
      if (type == ApiType.WEBSOCKET) {
        here.add("cached: true (expected: not on a webSocketApi's routes)");
        continue;
      }
      if (cached.isEmpty()) {
        here.add("cached: true (expected: a stage of this API with stage.cache(...), which holds the entries)");
      }
      for (StageDefinition stage : cached) {
        java.time.Duration ttl = route.cache().ttl();
        if (ttl != null && ttl.compareTo(stage.cache().maxTtl()) > 0) {
          here.add("cache ttl", ttl, "at most the maxTtl " + stage.cache().maxTtl() + " of stage "
              + Problems.describe(stage.name()) + "; AWS's limit is 3,600 s, raise it with cache.maxTtl(...)");
        }
      }
    }
  }

  /** A stage's access log format may use only the variables AWS documents for the API's type. */
  static void accessLogs(ApiType type, List<StageDefinition> stages, Problems problems) {
    for (StageDefinition stage : stages) {
      if (stage.accessLog() != null) {
        Problems here = problems.under("stage " + Problems.describe(stage.name()));
        stage.accessLog().template().problems(type).forEach(p -> here.add("accessLog " + p));
      }
    }
  }

  /** The API's stages, each checked, named once; an HTTP API without any gets {@code $default}. */
  static List<StageDefinition> stages(ApiType type, List<StageDefinition.Builder> stages, Problems problems) {
    List<StageDefinition> built = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (StageDefinition.Builder entry : stages) {
      StageDefinition stage = entry.collect(problems.under("stage " + Problems.describe(entry.name())));
      if (stage == null) {
        continue;
      }
      Problems here = problems.under("stage " + Problems.describe(stage.name()));
      if (!names.add(stage.name())) {
        here.add("name", stage.name(), "a stage name not declared before in this API");
        continue;
      }
      if (type != ApiType.HTTP && StageDefinition.DEFAULT.equals(stage.name())) {
        here.add("name", stage.name(), "a named stage; $default is for httpApi");
      }
      built.add(stage);
    }
    if (stages.isEmpty()) {
      if (type == ApiType.HTTP) {
        built.add(new StageDefinition(StageDefinition.DEFAULT, Map.of()));
      } else {
        problems.add("stages", List.of(), "at least one stage");
      }
    }
    return built;
  }
}
