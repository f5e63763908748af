package dev.gatehouse;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Checks usage plans against the APIs they cover and the keys they declare. */
final class UsagePlans {
  private UsagePlans() {}

  static List<UsagePlanDefinition> collect(List<UsagePlanDefinition.Builder> builders, List<ApiDefinition> apis,
      Problems problems) {
    List<UsagePlanDefinition> built = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (UsagePlanDefinition.Builder builder : builders) {
      Problems here = problems.under("usagePlan " + Problems.describe(builder.name()));
      UsagePlanDefinition plan = builder.collect(here);
      if (!names.add(plan.name())) {
        here.add("name", plan.name(), "a usage plan name not declared before");
        continue;
      }
      Set<String> covered = new HashSet<>();
      for (UsagePlanDefinition.ApiStage stage : plan.stages()) {
        checkStage(stage, apis, covered, here);
      }
      built.add(plan);
    }
    return built;
  }

  private static void checkStage(UsagePlanDefinition.ApiStage stage, List<ApiDefinition> apis, Set<String> covered,
      Problems problems) {
    ApiDefinition api = apis.stream().filter(a -> a.name().equals(stage.api())).findFirst().orElse(null);
    if (api == null) {
      problems.add("stage api", stage.api(), "one of " + apis.stream().map(ApiDefinition::name).toList());
      return;
    }
    Problems here = problems.under("stage " + Problems.describe(stage.api() + "/" + stage.stage()));
    if (api.stage(stage.stage()) == null) {
      here.add("stage", stage.stage(), "one of " + api.stages().stream().map(StageDefinition::name).toList()
          + " of " + api.label());
      return;
    }
    if (!covered.add(stage.api() + "/" + stage.stage())) {
      here.add("stage", stage.stage(), "an API stage not already in this plan");
    }
    for (String route : stage.routeThrottles().keySet()) {
      if (api.route(route) == null) {
        here.add("throttle route", route, "a route key of " + api.label() + ": "
            + api.routes().stream().map(r -> r.key().toString()).sorted().toList());
      }
    }
  }

  /**
   * Keys declared in several plans must agree on their value; two keys must not share a value; and
   * no key may be in two plans covering one API stage.
   */
  static void checkKeys(GatewayDefinition definition, Problems problems) {
    Map<String, String> valueById = new HashMap<>();
    Map<String, String> idByValue = new HashMap<>();
    for (UsagePlanDefinition plan : definition.usagePlans()) {
      for (ApiKey key : plan.apiKeys()) {
        if (key.value() == null) {
          continue;
        }
        Problems here = problems.under(plan.label()).under("apiKey " + Problems.describe(key.id()));
        String earlierValue = valueById.putIfAbsent(key.id(), key.value());
        if (earlierValue != null && !earlierValue.equals(key.value())) {
          // never the values themselves: messages reach logs
          here.add("value: differs from the value declared before for this ID (expected: one value per key ID)");
        }
        String earlierId = idByValue.putIfAbsent(key.value(), key.id());
        if (earlierId != null && !earlierId.equals(key.id())) {
          here.add("value: the same as key " + Problems.describe(earlierId)
              + "'s (expected: a value no other key has)");
        }
      }
    }
    for (ApiKey key : definition.apiKeys()) {
      Problems here = problems.under("apiKey " + Problems.describe(key.id()));
      definition.usagePlanProblems(key).forEach(here::add);
    }
  }
}
