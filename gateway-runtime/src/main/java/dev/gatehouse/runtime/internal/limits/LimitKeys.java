package dev.gatehouse.runtime.internal.limits;

import java.time.LocalDate;

/**
 * The store keys of buckets and counters, such that two different buckets never share one. Plan,
 * key and stage names cannot hold {@code |}; an API's name can hold anything, so it goes in with its
 * length in front; a route key, which can also hold anything, always comes last.
 */
final class LimitKeys {
  static final String ACCOUNT = "gatehouse:account";

  private LimitKeys() {}

  static String route(String api, String stage, String routeKey) {
    return "gatehouse:route:" + api(api) + "|" + stage + "|" + routeKey;
  }

  static String plan(String plan, String keyId) {
    return "gatehouse:plan:" + plan + "|" + keyId;
  }

  static String planRoute(String plan, String keyId, String api, String stage, String routeKey) {
    return "gatehouse:plan-route:" + plan + "|" + keyId + "|" + api(api) + "|" + stage + "|" + routeKey;
  }

  private static String api(String name) {
    return name.length() + ":" + name;
  }

  static String quota(String plan, String keyId, LocalDate periodStart) {
    return "gatehouse:quota:" + plan + "|" + keyId + "|" + periodStart;
  }

  static String usage(String plan, String keyId, LocalDate day) {
    return "gatehouse:usage:" + plan + "|" + keyId + "|" + day;
  }
}
