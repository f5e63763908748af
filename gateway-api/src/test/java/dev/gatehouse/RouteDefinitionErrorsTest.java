package dev.gatehouse;

import static dev.gatehouse.DefinitionAssertions.OK;
import static dev.gatehouse.DefinitionAssertions.PATH_RULE;
import static dev.gatehouse.DefinitionAssertions.assertProblems;

import dev.gatehouse.integration.Integration;
import dev.gatehouse.integration.Integrations;
import java.time.Duration;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Every broken route fails at {@code definition()} naming the API, the route and the field. */
class RouteDefinitionErrorsTest {

  @Test
  void routeKey_duplicate() {
    assertProblems(petstore(api -> api.route("GET /pets", OK).route("GET /pets", OK)),
        "restApi \"petstore\" › route \"GET /pets\": key: \"GET /pets\" "
            + "(expected: a route key not declared before in this API)");
  }

  @Test
  void routeKey_duplicateDefault() {
    assertProblems(Gateway.builder().httpApi("petstore", api -> api.route("$default", OK).route("$default", OK)),
        "httpApi \"petstore\" › route \"$default\": key: \"$default\" "
            + "(expected: a route key not declared before in this API)");
  }

  @Test
  void routeKey_sameShapeDifferentParameterNames() {
    assertProblems(petstore(api -> api.route("GET /pets/{id}", OK).route("GET /pets/{petId}", OK)),
        "restApi \"petstore\" › route \"GET /pets/{petId}\": key: \"GET /pets/{petId}\" "
            + "(expected: a path not already matched by \"GET /pets/{id}\")");
  }

  @Test
  void routeKey_unbalancedBrace() {
    assertProblems(petstore(api -> api.route("GET /pets/{id", OK)),
        "restApi \"petstore\" › route \"GET /pets/{id\": path: \"/pets/{id\" segment \"{id\" "
            + "is not a whole {name} parameter (expected: " + PATH_RULE + ")");
  }

  @Test
  void routeKey_emptySegment() {
    assertProblems(petstore(api -> api.route("GET /pets//toys", OK)),
        "restApi \"petstore\" › route \"GET /pets//toys\": path: \"/pets//toys\" has an empty segment "
            + "(expected: " + PATH_RULE + ")");
  }

  @Test
  void routeKey_trailingSlash() {
    assertProblems(petstore(api -> api.route("GET /pets/", OK)),
        "restApi \"petstore\" › route \"GET /pets/\": path: \"/pets/\" has an empty segment "
            + "(expected: " + PATH_RULE + ")");
  }

  @Test
  void routeKey_greedyNotLast() {
    assertProblems(petstore(api -> api.route("ANY /{proxy+}/edit", OK)),
        "restApi \"petstore\" › route \"ANY /{proxy+}/edit\": path: \"/{proxy+}/edit\" "
            + "greedy {proxy+} is not the last segment (expected: " + PATH_RULE + ")");
  }

  @Test
  void routeKey_duplicateParameterName() {
    assertProblems(petstore(api -> api.route("GET /pets/{id}/toys/{id}", OK)),
        "restApi \"petstore\" › route \"GET /pets/{id}/toys/{id}\": path: \"/pets/{id}/toys/{id}\" "
            + "parameter {id} appears twice (expected: " + PATH_RULE + ")");
  }

  @Test
  void routeKey_unknownMethod() {
    assertProblems(petstore(api -> api.route("FETCH /pets", OK)),
        "restApi \"petstore\" › route \"FETCH /pets\": method: \"FETCH\" "
            + "(expected: one of ANY, DELETE, GET, HEAD, OPTIONS, PATCH, POST, PUT)");
  }

  @Test
  void routeKey_missingSpace() {
    assertProblems(petstore(api -> api.route("GET/pets", OK)),
        "restApi \"petstore\" › route \"GET/pets\": key: \"GET/pets\" "
            + "(expected: \"METHOD /path\" with one space, or \"$default\")");
  }

  @Test
  void routeKey_null() {
    assertProblems(petstore(api -> api.route(null, OK)),
        "restApi \"petstore\" › route null: key: null "
            + "(expected: \"METHOD /path\" with one space, or \"$default\")");
  }

  @Test
  void timeout_negative() {
    assertProblems(petstore(api -> api.route("GET /pets", OK, r -> r.timeout(Duration.ofSeconds(-1)))),
        "restApi \"petstore\" › route \"GET /pets\": timeout: PT-1S (expected: a positive duration)");
  }

  @Test
  void timeout_zero() {
    assertProblems(petstore(api -> api.route("GET /pets", OK, r -> r.timeout(Duration.ZERO))),
        "restApi \"petstore\" › route \"GET /pets\": timeout: PT0S (expected: a positive duration)");
  }

  @Test
  void timeout_null() {
    assertProblems(petstore(api -> api.route("GET /pets", OK, r -> r.timeout(null))),
        "restApi \"petstore\" › route \"GET /pets\": timeout: null (expected: a positive duration)");
  }

  @Test
  void route_everyProblemAtOnce() {
    Integration nothing = null;
    assertProblems(petstore(api -> api.route("GET /pets/{id", nothing, r -> r.timeout(Duration.ZERO))),
        "restApi \"petstore\" › route \"GET /pets/{id\": path: \"/pets/{id\" segment \"{id\" "
            + "is not a whole {name} parameter (expected: " + PATH_RULE + ")",
        "restApi \"petstore\" › route \"GET /pets/{id\": integration: null "
            + "(expected: an integration from Integrations)",
        "restApi \"petstore\" › route \"GET /pets/{id\": timeout: PT0S (expected: a positive duration)");
  }

  @Test
  void standaloneRoute_namesTheRouteWithoutAnApi() {
    assertProblems(() -> RouteDefinition.builder("GET /pets/{id", OK).timeout(Duration.ofMillis(-5)).build(),
        "route \"GET /pets/{id\": path: \"/pets/{id\" segment \"{id\" is not a whole {name} parameter "
            + "(expected: " + PATH_RULE + ")",
        "route \"GET /pets/{id\": timeout: PT-0.005S (expected: a positive duration)");
  }

  private static GatewayBuilder petstore(Consumer<ApiDefinition.Builder> routes) {
    return Gateway.builder().restApi("petstore", api -> routes.accept(api.stage("prod")));
  }
}
